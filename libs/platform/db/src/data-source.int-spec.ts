import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { initializeDataSource } from './data-source.initializer';
import { captureLogger } from './int-spec/capture-logger';
import { sampleEntities, sampleMigrations } from './int-spec/sample.schema';
import { createScratchDatabase } from './int-spec/scratch-database';

describe('createDataSource + initializeDataSource', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  const open: DataSource[] = [];

  const boot = (schema: string, logger = captureLogger().logger) =>
    initializeDataSource(
      createDataSource({
        url: db.url,
        schema,
        entities: sampleEntities,
        migrations: sampleMigrations,
        applicationName: `platform-db-it-${schema}`,
        poolMax: 3,
      }),
      logger,
    ).then((ds) => {
      open.push(ds);
      return ds;
    });

  beforeAll(async () => {
    db = await createScratchDatabase();
  });

  afterAll(async () => {
    await Promise.all(open.filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
    await db.drop();
  });

  it('creates the schema, runs the migrations there and records them in <schema>.migrations', async () => {
    const { logger, records } = captureLogger();
    const ds = await boot('network', logger);

    const tables = await ds.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_name IN ('outlet', 'parcel', 'migrations') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: 'network', table_name: 'migrations' },
      { table_schema: 'network', table_name: 'outlet' },
      { table_schema: 'network', table_name: 'parcel' },
    ]);
    const recorded = await ds.query('SELECT name FROM network.migrations ORDER BY id');
    expect(recorded.map((row: { name: string }) => row.name)).toEqual([
      'CreateSampleOutlet1735689600000',
      'CreateSampleParcel1735776000000',
    ]);
    expect(records.find((r) => r.msg === 'applied migrations')?.migrations).toEqual([
      'CreateSampleOutlet1735689600000',
      'CreateSampleParcel1735776000000',
    ]);
  });

  it('runs nothing the second time', async () => {
    await boot('second_run');
    const { logger, records } = captureLogger();
    const again = await boot('second_run', logger);

    expect(records.some((r) => r.msg === 'applied migrations')).toBe(false);
    expect(records.some((r) => r.msg === 'database schema is up to date')).toBe(true);
    const [{ count }] = await again.query('SELECT count(*)::int AS count FROM second_run.migrations');
    expect(count).toBe(2);
  });

  it('lets replicas that start together apply each migration exactly once', async () => {
    const replicas = await Promise.all([boot('replicas'), boot('replicas'), boot('replicas')]);

    const [{ count }] = await replicas[0].query('SELECT count(*)::int AS count FROM replicas.migrations');
    expect(count).toBe(2);
  });

  it('keeps each subgraph in its own schema', async () => {
    const a = await boot('subgraph_a');
    const b = await boot('subgraph_b');
    await a.query(`INSERT INTO outlet (code) VALUES ('A-1')`);

    expect(await b.query('SELECT code FROM outlet')).toEqual([]);
    expect(await a.query('SELECT code FROM outlet')).toEqual([{ code: 'A-1' }]);
  });

  it('opens connections with the timeouts and names it was given', async () => {
    const ds = await boot('settings');
    const [row] = await ds.query(
      `SELECT current_setting('statement_timeout') AS statement_timeout,
              current_setting('idle_in_transaction_session_timeout') AS idle_in_transaction,
              current_setting('application_name') AS application_name,
              current_setting('search_path') AS search_path`,
    );
    expect(row).toEqual({
      statement_timeout: '15s',
      idle_in_transaction: '30s',
      application_name: 'platform-db-it-settings',
      search_path: 'settings,public',
    });
  });

  it.each(['Network', 'net-work', 'pg_catalog', '1abc', 'a"; DROP SCHEMA public; --'])(
    'refuses schema name %j before touching the database',
    (schema) => {
      expect(() =>
        createDataSource({ url: db.url, schema, entities: [], migrations: [], applicationName: 'x' }),
      ).toThrow(/Invalid schema name/);
    },
  );

  it('closes the pool when migrating fails', async () => {
    class Broken1735862400000 {
      name = 'Broken1735862400000';
      async up(queryRunner: { query(sql: string): Promise<unknown> }) {
        await queryRunner.query('SELECT * FROM no_such_table');
      }
      async down() {
        return undefined;
      }
    }
    const ds = createDataSource({
      url: db.url,
      schema: 'broken',
      entities: [],
      migrations: [Broken1735862400000],
      applicationName: 'platform-db-it-broken',
    });

    await expect(initializeDataSource(ds, captureLogger().logger)).rejects.toThrow(/no_such_table/);
    expect(ds.isInitialized).toBe(false);
  });
});
