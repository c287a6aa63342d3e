import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Do we deliver here" lists a district's partner stations (驿站) in code order and asks whether
 * another kind of outlet is there: `(district_code, kind, code)` answers both from the index alone,
 * where `(district_code, code)` would read every outlet of the district and drop the other kinds
 * (stations outnumber outlets many times over in a city district). `outlets(filter:)` by district
 * and kind uses it too.
 */
export class AddOutletDistrictKindIndex1795800120000 implements MigrationInterface {
  name = 'AddOutletDistrictKindIndex1795800120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outlet_district_kind_idx ON outlet (district_code, kind, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outlet_district_kind_idx`);
  }
}
