import { CONTACT_ROLES } from '@courierdesk/domain-network';

/**
 * Bounds of the short lists the graph returns without paging. The gateway's cost estimate
 * assumes these sizes (`@listSize(assumedSize:)`), so each is either guaranteed by a write rule
 * or enforced where the list is read. Lists that grow with the network or with time (a centre's
 * outlets, an outlet's couriers and areas, an area's history) are connections instead.
 */

/** An outlet's or transit centre's desks (到件/出发客服, 负责人, 分拨中心客服): a handful, kept by HQ; read at most this many. */
export const MAX_CONTACTS = 20;

/** Areas one courier covers at once (承包区): refused on write beyond it (domain rule), read at most this many. */
export { MAX_AREAS_PER_COURIER } from '@courierdesk/domain-network';

/** The transit centres (分拨中心) of one city: a few per city; read at most this many. */
export const MAX_TRANSIT_CENTRES_PER_CITY = 50;

/**
 * Steps of an escalation chain: the topic's roles filled from the outlet's and its centre's
 * desks (≤ MAX_CONTACTS each), HQ's few desks and one courier. Not cut where read: one chain per
 * request, never under a list, so a longer one cannot multiply.
 */
export const MAX_ESCALATION_STEPS = 3 * MAX_CONTACTS + 1;

/** Roles an escalation chain can find missing: at most every contact role. */
export const MAX_MISSING_ROLES = CONTACT_ROLES.length;
