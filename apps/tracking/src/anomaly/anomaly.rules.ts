import { DEFAULT_ANOMALY_POLICIES, detectAnomalies, type Anomaly, type AnomalyPolicies, type ScanEvent } from '@courierdesk/domain-parcel';
import type { WaybillRow } from '../waybill/waybill.row';

/** False when no rule can fire yet (the stored watch): the timeline need not even be read. */
export const mayBeAnomalous = (row: Pick<WaybillRow, 'watchFrom'>, now: Date): boolean => row.watchFrom !== null && row.watchFrom < now;

/** What the rules read of a waybill: a page row has it (waybill.row.ts), so work queues are judged on pages. */
type AnomalyRow = Pick<WaybillRow, 'waybillNo' | 'createdAt' | 'originOutletId' | 'destinationOutletId' | 'watchFrom'>;

/** The waybill's anomalies at `now` by the pure rules, oldest first. */
export function anomaliesOf(row: AnomalyRow, events: readonly ScanEvent[], now: Date, policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES): Anomaly[] {
  if (!mayBeAnomalous(row, now)) return [];
  return detectAnomalies({
    waybill: { waybillNo: row.waybillNo, createdAt: row.createdAt, originOutletId: row.originOutletId, destinationOutletId: row.destinationOutletId },
    events,
    now,
    policy: policies.anomaly,
    peakSeasons: policies.peakSeasons,
  });
}
