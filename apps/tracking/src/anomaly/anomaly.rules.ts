import { DEFAULT_ANOMALY_POLICIES, detectAnomalies, type Anomaly, type AnomalyPolicies, type ScanEvent } from '@courierdesk/domain-parcel';

/** What the rules read of a stored waybill (a waybill row has it; anomalies never import waybills). */
export interface WatchedWaybill {
  waybillNo: string;
  createdAt: Date;
  originOutletId: string;
  destinationOutletId: string | null;
  /** The stored watch: from when a rule could fire (null: none can without a new scan). */
  watchFrom: Date | null;
}

/** False when no rule can fire yet (the stored watch): the timeline need not even be read. */
export const mayBeAnomalous = (row: Pick<WatchedWaybill, 'watchFrom'>, now: Date): boolean => row.watchFrom !== null && row.watchFrom < now;

/** The waybill's anomalies at `now` by the pure rules, oldest first. */
export function anomaliesOf(row: WatchedWaybill, events: readonly ScanEvent[], now: Date, policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES): Anomaly[] {
  if (!mayBeAnomalous(row, now)) return [];
  return detectAnomalies({
    waybill: { waybillNo: row.waybillNo, createdAt: row.createdAt, originOutletId: row.originOutletId, destinationOutletId: row.destinationOutletId },
    events,
    now,
    policy: policies.anomaly,
    peakSeasons: policies.peakSeasons,
  });
}
