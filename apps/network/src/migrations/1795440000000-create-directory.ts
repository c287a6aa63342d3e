import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transit centres (分拨中心), outlets (网点) and couriers (快递员). Unqualified names resolve to
 * the subgraph's schema (the data source puts it first on search_path). Every list filter the
 * schema exposes has an index that also serves the keyset order (…, code).
 */
export class CreateDirectory1795440000000 implements MigrationInterface {
  name = 'CreateDirectory1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE transit_centre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT transit_centre_code_key UNIQUE,
        name text NOT NULL CONSTRAINT transit_centre_name_check CHECK (btrim(name) <> ''),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        city_code text NOT NULL CHECK (city_code ~ '^[0-9]{4}$'),
        district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
        address text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT transit_centre_region_check CHECK (city_code = left(district_code, 4) AND province_code = left(city_code, 2))
      )`);
    await q.query(`CREATE INDEX transit_centre_city_code_idx ON transit_centre (city_code, code)`);

    await q.query(`
      CREATE TABLE outlet (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT outlet_code_key UNIQUE,
        name text NOT NULL CONSTRAINT outlet_name_check CHECK (btrim(name) <> ''),
        kind text NOT NULL CONSTRAINT outlet_kind_check CHECK (kind IN ('DIRECT', 'FRANCHISE', 'PARTNER_STATION')),
        province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
        city_code text NOT NULL CHECK (city_code ~ '^[0-9]{4}$'),
        district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
        province_name text NOT NULL,
        city_name text NOT NULL,
        district_name text NOT NULL,
        address text NOT NULL DEFAULT '',
        phone text,
        manager_name text,
        manager_phone text,
        transit_centre_id uuid CONSTRAINT outlet_transit_centre_fk REFERENCES transit_centre (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (lower(code || ' ' || name || ' ' || address)) STORED,
        CONSTRAINT outlet_region_check CHECK (city_code = left(district_code, 4) AND province_code = left(city_code, 2))
      )`);
    await q.query(`CREATE INDEX outlet_province_code_idx ON outlet (province_code, code)`);
    await q.query(`CREATE INDEX outlet_city_code_idx ON outlet (city_code, code)`);
    await q.query(`CREATE INDEX outlet_district_code_idx ON outlet (district_code, code)`);
    await q.query(`CREATE INDEX outlet_kind_idx ON outlet (kind, code)`);
    await q.query(`CREATE INDEX outlet_transit_centre_id_idx ON outlet (transit_centre_id, code)`);

    await q.query(`
      CREATE TABLE courier (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT courier_code_key UNIQUE,
        employee_no text NOT NULL CONSTRAINT courier_employee_no_key UNIQUE,
        name text NOT NULL CONSTRAINT courier_name_check CHECK (btrim(name) <> ''),
        phone text NOT NULL,
        outlet_id uuid NOT NULL CONSTRAINT courier_outlet_fk REFERENCES outlet (id),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX courier_outlet_id_idx ON courier (outlet_id, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE courier`);
    await q.query(`DROP TABLE outlet`);
    await q.query(`DROP TABLE transit_centre`);
  }
}
