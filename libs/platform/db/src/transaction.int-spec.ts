import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { initializeDataSource } from './data-source.initializer';
import { captureLogger } from './int-spec/capture-logger';
import { SampleOutlet, SampleParcel, sampleEntities, sampleMigrations } from './int-spec/sample.schema';
import { createScratchDatabase } from './int-spec/scratch-database';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation, violatedConstraint } from './postgres-errors';
import { withTransaction } from './transaction';

describe('withTransaction and constraint errors on a real server', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createScratchDatabase();
    ds = await initializeDataSource(
      createDataSource({
        url: db.url,
        schema: 'tx',
        entities: sampleEntities,
        migrations: sampleMigrations,
        applicationName: 'platform-db-it-tx',
        poolMax: 2,
      }),
      captureLogger().logger,
    );
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('commits what the callback wrote', async () => {
    const id = await withTransaction(ds, async (manager) => (await manager.save(SampleOutlet, { code: 'BJ-001' })).id);
    expect(await ds.getRepository(SampleOutlet).findOneBy({ id })).toMatchObject({ code: 'BJ-001' });
  });

  it('rolls everything back when the callback throws', async () => {
    const err = await withTransaction(ds, async (manager) => {
      await manager.insert(SampleOutlet, { code: 'BJ-002' });
      await manager.insert(SampleOutlet, { code: 'BJ-002' });
    }).catch((e: unknown) => e);

    expect(isUniqueViolation(err)).toBe(true);
    expect(await ds.getRepository(SampleOutlet).countBy({ code: 'BJ-002' })).toBe(0);
  });

  it('applies a requested isolation level', async () => {
    const level = await withTransaction(
      ds,
      async (manager) => (await manager.query('SHOW transaction_isolation'))[0].transaction_isolation,
      'SERIALIZABLE',
    );
    expect(level).toBe('serializable');
  });

  it.each([
    ['unique', () => ds.getRepository(SampleOutlet).insert({ code: 'BJ-001' }), isUniqueViolation, 'outlet_code_key'],
    [
      'foreign key',
      () => ds.getRepository(SampleParcel).insert({ weightGrams: 1, outletId: 999_999 }),
      isForeignKeyViolation,
      'parcel_outlet_id_fkey',
    ],
    [
      'check',
      async () => {
        const outlet = await ds.getRepository(SampleOutlet).findOneByOrFail({ code: 'BJ-001' });
        return ds.getRepository(SampleParcel).insert({ weightGrams: 0, outletId: outlet.id });
      },
      isCheckViolation,
      'parcel_weight_positive',
    ],
  ])('recognises a %s violation from TypeORM', async (_kind, act, recognise, constraint) => {
    const err = await (act as () => Promise<unknown>)().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(recognise(err)).toBe(true);
    expect(violatedConstraint(err)).toBe(constraint);
  });
});
