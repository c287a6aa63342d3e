import type { DataSource } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES } from '@courierdesk/domain-parcel';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { TRACKING_DB_SCHEMA, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking.entities';
import { SELECT_DUE } from './outbox/anomaly-event.statements';
import { waybillPageQuery, waybillPagesByPlaceQuery, type WaybillCriteria, type WaybillOrder } from './waybill/waybill-list.query';

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'scan_event\\_%' AND relname <> 'migrations' ORDER BY 1`, [TRACKING_DB_SCHEMA])).map(
    (r: { relname: string }) => r.relname,
  );
const X = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2024-03-20T04:00:00Z');

describe('tracking migrations and indexes', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await initializeDataSource(
      createDataSource({ url: db.url, schema: TRACKING_DB_SCHEMA, entities: TRACKING_ENTITIES, migrations: TRACKING_MIGRATIONS, applicationName: 'tracking-migrations-test', poolMax: 2 }),
      createLogger('test', 'silent'),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('creates the waybill, partitioned scan_event, lane history, courier outlet, anomaly outbox, published-rule and headless-parcel tables', async () => {
    expect(await tables(ds)).toEqual([
      'anomaly_event', 'courier_outlet', 'headless_match_proposal', 'headless_parcel', 'headless_search', 'lane_transit_time',
      'prohibited_item_catalogue', 'scan_event', 'tariff_version', 'waybill',
    ]);
    const [{ strategy }] = await ds.query(`SELECT partstrat AS strategy FROM pg_partitioned_table WHERE partrelid = 'tracking.scan_event'::regclass`);
    expect(strategy).toBe('r');
    // The key is the only index of the volume table (every index costs ingest).
    expect((await ds.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'tracking' AND tablename = 'scan_event'`)).map((r: any) => r.indexname)).toEqual(['scan_event_pkey']);
  });

  it('migrates down to nothing and up again', async () => {
    for (let i = 0; i < TRACKING_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    expect(await ds.query(`SELECT 1 FROM pg_proc WHERE proname = 'ensure_scan_event_partitions'`)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toHaveLength(10);
  });

  it('fills courier_outlet from the stored scans: each courier’s first outlet', async () => {
    const [c1, c2, o1, o2] = ['c1', 'c2', 'a1', 'a2'].map((s) => `00000000-0000-4000-8000-0000000000${s}`);
    const scan = (no: string, at: string, kind: string, place: string, courier: string | null) =>
      ds.query(`INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type, location_kind, location_id, courier_id) VALUES ($1, $2, $3, 'OUT_FOR_DELIVERY', $4, $5, $6)`, [no, at, `${no}-${at}`, kind, place, courier]);
    await scan('CD000000000019', '2024-03-02T00:00:00Z', 'OUTLET', o2, c1);
    await scan('CD000000000027', '2024-03-01T00:00:00Z', 'OUTLET', o1, c1);
    await scan('CD000000000027', '2024-02-01T00:00:00Z', 'HUB', o2, c2);
    await scan('CD000000000035', '2024-03-03T00:00:00Z', 'OUTLET', o2, c2);
    await scan('CD000000000035', '2024-03-04T00:00:00Z', 'OUTLET', o1, null);
    // Back to before the courier_outlet migration (undoing the later ones first), and up again.
    const since = TRACKING_MIGRATIONS.findIndex((migration) => migration.name === 'CreateCourierOutlet1795500180000');
    for (let i = since; i < TRACKING_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.query('SELECT courier_id::text AS courier, outlet_id::text AS outlet FROM courier_outlet ORDER BY 1')).toEqual([
      { courier: c1, outlet: o1 },
      { courier: c2, outlet: o2 },
    ]);
    await ds.query('TRUNCATE scan_event, courier_outlet');
  });

  // Every exposed filter has an index: with sequential scans off, each list query's plan names it.
  it.each<[string, WaybillCriteria, WaybillOrder, RegExp]>([
    ['all waybills, newest first', { ofOutlets: [] }, 'CREATED', /waybill_created_idx/],
    ['by creation range', { ofOutlets: [], createdFrom: NOW }, 'CREATED', /waybill_created_idx/],
    ['by status', { ofOutlets: [], statuses: ['EXCEPTION'] }, 'CREATED', /waybill_status_idx/],
    ['by last scan range', { ofOutlets: [], lastScanFrom: NOW }, 'LAST_SCAN', /waybill_last_scan_idx/],
    ['of an outlet (three branches)', { ofOutlets: [X] }, 'CREATED', /waybill_origin_idx[\s\S]*waybill_destination_idx[\s\S]*waybill_current_place_idx/],
    ['inbound of an outlet', { ofOutlets: [], destinationOutletId: X }, 'CREATED', /waybill_destination_idx/],
    ['outbound of an outlet', { ofOutlets: [], originOutletId: X }, 'CREATED', /waybill_origin_idx/],
    ['anomaly candidates', { ofOutlets: [], dueBefore: NOW }, 'CREATED', /waybill_watch_from_idx|waybill_created_idx/],
    ['a work queue', { ofOutlets: [], watchedAt: X, dueBefore: NOW }, 'WATCH', /waybill_watch_places_idx|waybill_watch_from_idx/],
    ['candidates of one anomaly', { ofOutlets: [], dueBefore: NOW, anomalies: { codes: ['STALLED_AT_HUB'], now: NOW, policies: DEFAULT_ANOMALY_POLICIES } }, 'CREATED', /waybill_watch_from_idx|waybill_created_idx/],
    ['a work queue of one anomaly', { ofOutlets: [], watchedAt: X, dueBefore: NOW, anomalies: { codes: ['STALLED_AT_HUB'], now: NOW, policies: DEFAULT_ANOMALY_POLICIES } }, 'WATCH', /waybill_watch_places_idx|waybill_watch_from_idx/],
  ])('serves %s from an index', async (_name, criteria, order, index) => {
    const [sql, params] = waybillPageQuery(criteria, order, [NOW.getTime(), 'CD000000000019'], 20);
    expect(await plan(sql, params)).toMatch(index);
  });

  it('serves pages of many places and the timeline from indexes', async () => {
    const [sql, params] = waybillPagesByPlaceQuery('destination', [X], { ofOutlets: [] }, 'CREATED', null, 20);
    expect(await plan(sql, params)).toMatch(/waybill_destination_idx/);
    expect(await plan(`SELECT * FROM scan_event WHERE waybill_no = ANY($1::text[]) AND event_time >= $2`, [['CD000000000019'], NOW.toISOString()])).toMatch(/scan_event_\d{4}_\d{2}_pkey/);
    expect(await plan(`SELECT hours FROM lane_transit_time WHERE lane_key = $1 AND service_level = $2 ORDER BY signed_at DESC LIMIT 200`, ['440300-110100', 'STANDARD'])).toMatch(/Index Only Scan using lane_transit_time_lane_idx/);
  });

  it('finds the waybills a sweep must judge from the two partial indexes, and reads the feed by seq', async () => {
    const due = await plan(SELECT_DUE, [NOW.getTime(), 500]);
    expect(due).toMatch(/waybill_anomaly_unjudged_idx/);
    expect(due).toMatch(/waybill_anomaly_recheck_idx/);
    expect(await plan(`SELECT * FROM anomaly_event WHERE seq > $1::bigint ORDER BY seq LIMIT 21`, ['0'])).toMatch(/anomaly_event_pkey/);
  });

  // Headless parcels (无头件): every filter of the list, the search's candidates, a waybill's searches.
  it.each<[string, string, unknown[], RegExp]>([
    ['open parcels at the route’s places in a window', `SELECT * FROM headless_parcel p WHERE p.status = 'OPEN' AND p.found_place_id = ANY($1::uuid[]) AND p.found_at >= $2 AND p.found_at <= $3`, [[X], NOW.toISOString(), NOW.toISOString()], /headless_parcel_open_place_idx/],
    ['parcels of a place, newest first', `SELECT * FROM headless_parcel p WHERE p.found_place_id = $1::uuid ORDER BY p.found_at DESC, p.id DESC LIMIT 21`, [X], /headless_parcel_place_idx/],
    ['parcels by status, newest first', `SELECT * FROM headless_parcel p WHERE p.status = $1 ORDER BY p.found_at DESC, p.id DESC LIMIT 21`, ['MATCHED'], /headless_parcel_status_idx/],
    ['every parcel by found time', `SELECT * FROM headless_parcel p WHERE p.found_at >= $1::timestamptz ORDER BY p.found_at DESC, p.id DESC LIMIT 21`, [NOW.toISOString()], /headless_parcel_found_idx/],
    ['a waybill’s searches, newest first', `SELECT * FROM headless_search x WHERE x.waybill_no = $1 ORDER BY x.searched_at DESC, x.id DESC LIMIT 5`, ['CD000000000019'], /headless_search_waybill_idx/],
    ['proposals of searches', `SELECT * FROM headless_match_proposal m WHERE m.search_id = ANY($1::uuid[]) ORDER BY m.search_id, m.rank`, [[X]], /headless_match_proposal_(pkey|parcel_key)/],
    ['proposals of a parcel (confirming)', `SELECT 1 FROM headless_match_proposal m WHERE m.headless_parcel_id = $1`, [X], /headless_match_proposal_parcel_idx/],
    ['the parcel matched to a waybill', `SELECT parcel_no FROM headless_parcel WHERE matched_waybill_no = $1`, ['CD000000000019'], /headless_parcel_matched_waybill_key/],
  ])('serves headless %s from an index', async (_name, sql, params, index) => {
    expect(await plan(sql, params)).toMatch(index);
  });

  async function plan(sql: string, params: unknown[]): Promise<string> {
    return ds.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      return JSON.stringify(await em.query(`EXPLAIN ${sql}`, params));
    });
  }
});
