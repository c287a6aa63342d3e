import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scan events (扫描记录), the volume table: declaratively RANGE-partitioned by event time, one
 * partition per China calendar month (`scan_event_YYYY_MM`, bounds at 00:00 UTC+8), plus
 * `scan_event_default` so no event is ever refused for lack of a partition.
 *
 * Idempotency: the primary key (waybill_no, event_time, scanner_event_id). A unique index on a
 * partitioned table must contain the partition key, so the scanner's event id alone cannot be
 * unique; but a resend is the same event — same waybill, same time, same id — so this key catches
 * every resend, inside one partition. Two different events that share a scanner id are told
 * apart by waybill or time, which is right (ids are per device). Leading with waybill_no, the
 * same index serves the timeline (waybill_no = ANY … ORDER BY event_time), keeps the hash
 * distribution column (waybill_no, for Citus) in the key, and is the table's only index: every
 * index costs ingest throughput.
 *
 * No foreign key to waybill: recordScans checks existence under the waybill row locks.
 *
 * ensure_scan_event_partitions(from, to) creates the missing monthly partitions covering
 * [from, to]; rows of those months already in the default partition are moved into the new one
 * (PostgreSQL refuses a partition whose rows sit in the default). The subgraph calls it at start
 * and twice a day for [now − 1 month, now + 3 months]; this migration for a year back and three
 * months ahead.
 */
export class CreateScanEvent1795500060000 implements MigrationInterface {
  name = 'CreateScanEvent1795500060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scan_event (
        waybill_no text NOT NULL,
        event_time timestamptz NOT NULL,
        scanner_event_id text NOT NULL CHECK (length(scanner_event_id) BETWEEN 1 AND 64),
        type text NOT NULL CONSTRAINT scan_event_type_check CHECK (type IN (
          'PICKED_UP', 'ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'SIGNED',
          'COLLECTED_BY_RECIPIENT', 'DELIVERY_FAILED', 'PROBLEM_REPORTED', 'HELD', 'RELEASED', 'RETURN_STARTED', 'RETURNED')),
        location_kind text CHECK (location_kind IN ('HUB', 'OUTLET')),
        location_id uuid,
        courier_id uuid,
        signer_kind text,
        signer_name text,
        failure_reason text,
        problem_code text,
        note text,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scan_event_pkey PRIMARY KEY (waybill_no, event_time, scanner_event_id),
        CONSTRAINT scan_event_location_check CHECK ((location_kind IS NULL) = (location_id IS NULL))
      ) PARTITION BY RANGE (event_time)`);
    await q.query(`CREATE TABLE scan_event_default PARTITION OF scan_event DEFAULT`);
    await q.query(`
      CREATE FUNCTION ensure_scan_event_partitions(p_from timestamptz, p_to timestamptz) RETURNS integer
      LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
      DECLARE
        -- China months: bounds at 00:00 UTC+8, whatever the server's TimeZone.
        month date := date_trunc('month', (p_from AT TIME ZONE 'UTC') + interval '8 hours')::date;
        last_month date := date_trunc('month', (p_to AT TIME ZONE 'UTC') + interval '8 hours')::date;
        lo timestamptz;
        hi timestamptz;
        part text;
        created integer := 0;
      BEGIN
        -- One maintainer at a time (replicas start together).
        PERFORM pg_advisory_xact_lock(hashtext('courierdesk:scan_event_partitions'));
        WHILE month <= last_month LOOP
          part := 'scan_event_' || to_char(month, 'YYYY_MM');
          IF to_regclass(part) IS NULL THEN
            lo := (month::timestamp - interval '8 hours') AT TIME ZONE 'UTC';
            hi := ((month + interval '1 month')::timestamp - interval '8 hours') AT TIME ZONE 'UTC';
            -- Inserts wait while rows of this month move out of the default partition.
            LOCK TABLE scan_event_default IN ACCESS EXCLUSIVE MODE;
            EXECUTE 'CREATE TEMP TABLE scan_event_moving (LIKE scan_event) ON COMMIT DROP';
            EXECUTE 'WITH moved AS (DELETE FROM scan_event_default WHERE event_time >= $1 AND event_time < $2 RETURNING *)
                     INSERT INTO scan_event_moving SELECT * FROM moved' USING lo, hi;
            EXECUTE format('CREATE TABLE %I PARTITION OF scan_event FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
            EXECUTE 'INSERT INTO scan_event SELECT * FROM scan_event_moving';
            EXECUTE 'DROP TABLE scan_event_moving';
            created := created + 1;
          END IF;
          month := month + interval '1 month';
        END LOOP;
        RETURN created;
      END
      $fn$`);
    await q.query(`SELECT ensure_scan_event_partitions(now() - interval '12 months', now() + interval '3 months')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ensure_scan_event_partitions(timestamptz, timestamptz)`);
    await q.query(`DROP TABLE scan_event`);
  }
}
