import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lane history for ETAs (线路时效): one row per waybill signed for on its way to the recipient,
 * appended (or corrected) by recordScans in the same transaction: door-to-door hours from pickup
 * (揽收) to signature (签收) on its lane (origin city → destination city, `440300-110100`) and
 * service level. The ETA reads the latest N rows per lane and level — one index range each,
 * newest first, hours in the index (index-only scans).
 */
export class CreateLaneTransitTime1795500120000 implements MigrationInterface {
  name = 'CreateLaneTransitTime1795500120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lane_transit_time (
        waybill_no text PRIMARY KEY,
        lane_key text NOT NULL CHECK (lane_key ~ '^[0-9]{6}-[0-9]{6}$'),
        service_level text NOT NULL CHECK (service_level IN ('STANDARD', 'EXPRESS', 'ECONOMY')),
        picked_up_at timestamptz NOT NULL,
        signed_at timestamptz NOT NULL,
        hours double precision NOT NULL CHECK (hours > 0)
      )`);
    await q.query(`CREATE INDEX lane_transit_time_lane_idx ON lane_transit_time (lane_key, service_level, signed_at DESC) INCLUDE (hours)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lane_transit_time`);
  }
}
