import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The anomaly outbox (异常事件): one row per waybill, anomaly code and episode, appended by the
 * detector's sweep (outbox/anomaly-detector.service.ts) and read by other subgraphs through the
 * `anomalyEvents` feed — never through this table (no subgraph reads another's tables).
 *
 * - `seq` orders the feed; the consumer's cursor is a seq. Only one sweep writes at a time (an
 *   advisory lock), so seqs become visible in increasing order and a reader never skips a row
 *   committed late (see the detector).
 * - UNIQUE (waybill_no, code, since): an episode is an anomaly's start (`since`: the threshold's end
 *   or the scan that broke the rule), so however often the detector runs, across restarts and
 *   processes, an episode is one row; a stall after a later scan has a later `since`, a new row.
 *   Leading with waybill_no, it also serves lookups by waybill.
 * - `recorded_at` is the database's wall clock at insert (the sweep's `detected_at` is the
 *   subgraph's clock, which tests fix): what lag is measured against.
 *
 * Two columns on waybill let a sweep skip what it judged already (the detector explains them):
 * `anomaly_judged_count` (event_count when last judged; NULL never) and `anomaly_recheck_at` (the
 * next instant a rule fires on that timeline without a new scan; NULL none). Every writer of a
 * waybill row leaves them alone, so a new scan (event_count moves on) or a new row (NULL) makes it
 * due again by its watch: recordScans, creation and loaders need no change. Each has a partial
 * index holding only the rows a sweep may need: those not judged in their current state (by
 * watch_from), and those with a recheck due.
 */
export class CreateAnomalyEvent1795500240000 implements MigrationInterface {
  name = 'CreateAnomalyEvent1795500240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE anomaly_event (
        seq bigserial PRIMARY KEY,
        waybill_no text NOT NULL,
        code text NOT NULL CONSTRAINT anomaly_event_code_check CHECK (code IN (
          'STALLED_AT_HUB', 'STALLED_AT_OUTLET', 'NO_PICKUP_SCAN', 'REPEATED_DELIVERY_FAILURE', 'SIGNED_BY_OTHER',
          'SIGNED_WITHOUT_OUT_FOR_DELIVERY', 'NOT_ARRIVED_AT_FINAL_OUTLET')),
        since timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        location_kind text CHECK (location_kind IN ('HUB', 'OUTLET')),
        location_id uuid,
        origin_outlet_id uuid NOT NULL,
        destination_outlet_id uuid,
        reason text NOT NULL,
        threshold_hours double precision,
        counted_from timestamptz,
        policy_version text NOT NULL,
        peak_season_policy_version text,
        peak_season text,
        CONSTRAINT anomaly_event_episode_key UNIQUE (waybill_no, code, since),
        CONSTRAINT anomaly_event_location_check CHECK ((location_kind IS NULL) = (location_id IS NULL))
      )`);
    await q.query(`ALTER TABLE waybill ADD COLUMN anomaly_judged_count integer, ADD COLUMN anomaly_recheck_at timestamptz`);
    await q.query(`CREATE INDEX waybill_anomaly_unjudged_idx ON waybill (watch_from, waybill_no) WHERE watch_from IS NOT NULL AND anomaly_judged_count IS DISTINCT FROM event_count`);
    await q.query(`CREATE INDEX waybill_anomaly_recheck_idx ON waybill (anomaly_recheck_at, waybill_no) WHERE anomaly_recheck_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE waybill DROP COLUMN anomaly_recheck_at, DROP COLUMN anomaly_judged_count`);
    await q.query(`DROP TABLE anomaly_event`);
  }
}
