import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tariffs (资费标准) and the prohibited-items catalogue (禁寄物品目录) as published versions, and
 * what a waybill was charged line by line.
 *
 * A version is a row that never changes (a trigger refuses UPDATE and DELETE): a quote or a charge
 * check names the version it used, and a past waybill is checked against the tariff in force at
 * its pickup, so editing one in place would rewrite history. A new rule is a new version with a
 * later `effective_from`. The body is the domain's Tariff (or the catalogue's items) as JSON,
 * validated by libs/domain/tariff before it is written.
 *
 * Waybill charges: `freight_fen` stays the freight (运费); `surcharges` holds the other lines
 * (INSURANCE, REMOTE_AREA, OVERSIZE, UPSTAIRS → fen). Waybills created before this migration read
 * as charged freight only. Size and floors feed the volumetric weight and the surcharges. None of
 * these columns is written by recordScans, so they cost its updates nothing.
 */
export class CreateTariffs1795800000000 implements MigrationInterface {
  name = 'CreateTariffs1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE waybill
        ADD COLUMN length_cm integer,
        ADD COLUMN width_cm integer,
        ADD COLUMN height_cm integer,
        ADD COLUMN upstairs_floors integer NOT NULL DEFAULT 0 CONSTRAINT waybill_upstairs_floors_check CHECK (upstairs_floors BETWEEN 0 AND 60),
        ADD COLUMN surcharges jsonb NOT NULL DEFAULT '{}'::jsonb CONSTRAINT waybill_surcharges_check CHECK (jsonb_typeof(surcharges) = 'object'),
        ADD CONSTRAINT waybill_dimensions_check CHECK (
          (length_cm IS NULL AND width_cm IS NULL AND height_cm IS NULL)
          OR (length_cm BETWEEN 1 AND 1000 AND width_cm BETWEEN 1 AND 1000 AND height_cm BETWEEN 1 AND 1000))`);

    await q.query(`
      CREATE FUNCTION published_version_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are published versions: add a new version instead', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const [table, pattern, body] of [
      ['tariff_version', '^tariff-[0-9]{4}\\.[0-9]{1,3}$', 'body'],
      ['prohibited_item_catalogue', '^catalogue-[0-9]{4}\\.[0-9]{1,3}$', 'items'],
    ] as const) {
      await q.query(`
        CREATE TABLE ${table} (
          version text PRIMARY KEY CONSTRAINT ${table}_version_check CHECK (version ~ '${pattern}'),
          effective_from timestamptz NOT NULL CONSTRAINT ${table}_effective_from_key UNIQUE,
          ${body} jsonb NOT NULL,
          based_on text CONSTRAINT ${table}_based_on_fk REFERENCES ${table} (version),
          published_at timestamptz NOT NULL DEFAULT now(),
          published_by text NOT NULL
        )`);
      await q.query(`CREATE TRIGGER ${table}_unchanged BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION published_version_unchanged()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE prohibited_item_catalogue`);
    await q.query(`DROP TABLE tariff_version`);
    await q.query(`DROP FUNCTION published_version_unchanged()`);
    await q.query(`ALTER TABLE waybill DROP CONSTRAINT waybill_dimensions_check, DROP COLUMN surcharges, DROP COLUMN upstairs_floors, DROP COLUMN height_cm, DROP COLUMN width_cm, DROP COLUMN length_cm`);
  }
}
