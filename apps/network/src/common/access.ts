import { canSeeOutlet, hasScopes, isOutletBound, Scope, type Identity } from '@courierdesk/platform-auth';
import { maskPhone } from '@courierdesk/domain-network';
import { subgraphError } from './subgraph.errors';

/*
 * Who sees what in the network directory (网点通讯录) — the decision, in one place:
 *
 * 1. Outlets and transit centres are directory data: every caller with network:read, partners
 *    included, reads any outlet's name, code, kind, region, address, manager name and transit
 *    centre. Agents everywhere need to know which outlet serves a place and where parcels route.
 * 2. Couriers, delivery areas and outlet contacts belong to their outlet: an outlet-bound caller
 *    (partner, outlet agent) sees only its own. Others' rows are absent — `courier(id)` says
 *    NOT_FOUND, `_entities` answers null, lists leave them out, and "who delivers here" names the
 *    other outlet but not its area or courier. Franchise outlets are separate businesses; they
 *    deal with each other through work orders and HQ, not by calling each other's staff.
 * 3. Phone numbers are personal data. A number is shown whole only with pii:read AND when the
 *    caller is not outlet-bound or the number belongs to its own outlet; otherwise it is masked
 *    (138****1234). The desks of transit centres and HQ are published to every outlet for
 *    escalation, so with pii:read they are shown whole to any caller.
 * 4. Writes need network:write. An outlet-bound caller holding it is that outlet's manager: it
 *    may change its own outlet (not its kind or transit centre), couriers and areas, and may not
 *    create outlets. Admins and HQ may change anything.
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
