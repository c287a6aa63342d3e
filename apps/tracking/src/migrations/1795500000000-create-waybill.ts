import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waybills (运单): one row per parcel, with its scan state DENORMALISED onto it so a lookup reads
 * one row plus the timeline, and lists and the anomaly queue filter on indexed columns instead of
 * deriving from scans. The state columns are rewritten by recordScans in the transaction that
 * stores the scans (see scan/record-scans.service.ts); loaders writing rows directly must keep
 * them equal to recomputeState over the waybill's scans (or leave the defaults for no scans).
 *
 * Outlet, transit-centre and courier ids are the network subgraph's keys (UUIDs), stored without
 * foreign keys: no subgraph reads another's tables. Money is integer fen (分).
 *
 * Every index on a column recordScans changes makes its updates non-HOT, and a non-HOT update
 * writes an entry into every index: the set below is what the exposed filters need, no more.
 */
export class CreateWaybill1795500000000 implements MigrationInterface {
  name = 'CreateWaybill1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE waybill (
        waybill_no text PRIMARY KEY CONSTRAINT waybill_no_check CHECK (waybill_no ~ '^CD[0-9]{12}$'),
        service_level text NOT NULL CONSTRAINT waybill_service_level_check CHECK (service_level IN ('STANDARD', 'EXPRESS', 'ECONOMY')),
        origin_district_code text NOT NULL CHECK (origin_district_code ~ '^[0-9]{6}$'),
        destination_district_code text NOT NULL CHECK (destination_district_code ~ '^[0-9]{6}$'),
        lane_key text NOT NULL CHECK (lane_key ~ '^[0-9]{6}-[0-9]{6}$'),
        sender_name text NOT NULL,
        sender_phone text NOT NULL,
        sender_address text NOT NULL,
        recipient_name text NOT NULL,
        recipient_phone text NOT NULL,
        recipient_address text NOT NULL,
        origin_outlet_id uuid NOT NULL,
        destination_outlet_id uuid NOT NULL,
        weight_grams integer NOT NULL CHECK (weight_grams > 0),
        declared_value_fen bigint NOT NULL DEFAULT 0 CHECK (declared_value_fen >= 0),
        insured_value_fen bigint NOT NULL DEFAULT 0 CONSTRAINT waybill_insured_value_check CHECK (insured_value_fen >= 0 AND insured_value_fen <= declared_value_fen),
        freight_fen bigint NOT NULL CHECK (freight_fen >= 0),
        created_at timestamptz NOT NULL,

        status text NOT NULL DEFAULT 'CREATED' CONSTRAINT waybill_status_check CHECK (status IN (
          'CREATED', 'IN_TRANSIT', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'AVAILABLE_FOR_PICKUP',
          'DELIVERED', 'EXCEPTION', 'HELD', 'RETURNING', 'RETURNED')),
        progress text NOT NULL DEFAULT 'CREATED',
        on_return boolean NOT NULL DEFAULT false,
        event_count integer NOT NULL DEFAULT 0,
        last_scan_at timestamptz,
        last_event_type text,
        last_event_at timestamptz,
        current_place_kind text CHECK (current_place_kind IN ('HUB', 'OUTLET')),
        current_place_id uuid,
        current_courier_id uuid,
        picked_up_at timestamptz,
        signed_at timestamptz,
        signer_kind text,
        signer_name text,
        collected_at timestamptz,
        returned_at timestamptz,
        failed_attempts integer NOT NULL DEFAULT 0,
        last_failure_outlet_id uuid,
        open_departure_at timestamptz,
        signed_scan_at timestamptz,
        signed_outlet_id uuid,
        first_out_for_delivery_at timestamptz,
        watch_places uuid[] NOT NULL DEFAULT '{}',
        watch_from timestamptz,
        CONSTRAINT waybill_current_place_check CHECK ((current_place_kind IS NULL) = (current_place_id IS NULL))
      )`);
    // Lists are newest first (created_at DESC, waybill_no DESC), served backwards from these.
    await q.query(`CREATE INDEX waybill_created_idx ON waybill (created_at, waybill_no)`);
    await q.query(`CREATE INDEX waybill_origin_idx ON waybill (origin_outlet_id, created_at, waybill_no)`);
    await q.query(`CREATE INDEX waybill_destination_idx ON waybill (destination_outlet_id, created_at, waybill_no)`);
    await q.query(`CREATE INDEX waybill_current_place_idx ON waybill (current_place_id, created_at, waybill_no) WHERE current_place_id IS NOT NULL`);
    await q.query(`CREATE INDEX waybill_status_idx ON waybill (status, created_at, waybill_no)`);
    await q.query(`CREATE INDEX waybill_last_scan_idx ON waybill (last_scan_at, waybill_no) WHERE last_scan_at IS NOT NULL`);
    // The anomaly prefilter (anomaly/watch.ts): which queues a waybill may join, and from when.
    await q.query(`CREATE INDEX waybill_watch_from_idx ON waybill (watch_from, waybill_no) WHERE watch_from IS NOT NULL`);
    await q.query(`CREATE INDEX waybill_watch_places_idx ON waybill USING gin (watch_places) WHERE watch_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE waybill`);
  }
}
