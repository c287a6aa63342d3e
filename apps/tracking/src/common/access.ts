import { canonicalId } from '@courierdesk/domain-core';
import { canSeeOutlet, forbidden, hasScopes, outletRestriction, Scope, type Identity } from '@courierdesk/platform-auth';
import type { RecordOwner } from '@courierdesk/domain-network';
import type { TrackingContext } from '../tracking.loaders';

/*
 * Who sees what in tracking (查件) — the decision, in one place:
 *
 * 1. Scopes. Reading waybills, timelines, anomalies and ETAs needs tracking:read — on every query,
 *    every contributed field (Outlet.inboundWaybills …) and every `_entities` reference. Recording
 *    scans and creating waybills needs tracking:ingest (scanners, order systems, admins); a scanner
 *    without tracking:read gets per-item results, never waybill data.
 * 1a. Where scans come from (scanReach). An outlet-bound scanner records scans at its own outlet
 *    only, naming only couriers reported at its outlet (network-refs/courier-outlets.ts); every
 *    other scan of its batch is REJECTED (LOCATION_OUTSIDE_OUTLET, COURIER_OUTSIDE_OUTLET), the rest
 *    stored. Network-wide reach (hubs, HQ systems) is the explicit scope tracking:ingest:any; a
 *    token with neither an outlet nor that scope records nothing (FORBIDDEN, SCOPE_MISSING).
 * 1b. The anomaly feed (anomalyEvents, outbox/) needs tracking:events: services (another
 *    subgraph on its own behalf) and admins; it is network-wide, so an outlet-bound token is
 *    refused (OUTLET_MISMATCH). Its events carry no personal data; following an event to its
 *    waybill needs tracking:read and the rules below.
 * 2. Rows. An outlet-bound caller (加盟网点 partner, outlet agent) sees a waybill only when its
 *    outlet originated it (始发网点), delivers it (派件网点) or holds it now (its last scan with
 *    a place was at that outlet). Everywhere else the waybill does not exist for it: NOT_FOUND by
 *    number (no existence oracle), absent from every list and queue, null in `_entities`.
 *    HQ agents and analysts (not outlet-bound) see every waybill.
 * 3. Sender, recipient and signer (寄件人、收件人、签收人) are customers; their names, phones,
 *    addresses and the scanners' notes about them are personal data, decided by the one policy of
 *    domain-network (`PERSONAL_DATA_POLICY`, docs/personal-data.md) and applied by the
 *    `@PersonalData` declaration of each field. A waybill's customers belong to its origin and
 *    destination outlets: whole with pii:read for HQ and for those two outlets; masked (张*,
 *    138****1234, the address down to its district, long numbers in notes) for an outlet that
 *    only holds the parcel now, and for every caller without pii:read (analysts among them). The
 *    district code of an address is routing data and is never masked.
 */

/** The outlets a waybill belongs to, for the row rule. */
export interface WaybillOutlets {
  originOutletId: string;
  destinationOutletId: string;
  /** Where it is now, when that is an outlet or a transit centre (ids never collide). */
  currentPlaceId: string | null;
}

/** Whether the caller may see this waybill at all (rule 2). */
export function canSeeWaybill(identity: Identity, waybill: WaybillOutlets): boolean {
  const restriction = outletRestriction(identity);
  if (restriction === null) return true;
  const own = restriction.outletId;
  return waybill.originOutletId === own || waybill.destinationOutletId === own || waybill.currentPlaceId === own;
}

/** Where a caller may record scans (rule 1a): `outletId` its own outlet only; null anywhere. */
export interface ScanReach {
  outletId: string | null;
}

/** Anywhere in the network: tracking:ingest:any, and trusted in-process loaders (seed, benchmarks, tests). */
export const NETWORK_WIDE: ScanReach = { outletId: null };

/**
 * Rule 1a for a caller holding tracking:ingest. Outlet binding wins over every scope (a partner's
 * token never reaches further whatever it asks for); otherwise reach is the explicit scope, never
 * inferred from a missing outlet.
 */
export function scanReach(identity: Identity): ScanReach {
  return ingestReach(identity, 'recording scans anywhere in the network; a scanner of one outlet needs a token bound to that outlet');
}

/**
 * The same rule for creating waybills (下单): an outlet-bound caller creates waybills its outlet
 * originates (others are REJECTED per item, ORIGIN_OUTLET_MISMATCH); creating them for any outlet
 * (an HQ or platform order system) takes tracking:ingest:any, as recording scans anywhere does.
 */
export function waybillReach(identity: Identity): ScanReach {
  return ingestReach(identity, 'creating waybills for any outlet; an outlet’s system needs a token bound to that outlet');
}

function ingestReach(identity: Identity, what: string): ScanReach {
  const restriction = outletRestriction(identity);
  if (restriction) return { outletId: canonicalId(restriction.outletId) };
  if (hasScopes(identity, [Scope.TRACKING_INGEST_ANY])) return NETWORK_WIDE;
  throw forbidden('SCOPE_MISSING', `Missing scope: ${Scope.TRACKING_INGEST_ANY} (${what})`);
}

/** Whether an outlet-bound caller acts for this outlet (creating waybills it originates). */
export const actsForOutlet = (identity: Identity, outletId: string): boolean => canSeeOutlet(identity, outletId);

/** Whose customers a waybill's parties are (rule 3): its origin and destination outlets'. */
export const customersOf = (waybill: Pick<WaybillOutlets, 'originOutletId' | 'destinationOutletId'>): RecordOwner => ({
  outletIds: [waybill.originOutletId, waybill.destinationOutletId],
});

/**
 * The customers' owner of a waybill known only by number (a scan's signer and note), through the
 * request's loader: one query for a level, none when the waybill was loaded already. A waybill the
 * caller may not see has no owner it could claim (null).
 */
export async function customersOfWaybill(ctx: TrackingContext, waybillNo: string): Promise<RecordOwner | null> {
  const row = await ctx.loaders.waybill.load(waybillNo);
  return row && customersOf(row);
}
