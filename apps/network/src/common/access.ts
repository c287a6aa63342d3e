import { canSeeOutlet, hasScopes, isOutletBound, Scope, type Identity } from '@courierdesk/platform-auth';
import { maskPhone } from '@courierdesk/domain-network';
import { subgraphError } from './subgraph.errors';

/*
 * Who sees what in the network directory (网点通讯录) — the decision, in one place:
 *
 * 1. Directory data: outlets, transit centres, couriers (name, code, employee number, active),
 *    delivery areas (street, landmarks, current courier) and who covered an area when. Every
 *    caller with network:read, partners included, reads any outlet's — by id, in lists, nested,
 *    through "who delivers here" and through `_entities`. Parcels cross outlets: a partner
 *    forwarding a problem parcel (问题件) must find which outlet and which courier deliver a
 *    street in another outlet's area, and other subgraphs' references to a courier must resolve
 *    for whoever reads the parcel. A name and an area are what a customer sees on the doorstep
 *    anyway; what needs protecting is the phone number (3).
 * 2. Private to their outlet: the outlet's contacts (desks and manager) and its escalation chain
 *    (升级链). An outlet-bound caller (partner, outlet agent) sees only its own — `contacts` is
 *    empty and `escalationChain` FORBIDDEN for another outlet. A partner escalates along its own
 *    chain; crossing to another outlet's staff goes through work orders and HQ, whose agents
 *    (not outlet-bound) see every chain.
 * 3. Phone numbers are personal data. A number is shown whole only with pii:read AND when the
 *    caller is not outlet-bound or the number belongs to its own outlet; otherwise it is masked
 *    (138****1234). This holds on every path a number can take: a courier's own phone, the
 *    courier of an area, of an assignment in its history, of an escalation step, an outlet's
 *    desk and manager phones. The desks of transit centres and HQ are published to every outlet
 *    for escalation, so with pii:read they are shown whole to any caller.
 * 4. Writes need network:write. An outlet-bound caller holding it is that outlet's manager: it
 *    may change its own outlet (not its kind or transit centre), couriers and areas, and may not
 *    create outlets. Reading another outlet's couriers and areas never lets it change them
 *    (FORBIDDEN, OUTLET_MISMATCH). Admins and HQ may change anything.
 */

/** Whose number it is: an outlet's (its staff, desk or manager) or a network desk (hub, HQ). */
export type PhoneOwner = { outletId: string } | { networkDesk: true };

/** The phone as this caller may see it: whole, masked, or null when there is none. */
export function visiblePhone(identity: Identity, phone: string | null | undefined, owner: PhoneOwner): string | null {
  if (phone == null || phone === '') return null;
  if (!hasScopes(identity, [Scope.PERSONAL_DATA])) return maskPhone(phone);
  if ('networkDesk' in owner) return phone;
  return canSeeOutlet(identity, owner.outletId) ? phone : maskPhone(phone);
}

/** Throws FORBIDDEN for outlet-bound callers: the action is reserved to HQ and admins. */
export function assertHeadquarters(identity: Identity, what: string): void {
  if (isOutletBound(identity)) throw subgraphError('HQ_ONLY', `Only headquarters may ${what}`);
}
