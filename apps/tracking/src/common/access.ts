import { canSeeOutlet, forbidden, hasScopes, outletRestriction, Scope, type Identity } from '@courierdesk/platform-auth';
import { maskPhone } from '@courierdesk/domain-network';

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
 * 2. Rows. An outlet-bound caller (加盟网点 partner, outlet agent) sees a waybill only when its
 *    outlet originated it (始发网点), delivers it (派件网点) or holds it now (its last scan with
 *    a place was at that outlet). Everywhere else the waybill does not exist for it: NOT_FOUND by
 *    number (no existence oracle), absent from every list and queue, null in `_entities`.
 *    HQ agents and analysts (not outlet-bound) see every waybill.
 * 3. Personal data of sender and recipient — phone, address, name — and the signer's name are
 *    shown whole only with pii:read. Without it (analysts, scanners, partners with a reduced
 *    token): phones 138****1234 (maskPhone), addresses keep what a route needs (the district code
 *    stays whole, the text up to the street or compound) and hide the house-number detail
 *    (门牌号、楼栋、单元、房号), names keep the family name (张*).
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
  const restriction = outletRestriction(identity);
  if (restriction) return { outletId: restriction.outletId.toLowerCase() };
  if (hasScopes(identity, [Scope.TRACKING_INGEST_ANY])) return NETWORK_WIDE;
  throw forbidden(
    'SCOPE_MISSING',
    `Missing scope: ${Scope.TRACKING_INGEST_ANY} (recording scans anywhere in the network); a scanner of one outlet needs a token bound to that outlet`,
  );
}

/** True when the caller may read personal data unmasked (rule 3). */
export const seesPersonalData = (identity: Identity): boolean => hasScopes(identity, [Scope.PERSONAL_DATA]);

/** Whether an outlet-bound caller acts for this outlet (creating waybills it originates). */
export const actsForOutlet = (identity: Identity, outletId: string): boolean => canSeeOutlet(identity, outletId);

// Where the house-number detail starts: the first digit, or a Chinese numeral before a unit word.
const DETAIL_START = /[0-9０-９]|[一二三四五六七八九十百零〇两]+(?:号|栋|幢|座|单元|室|楼|层|户|门)/u;

/**
 * An address without its house-number detail (地址脱敏): `科技园路12号3栋501室` → `科技园路****`.
 * With no recognisable detail, the second half is hidden, so free text never leaks whole.
 */
export function maskAddress(address: string): string {
  const chars = [...address];
  if (chars.length === 0) return '';
  const match = DETAIL_START.exec(address);
  const kept = match ? [...address.slice(0, match.index)] : chars.slice(0, Math.floor(chars.length / 2));
  return `${kept.join('')}****`;
}

/** A name with only its first character (normally the family name): 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** A personal phone as this caller may see it. */
export const visiblePhone = (identity: Identity, phone: string): string => (seesPersonalData(identity) ? phone : maskPhone(phone));

/** A personal address as this caller may see it. */
export const visibleAddress = (identity: Identity, address: string): string => (seesPersonalData(identity) ? address : maskAddress(address));

/** A person's name as this caller may see it. */
export const visibleName = (identity: Identity, name: string | null): string | null => (seesPersonalData(identity) ? name : maskName(name));
