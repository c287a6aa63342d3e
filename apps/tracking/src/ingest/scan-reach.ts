import { canonicalId } from '@courierdesk/domain-core';
import { NETWORK_WIDE, type ScanReach } from '../common/access';
import { isUuid } from '../common/ids';
import type { CourierReport } from '../network-refs/courier-outlets';
import type { ScanInput, ScanRejectionReason } from './scan-batch';

/** What judging a batch needs to hold the caller to its reach (common/access.ts, rule 1a). */
export interface ScanAccess {
  reach: ScanReach;
  /** The named couriers' outlets as reported (courier id → outlet id), after this batch's reports. */
  courierOutlets: ReadonlyMap<string, string>;
}

/** No restriction: a network-wide caller, or a trusted in-process loader. */
export const UNRESTRICTED: ScanAccess = { reach: NETWORK_WIDE, courierOutlets: new Map() };

const uuidOf = (value: unknown): string | null => (typeof value === 'string' && isUuid(value.trim()) ? canonicalId(value.trim()) : null);

/** The outlet a scan says it happened at, normalised; null for a hub, no place or a malformed one. */
const outletOf = (input: ScanInput): string | null => (input.location?.kind === 'OUTLET' ? uuidOf(input.location.id) : null);

/**
 * The "courier X works at outlet O" reports a batch makes: scans at an outlet naming a courier;
 * an outlet-bound caller's only at its own outlet (its other scans are refused anyway).
 */
export function courierReports(inputs: readonly ScanInput[], reach: ScanReach): CourierReport[] {
  const reports: CourierReport[] = [];
  for (const input of inputs) {
    const courierId = uuidOf(input.courierId);
    const outletId = courierId && outletOf(input);
    if (courierId && outletId && (reach.outletId === null || outletId === reach.outletId)) reports.push({ courierId, outletId });
  }
  return reports;
}

/**
 * Why a scan lies outside an outlet-bound caller's reach: not located at its outlet (or nowhere),
 * or naming a courier reported at another outlet. None for a network-wide caller. `known` are the
 * reasons found so far: a location already refused is not refused twice.
 */
export function reachReasons(input: ScanInput, access: ScanAccess, known: readonly ScanRejectionReason[]): ScanRejectionReason[] {
  const own = access.reach.outletId;
  if (own === null) return [];
  const reasons: ScanRejectionReason[] = [];
  if (outletOf(input) !== own && !known.some((r) => r.field.startsWith('location'))) {
    const message = input.location
      ? `this token records scans at its outlet ${own} only, not elsewhere`
      : `an outlet's scanner records scans at its own outlet: give location { kind: OUTLET, id: "${own}" }`;
    reasons.push({ field: 'location', code: 'LOCATION_OUTSIDE_OUTLET', message });
  }
  const courierId = uuidOf(input.courierId);
  const reportedAt = courierId ? access.courierOutlets.get(courierId) : undefined;
  if (reportedAt !== undefined && reportedAt !== own) {
    reasons.push({ field: 'courierId', code: 'COURIER_OUTSIDE_OUTLET', message: `courier ${courierId} works at another outlet: an outlet's scanner names its own couriers only` });
  }
  return reasons;
}
