import type { DataSource } from 'typeorm';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { createTrackingServices, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from '@courierdesk/tracking';
import { loadTrackingDemo, trackingIsEmpty } from './load-tracking-demo';
import { generateNetworkDemo } from './network-demo';
import { generateTrackingDemo } from './tracking-demo';
import { loadTrackingVolume } from './tracking-volume';

// The same histories three ways, each into a tracking schema of its own: the demo loader (unnest),
// the volume loader (COPY), and the tracking subgraph's own services (createWaybills, then
// recordScans in upload order). The loaders must leave exactly what the services leave.
const logger = createLogger('test', 'silent');
const now = new Date(Date.now() - 60_000);
const network = generateNetworkDemo({ provinces: ['11', '31'] });
const demo = generateTrackingDemo(network, { waybills: 400, now, seed: 5 });

let db: TestDatabase;
const sources: Record<'demo' | 'services' | 'volume', DataSource> = {} as never;

const migrated = (schema: string) =>
  initializeDataSource(
    createDataSource({ url: db.url, schema, entities: TRACKING_ENTITIES, migrations: TRACKING_MIGRATIONS, applicationName: 'test', poolMax: 3 }),
    logger,
  );

async function tables(schema: string) {
  const ds = sources.demo;
  return {
    waybills: await ds.query(`SELECT * FROM "${schema}".waybill ORDER BY waybill_no`),
    scans: await ds.query(`SELECT * FROM "${schema}".scan_event ORDER BY waybill_no, event_time, scanner_event_id`).then((rows: Record<string, unknown>[]) =>
      rows.map(({ received_at: _received, ...row }) => row),
    ),
    lanes: await ds.query(`SELECT * FROM "${schema}".lane_transit_time ORDER BY waybill_no`),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  sources.demo = await migrated('tracking');
  sources.services = await migrated('tracking_services');
  sources.volume = await migrated('tracking_volume');

  await loadTrackingDemo(sources.demo, demo);

  await loadTrackingVolume({ databaseUrl: db.url, network, waybills: demo.counts.waybills, now, seed: 5, schema: 'tracking_volume' });

  const services = createTrackingServices(sources.services, { now: () => now });
  const waybills = demo.histories.map((h) => h.waybill);
  for (let i = 0; i < waybills.length; i += 1000) {
    const results = await services.creation.createMany(null, waybills.slice(i, i + 1000));
    expect(results.filter((r) => r.status !== 'CREATED')).toEqual([]);
  }
  const uploads = demo.histories.flatMap((h) => h.events).sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
  for (let i = 0; i < uploads.length; i += 1000) {
    const results = await services.scans.record(uploads.slice(i, i + 1000));
    expect(results.filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
  }
}, 60_000);

afterAll(async () => {
  for (const ds of Object.values(sources)) if (ds?.isInitialized) await ds.destroy();
  await db?.drop();
});

describe('loadTrackingDemo and loadTrackingVolume', () => {
  it('write every waybill, scan and lane sample', async () => {
    const loaded = await tables('tracking');
    expect(loaded.waybills).toHaveLength(demo.counts.waybills);
    expect(loaded.scans).toHaveLength(demo.counts.events);
    expect(loaded.lanes.length).toBeGreaterThan(demo.counts.waybills / 2);
    expect(await trackingIsEmpty(sources.demo)).toBe(false);
    expect(await trackingIsEmpty(sources.services, 'tracking_services')).toBe(false);
  });

  it('leave exactly the rows recordScans leaves: state, anomaly watch, scans, ETA history', async () => {
    const [loaded, ingested] = [await tables('tracking'), await tables('tracking_services')];
    expect(loaded.waybills).toEqual(ingested.waybills);
    expect(loaded.scans).toEqual(ingested.scans);
    expect(loaded.lanes).toEqual(ingested.lanes);
  });

  it('COPY (volume mode) writes the same rows as the demo loader', async () => {
    expect(await tables('tracking_volume')).toEqual(await tables('tracking'));
  });

  it('loads all or nothing: a second load of the same demo fails and changes nothing', async () => {
    await expect(loadTrackingDemo(sources.demo, demo)).rejects.toThrow(/duplicate key/);
    const [{ n }] = await sources.demo.query('SELECT count(*)::int AS n FROM tracking.scan_event');
    expect(n).toBe(demo.counts.events);
  });

  it('volume mode generates past the waybill count until the scan count is reached', async () => {
    const result = await loadTrackingVolume({ databaseUrl: db.url, network, waybills: 10, events: 500, now, seed: 6, firstSequence: 1_000_000, schema: 'tracking_volume', deferIndexes: true });
    expect(result.events).toBeGreaterThanOrEqual(500);
    expect(result.waybills).toBeGreaterThan(10);
    expect(result.lastSequence - result.firstSequence + 1).toBe(result.waybills);
    const indexes = await sources.volume.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'tracking_volume' AND tablename = 'waybill'`);
    const original = await sources.demo.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'tracking' AND tablename = 'waybill'`);
    expect(indexes).toEqual(original);
  });
});
