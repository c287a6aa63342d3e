import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery areas (承包区) and who covered each when (承包记录). "One open assignment per area"
 * is a partial unique index, so two concurrent handovers cannot both succeed.
 */
export class CreateDeliveryAreas1795440060000 implements MigrationInterface {
  name = 'CreateDeliveryAreas1795440060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outlet_id uuid NOT NULL CONSTRAINT delivery_area_outlet_fk REFERENCES outlet (id),
        district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
        street_code text NOT NULL,
        street_name text NOT NULL,
        name text NOT NULL CONSTRAINT delivery_area_name_check CHECK (btrim(name) <> ''),
        landmarks jsonb NOT NULL DEFAULT '[]'::jsonb CONSTRAINT delivery_area_landmarks_check CHECK (jsonb_typeof(landmarks) = 'array'),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT delivery_area_street_check CHECK (street_code ~ '^[0-9]{9}$' AND left(street_code, 6) = district_code)
      )`);
    await q.query(`CREATE INDEX delivery_area_outlet_id_idx ON delivery_area (outlet_id, name)`);
    // "Who delivers here" loads every area of one district and ranks them in memory.
    await q.query(`CREATE INDEX delivery_area_district_code_idx ON delivery_area (district_code)`);

    await q.query(`
      CREATE TABLE area_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        area_id uuid NOT NULL CONSTRAINT area_assignment_area_fk REFERENCES delivery_area (id),
        courier_id uuid NOT NULL CONSTRAINT area_assignment_courier_fk REFERENCES courier (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT area_assignment_interval_check CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX area_assignment_one_open_idx ON area_assignment (area_id) WHERE ends_at IS NULL`);
    await q.query(`CREATE INDEX area_assignment_history_idx ON area_assignment (area_id, starts_at DESC)`);
    await q.query(`CREATE INDEX area_assignment_open_courier_idx ON area_assignment (courier_id) WHERE ends_at IS NULL`);
    await q.query(`CREATE INDEX area_assignment_courier_idx ON area_assignment (courier_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE area_assignment`);
    await q.query(`DROP TABLE delivery_area`);
  }
}
