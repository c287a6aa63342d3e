import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { initializeDataSource } from './data-source.initializer';
import { captureLogger } from './int-spec/capture-logger';
import { SampleOutlet, SampleParcel, sampleEntities, sampleMigrations } from './int-spec/sample.schema';
import { createScratchDatabase } from './int-spec/scratch-database';
import { QueryCounter } from './query-counter.logger';
import { withTransaction } from './transaction';

describe('QueryCounter', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  const { logger, records } = captureLogger();
  const counter = new QueryCounter(logger);

  beforeAll(async () => {
    db = await createScratchDatabase();
    ds = await initializeDataSource(
      createDataSource({
        url: db.url,
        schema: 'counted',
        entities: sampleEntities,
        migrations: sampleMigrations,
        applicationName: 'platform-db-it-counter',
        poolMax: 2,
        slowQueryMs: 100,
        logger: counter,
      }),
      logger,
    );
    const outlets = await ds.getRepository(SampleOutlet).save([{ code: 'SH-001' }, { code: 'SH-002' }]);
    await ds.getRepository(SampleParcel).save(outlets.map((outlet) => ({ weightGrams: 500, outletId: outlet.id })));
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  beforeEach(() => counter.reset());

  it('counts raw queries', async () => {
    await ds.query('SELECT 1');
    await ds.query('SELECT 2');
    expect(counter.count).toBe(2);
    expect(counter.statements).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('counts repository reads', async () => {
    await ds.getRepository(SampleOutlet).find();
    await ds.getRepository(SampleOutlet).findOneBy({ code: 'SH-001' });
    expect(counter.count).toBe(2);
  });

  it('counts query builders, one statement for a join', async () => {
    const parcels = await ds
      .getRepository(SampleParcel)
      .createQueryBuilder('parcel')
      .leftJoinAndSelect('parcel.outlet', 'outlet')
      .getMany();
    expect(parcels.map((p) => p.outlet?.code).sort()).toEqual(['SH-001', 'SH-002']);
    expect(counter.count).toBe(1);
  });

  it('shows an N+1 for what it is', async () => {
    const parcels = await ds.getRepository(SampleParcel).find();
    for (const parcel of parcels) await ds.getRepository(SampleOutlet).findOneBy({ id: parcel.outletId });
    expect(counter.matching(/^SELECT/)).toHaveLength(1 + parcels.length);
  });

  it('counts writes with their transaction control', async () => {
    await withTransaction(ds, (manager) => manager.getRepository(SampleOutlet).insert({ code: 'SH-003' }));
    expect(counter.statements.map((sql) => sql.split(' ')[0])).toEqual(['START', 'INSERT', 'COMMIT']);
    expect(counter.matching(/^INSERT/)).toHaveLength(1);
  });

  it('starts again from zero after reset()', async () => {
    await ds.query('SELECT 1');
    counter.reset();
    expect(counter.count).toBe(0);
    expect(counter.statements).toEqual([]);
  });

  it('logs slow and failed statements without their parameters', async () => {
    records.length = 0;
    await ds.query('SELECT pg_sleep(0.15)');
    await ds.query('SELECT * FROM outlet WHERE code = $1 AND nonexistent = 1', ['13800138000']).catch(() => undefined);

    expect(records.find((r) => r.msg === 'slow query')).toMatchObject({ sql: 'SELECT pg_sleep(0.15)' });
    expect(records.find((r) => r.msg === 'query failed')).toMatchObject({ code: '42703' });
    expect(JSON.stringify(records)).not.toContain('13800138000');
    expect(counter.count).toBe(2);
  });
});
