import { canonicalId } from '@courierdesk/domain-core';
import { forbidden, hasScopes, outletRestriction, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { NETWORK_WIDE, type ScanReach } from '../common/access';
import { trackingError } from '../common/tracking.errors';
import type { HeadlessParcelRow } from './headless.row';

/*
 * Who does what with headless parcels (无头件):
 *
 * - Register: where the parcel lies. An outlet-bound caller (an outlet's scanner with
 *   tracking:ingest, or its desk with tickets:write) registers parcels found at its own outlet
 *   only (FORBIDDEN, HEADLESS_PLACE_OUTSIDE_OUTLET). Anywhere: hub sorters and HQ systems
 *   (tracking:ingest with tracking:ingest:any — the scope recordScans asks for the same reach),
 *   admins, and HQ agents (role agent, bound to no outlet, with tickets:write). Others: SCOPE_MISSING.
 * - List and read (tracking:read): HQ, agents and analysts see every parcel (a parcel carries no
 *   person's data); an outlet-bound caller sees the parcels found at its own outlet only — absent
 *   from lists, NOT_FOUND by id. Hub staff are not outlet-bound in the identity model.
 * - Search (tracking:read and tickets:write: desk work, analysts read only) for a waybill the caller
 *   can see (the waybill row rule): a partner searches for its own waybills only, and sees the
 *   proposed parcels through its waybill's searches (Waybill.headlessSearches), never others'.
 * - Confirm (tracking:read and tickets:write, bound to no outlet): relabelling a parcel onto a
 *   waybill writes a scan at a hub and closes a loss; a partner could claim any open parcel for its
 *   own waybill to settle a claim, so HQ decides (FORBIDDEN, HEADLESS_CONFIRM_HQ_ONLY).
 */

/** Where the caller may register headless parcels: its own outlet, or anywhere (NETWORK_WIDE). */
export function registrationReach(identity: Identity): ScanReach {
  const restriction = outletRestriction(identity);
  const mayWrite = hasScopes(identity, [Scope.TRACKING_INGEST]) || hasScopes(identity, [Scope.TICKETS_WRITE]);
  if (restriction) {
    if (!mayWrite) throw forbidden('SCOPE_MISSING', `Missing scope: ${Scope.TRACKING_INGEST} or ${Scope.TICKETS_WRITE} (registering headless parcels)`);
    return { outletId: canonicalId(restriction.outletId) };
  }
  if (hasScopes(identity, [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY])) return NETWORK_WIDE;
  if ((identity.roles.includes(Role.AGENT) || identity.roles.includes(Role.ADMIN)) && hasScopes(identity, [Scope.TICKETS_WRITE])) return NETWORK_WIDE;
  throw forbidden('SCOPE_MISSING', `Missing scope: ${Scope.TRACKING_INGEST_ANY} (registering headless parcels anywhere; an outlet registers at its own outlet with a token bound to it)`);
}

/** Refuses a place outside the caller's reach. */
export function assertRegistrationPlace(reach: ScanReach, kind: 'HUB' | 'OUTLET', placeId: string): void {
  if (reach.outletId !== null && (kind !== 'OUTLET' || placeId !== reach.outletId)) {
    throw trackingError('HEADLESS_PLACE_OUTSIDE_OUTLET', `foundPlaceId: this token registers headless parcels found at its outlet ${reach.outletId} only`);
  }
}

/** The outlet an outlet-bound reader is held to (null: every parcel). */
export const readerOutlet = (identity: Identity): string | null => {
  const restriction = outletRestriction(identity);
  return restriction ? canonicalId(restriction.outletId) : null;
};

/** Whether the caller may see this parcel by id or in a list. */
export function canSeeHeadlessParcel(identity: Identity, row: Pick<HeadlessParcelRow, 'foundPlaceKind' | 'foundPlaceId'>): boolean {
  const own = readerOutlet(identity);
  return own === null || (row.foundPlaceKind === 'OUTLET' && row.foundPlaceId === own);
}

/** Confirming is HQ's (see above). */
export function assertMayConfirm(identity: Identity): void {
  if (outletRestriction(identity)) throw trackingError('HEADLESS_CONFIRM_HQ_ONLY', 'Relabelling a headless parcel onto a waybill is confirmed at HQ; ask HQ customer service (总部客服)');
}
