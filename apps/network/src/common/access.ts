import { isOutletBound, type Identity } from '@courierdesk/platform-auth';
import type { RecordOwner } from '@courierdesk/domain-network';
import { subgraphError } from './subgraph.errors';

/*
 * Who sees what in the network directory (网点通讯录) — the decision, in one place:
 *
 * 1. Directory data: outlets, transit centres, couriers (code, employee number, active), delivery
 *    areas (street, landmarks, current courier), who covered an area when, and the desks of every
 *    outlet (their roles). Every caller with network:read, partners included, reads any outlet's —
 *    by id, in lists, nested, through "who delivers here" and through `_entities`. Parcels cross
 *    outlets: a partner forwarding a problem parcel (问题件) must find which outlet and which courier
 *    deliver a street in another outlet's area, and which desk there handles it; other subgraphs'
 *    references to a courier must resolve for whoever reads the parcel.
 * 2. People's names and phones — couriers, managers, desks — are personal data, decided by the one
 *    policy of domain-network (`PERSONAL_DATA_POLICY`, docs/personal-data.md) and applied by the
 *    `@PersonalData` declaration of each field: whole with pii:read for HQ and for the caller's own
 *    outlet, masked (张*, 138****1234) for another outlet's people and without pii:read. A manager
 *    named on the outlet and the same person among its contacts get the same treatment. The desks
 *    of transit centres and HQ are published to every outlet for escalation (`NETWORK` owner).
 * 3. The escalation chain (升级链) is a caller's own: an outlet-bound caller asks only about its own
 *    outlet (FORBIDDEN, OUTLET_MISMATCH otherwise); crossing to another outlet goes through work
 *    orders and HQ, whose agents (not outlet-bound) may ask about any outlet.
 * 4. Writes need network:write. An outlet-bound caller holding it is that outlet's manager: it
 *    may change its own outlet (not its kind or transit centre), couriers and areas, and may not
 *    create outlets. Reading another outlet's couriers and areas never lets it change them
 *    (FORBIDDEN, OUTLET_MISMATCH). Admins and HQ may change anything.
 */

/** The record of one outlet's people (its couriers, manager, desks). */
export const ofOutlet = (outletId: string): RecordOwner => ({ outletIds: [outletId] });

/** A desk's record: its outlet's, or the network's for hub and HQ desks (no outlet). */
export const ofDesk = (outletId: string | null): RecordOwner => (outletId ? ofOutlet(outletId) : 'NETWORK');

/** Throws FORBIDDEN for outlet-bound callers: the action is reserved to HQ and admins. */
export function assertHeadquarters(identity: Identity, what: string): void {
  if (isOutletBound(identity)) throw subgraphError('HQ_ONLY', `Only headquarters may ${what}`);
}
