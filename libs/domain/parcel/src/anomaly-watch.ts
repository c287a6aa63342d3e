import { addHours, DEFAULT_PEAK_SEASON_POLICY, type PeakSeasonPolicy } from '@courierdesk/domain-sla';
import { DEFAULT_ANOMALY_POLICY, type AnomalyPolicy } from './anomaly.policy';
import type { TrackedState } from './parcel-state';
import type { ProgressStatus } from './waybill-status';

/*
 * Anomalies depend on `now` (a parcel becomes "stalled" by nobody scanning it), so they cannot be
 * stored. What can be stored, at every write, is a *watch*: the places whose work queue the waybill
 * could join, and the earliest instant any rule could fire if nothing else happens — computed from
 * the denormalised state with the policies' BASE thresholds (peak seasons only ever stretch them:
 * multiplier ≥ 1, extra ≥ 0, validated by domain-sla). Queries then prefilter in SQL on indexed
 * columns — `watch_from < now` (btree) and `watch_places @> {place}` (GIN) — and run the pure
 * rules (detectAnomalies) on the candidates' timelines, loaded in one batched query. The watch is a
 * superset by construction, checked against detectAnomalies on random timelines in watch.spec.ts.
 * A delivered parcel with a clean sign-off has no watch and never costs the queue anything.
 *
 * The watch depends on the policies' base thresholds: a new anomaly-policy version with a smaller
 * threshold needs the watch columns recomputed (a backfill), like any denormalised column.
 */

/** Lower bounds of the thresholds over every policy version (so the watch holds for each). */
export interface WatchThresholds {
  stallHours: number;
  noPickupHours: number;
  finalOutletArrivalHours: number;
  repeatedFailureCount: number;
  signedByOtherKinds: ReadonlySet<string>;
}

/** The thresholds a watch must use for these policy versions. */
export function watchThresholds(policies: readonly AnomalyPolicy[]): WatchThresholds {
  return {
    stallHours: Math.min(...policies.map((p) => p.stallHours)),
    noPickupHours: Math.min(...policies.map((p) => p.noPickupHours)),
    finalOutletArrivalHours: Math.min(...policies.map((p) => p.finalOutletArrivalHours)),
    repeatedFailureCount: Math.min(...policies.map((p) => p.repeatedFailureCount)),
    signedByOtherKinds: new Set(policies.flatMap((p) => p.signedByOtherKinds)),
  };
}

/** The waybill facts a watch needs besides its state. */
export interface WatchFacts {
  createdAt: Date;
  originOutletId: string;
  destinationOutletId: string | null;
}

/** Where and from when a waybill might be anomalous; `from` null: no rule can fire without a new scan. */
export interface Watch {
  places: string[];
  from: Date | null;
}

const SETTLED: readonly ProgressStatus[] = ['DELIVERED', 'AVAILABLE_FOR_PICKUP'];

/** The watch of a waybill in this state (see the comment above). */
export function watchOf(state: TrackedState, facts: WatchFacts, t: WatchThresholds): Watch {
  const places = new Set<string>();
  let from: Date | null = null;
  const add = (place: string | null, at: Date) => {
    if (place) places.add(place);
    if (from === null || at < from) from = at;
  };
  const settled = SETTLED.includes(state.progress);
  // Rules that fire as soon as their scan is in (failures, sign-off) watch from creation: always past.
  const immediately = facts.createdAt;

  if (state.progress === 'CREATED') add(facts.originOutletId, addHours(facts.createdAt, t.noPickupHours));
  const inNetwork = state.progress !== 'CREATED' && !settled;
  if (inNetwork && state.lastEventAt && state.currentPlace && state.lastEventType !== 'DEPARTED_HUB') {
    add(state.currentPlace.id, addHours(state.lastEventAt, t.stallHours));
  }
  if (!state.onReturn && !settled && state.openDepartureAt && facts.destinationOutletId) {
    add(facts.destinationOutletId, addHours(state.openDepartureAt, t.finalOutletArrivalHours));
  }
  if (!state.onReturn && !settled && state.failedAttempts >= t.repeatedFailureCount) {
    add(state.lastFailureOutletId ?? facts.destinationOutletId, immediately);
  }
  if (!state.onReturn && settled && state.signedScanAt) {
    const byOther = state.signerKind !== null && t.signedByOtherKinds.has(state.signerKind) && state.collectedAt === null;
    const noOutForDelivery = state.firstOutForDeliveryAt === null || state.firstOutForDeliveryAt > state.signedScanAt;
    if (byOther || noOutForDelivery) add(state.signedOutletId ?? facts.destinationOutletId, immediately);
  }
  return { places: [...places].sort(), from };
}

/** The policy versions the anomaly rules run with (异常件规则、旺季日历), and the watch they imply. */
export interface AnomalyPolicies {
  anomaly: readonly AnomalyPolicy[];
  peakSeasons: readonly PeakSeasonPolicy[];
  watch: WatchThresholds;
}

/** The policies in code today: the defaults of the anomaly rules and the peak-season calendar. */
export const DEFAULT_ANOMALY_POLICIES: AnomalyPolicies = {
  anomaly: [DEFAULT_ANOMALY_POLICY],
  peakSeasons: [DEFAULT_PEAK_SEASON_POLICY],
  watch: watchThresholds([DEFAULT_ANOMALY_POLICY]),
};
