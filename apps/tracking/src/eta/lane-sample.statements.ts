import type { LaneSample } from '@courierdesk/domain-parcel';

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
