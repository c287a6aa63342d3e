import type { DataSource } from 'typeorm';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from './network.entities';
import { buildOutlet } from './testing/builders';

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
    expect(await tables(ds)).toEqual(['area_assignment', 'contact', 'courier', 'delivery_area', 'outlet', 'transit_centre']);
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

  it('migrates down to nothing and up again', async () => {
    for (let i = 0; i < NETWORK_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toHaveLength(6);
  });
});
