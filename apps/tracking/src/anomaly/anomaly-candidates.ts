import { ANOMALY_CODES, type AnomalyCode } from '@courierdesk/domain-parcel';
import { chinaDateOf, peakSeasonWindows } from '@courierdesk/domain-sla';
import type { AnomalyPolicies } from '@courierdesk/domain-parcel';

/*
 * Lists filtered by anomaly code (waybills(filter: { anomalies }), the work queues) judge candidates
 * with the pure rules, page by page. The stored watch alone (watch.ts) says only that *some* rule may
 * fire: a STALLED_AT_HUB list would judge every parcel due for any rule and could fill nothing in a
 * round. So each code's necessary condition is also pushed into SQL, on the same state columns and
 * base thresholds the watch uses, split by code (the watch's clauses, one per rule) — and, for the
 * time rules, without the peak-season band: a clock that started in a peak window is not overdue
 * before its stretched threshold, so those rows are not candidates yet. What remains for the rules
 * to refuse is a policy version's detail, so a page is filled in a round or two.
 */

const HOUR_MS = 3_600_000;
const SETTLED = `('DELIVERED', 'AVAILABLE_FOR_PICKUP')`;

/** A half-open range of instants [from, to). */
export interface Instants {
  from: Date;
  to: Date;
}

const stretched = (base: number, window: { multiplier: number; extraHours: number }): number =>
  Math.round((base * window.multiplier + window.extraHours) * 100) / 100;

/**
 * When a threshold of `baseHours` (the smallest of the policy versions) started counting at an instant
 * in one of these ranges, it is not overdue at `now` although more than `baseHours` have passed: the
 * peak season (旺季) in force at that instant stretches it further. None when some anomaly-policy
 * version does not stretch. Conservative: the real threshold is at least the base stretched by any
 * window containing the instant (peaks only stretch, a larger base only stretches more).
 */
export function notYetOverdue(now: Date, baseHours: number, policies: AnomalyPolicies): Instants[] {
  if (!policies.anomaly.every((policy) => policy.stretchInPeakSeason)) return [];
  const versions = [...policies.peakSeasons].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  const year = chinaDateOf(now).year;
  const bands: Instants[] = [];
  versions.forEach((version, i) => {
    const inForceUntil = versions[i + 1]?.effectiveFrom.getTime() ?? Infinity;
    for (const window of [year - 1, year].flatMap((y) => peakSeasonWindows(y, version))) {
      const hours = stretched(baseHours, window);
      if (hours <= baseHours) continue;
      // Exactly at the threshold is still on time; start on the next whole millisecond.
      const from = Math.max(window.start.getTime(), version.effectiveFrom.getTime(), Math.ceil(now.getTime() - hours * HOUR_MS));
      const to = Math.min(window.end.getTime(), inForceUntil, now.getTime() - baseHours * HOUR_MS);
      if (from < to) bands.push({ from: new Date(from), to: new Date(to) });
    }
  });
  return bands;
}

/** Adds a bind parameter and returns its placeholder (`$3::timestamptz`). */
export type BindParameter = (value: unknown, type: string) => string;

/**
 * The SQL condition (alias `w`) every waybill with one of `codes` at `now` meets (all codes when
 * empty): a superset of the rules, checked on random timelines by the list specs.
 */
export function anomalyCandidatesSql(codes: readonly AnomalyCode[], now: Date, policies: AnomalyPolicies, add: BindParameter): string {
  const t = policies.watch;
  const overdue = (column: string, hours: number): string =>
    [
      `${column} < ${add(new Date(now.getTime() - hours * HOUR_MS), 'timestamptz')}`,
      ...notYetOverdue(now, hours, policies).map((band) => `NOT (${column} >= ${add(band.from, 'timestamptz')} AND ${column} < ${add(band.to, 'timestamptz')})`),
    ].join(' AND ');
  const stalled = (kind: 'HUB' | 'OUTLET') =>
    `w.progress NOT IN ('CREATED', 'DELIVERED', 'AVAILABLE_FOR_PICKUP') AND w.current_place_kind = '${kind}' ` +
    `AND w.last_event_type IS DISTINCT FROM 'DEPARTED_HUB' AND ${overdue('w.last_event_at', t.stallHours)}`;
  const signed = `NOT w.on_return AND w.progress IN ${SETTLED} AND w.signed_scan_at IS NOT NULL`;
  const rules: Record<AnomalyCode, () => string> = {
    STALLED_AT_HUB: () => stalled('HUB'),
    STALLED_AT_OUTLET: () => stalled('OUTLET'),
    NO_PICKUP_SCAN: () => `w.progress = 'CREATED' AND ${overdue('w.created_at', t.noPickupHours)}`,
    NOT_ARRIVED_AT_FINAL_OUTLET: () => `NOT w.on_return AND w.progress NOT IN ${SETTLED} AND ${overdue('w.open_departure_at', t.finalOutletArrivalHours)}`,
    REPEATED_DELIVERY_FAILURE: () => `NOT w.on_return AND w.progress NOT IN ${SETTLED} AND w.failed_attempts >= ${add(t.repeatedFailureCount, 'int')}`,
    SIGNED_BY_OTHER: () => `${signed} AND w.collected_at IS NULL AND w.signer_kind = ANY(${add([...t.signedByOtherKinds], 'text[]')})`,
    SIGNED_WITHOUT_OUT_FOR_DELIVERY: () => `${signed} AND (w.first_out_for_delivery_at IS NULL OR w.first_out_for_delivery_at > w.signed_scan_at)`,
  };
  return `(${(codes.length > 0 ? [...new Set(codes)] : ANOMALY_CODES).map((code) => `(${rules[code]()})`).join(' OR ')})`;
}
