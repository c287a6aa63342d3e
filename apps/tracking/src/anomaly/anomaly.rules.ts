import { DEFAULT_ANOMALY_POLICY, detectAnomalies, type Anomaly, type AnomalyPolicy, type ScanEvent } from '@courierdesk/domain-parcel';
import { DEFAULT_PEAK_SEASON_POLICY, type PeakSeasonPolicy } from '@courierdesk/domain-sla';
import type { WaybillRow } from '../waybill/waybill.row';
import { watchThresholds, type WatchThresholds } from './watch';

/** The policy versions the anomaly rules run with (异常件规则、旺季日历), and the watch they imply. */
export interface AnomalyPolicies {
  anomaly: readonly AnomalyPolicy[];
  peakSeasons: readonly PeakSeasonPolicy[];
  watch: WatchThresholds;
}

/** The policies in code today: the domain's defaults. */
export const DEFAULT_ANOMALY_POLICIES: AnomalyPolicies = {
  anomaly: [DEFAULT_ANOMALY_POLICY],
  peakSeasons: [DEFAULT_PEAK_SEASON_POLICY],
  watch: watchThresholds([DEFAULT_ANOMALY_POLICY]),
};

/** False when no rule can fire yet (the stored watch): the timeline need not even be read. */
export const mayBeAnomalous = (row: Pick<WaybillRow, 'watchFrom'>, now: Date): boolean => row.watchFrom !== null && row.watchFrom < now;

/** The waybill's anomalies at `now` by the pure rules, oldest first. */
export function anomaliesOf(row: WaybillRow, events: readonly ScanEvent[], now: Date, policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES): Anomaly[] {
  if (!mayBeAnomalous(row, now)) return [];
  return detectAnomalies({
    waybill: { waybillNo: row.waybillNo, createdAt: row.createdAt, originOutletId: row.originOutletId, destinationOutletId: row.destinationOutletId },
    events,
    now,
    policy: policies.anomaly,
    peakSeasons: policies.peakSeasons,
  });
}
