import { hoursBetween } from '@courierdesk/domain-sla';
import type { ServiceLevel } from '@courierdesk/domain-parcel';
import type { TrackedState } from '../scan/tracked-state';

/** One door-to-door duration on a lane (线路时效样本): pickup (揽收) to signature (签收). */
export interface LaneSample {
  waybillNo: string;
  laneKey: string;
  serviceLevel: ServiceLevel;
  pickedUpAt: Date;
  signedAt: Date;
  hours: number;
}

/** The lane sample a waybill in this state gives: signed for on its way to the recipient, after a pickup scan. */
export function laneSampleOf(waybill: { waybillNo: string; laneKey: string; serviceLevel: ServiceLevel }, state: TrackedState): LaneSample | null {
  if (state.onReturn || !state.signedAt || !state.pickedUpAt) return null;
  const hours = hoursBetween(state.pickedUpAt, state.signedAt);
  // A signature before the pickup scan is a scanner clock problem, not a duration worth learning from.
  if (!(hours > 0)) return null;
  return { waybillNo: waybill.waybillNo, laneKey: waybill.laneKey, serviceLevel: waybill.serviceLevel, pickedUpAt: state.pickedUpAt, signedAt: state.signedAt, hours };
}

/** True when two samples say the same (no write needed). */
export const sameSample = (a: LaneSample | null, b: LaneSample | null): boolean =>
  a?.signedAt.getTime() === b?.signedAt.getTime() && a?.pickedUpAt.getTime() === b?.pickedUpAt.getTime();

/**
 * Statements that append (or correct, when a late scan moved the pickup or signature) the samples,
 * and withdraw those of waybills no longer signed for on the way out (a late return scan): none
 * when there is nothing to write, one each otherwise.
 */
export function laneSampleStatements(samples: readonly LaneSample[], withdrawn: readonly string[]): [string, unknown[]][] {
  const statements: [string, unknown[]][] = [];
  if (samples.length > 0) {
    statements.push([
      `INSERT INTO lane_transit_time (waybill_no, lane_key, service_level, picked_up_at, signed_at, hours)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::float8[])
       ON CONFLICT (waybill_no) DO UPDATE SET picked_up_at = EXCLUDED.picked_up_at, signed_at = EXCLUDED.signed_at, hours = EXCLUDED.hours`,
      [
        samples.map((s) => s.waybillNo),
        samples.map((s) => s.laneKey),
        samples.map((s) => s.serviceLevel),
        samples.map((s) => s.pickedUpAt.toISOString()),
        samples.map((s) => s.signedAt.toISOString()),
        samples.map((s) => s.hours),
      ],
    ]);
  }
  if (withdrawn.length > 0) statements.push([`DELETE FROM lane_transit_time WHERE waybill_no = ANY($1::text[])`, [withdrawn]]);
  return statements;
}
