import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { buildWaybill, journey, networkId, newWaybill, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';
import { columnsOfScans } from './scan-columns';
import { shuffledWithSeed } from '@courierdesk/domain-parcel/testing';

const RECORD = `mutation ($input: RecordScansInput!) {
  recordScans(input: $input) { accepted duplicates rejected results { index eventId status scanEventId reasons { field code } } }
}`;
const STATE_COLUMNS = `status, progress, on_return, event_count, last_scan_at, last_event_type, last_event_at, current_place_kind, current_place_id,
  current_courier_id, picked_up_at, signed_at, signer_kind, signer_name, failed_attempts, open_departure_at, signed_scan_at, signed_outlet_id,
  first_out_for_delivery_at, watch_places, watch_from`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** Polls `probe` until it gives a value; fails naming what it waited for after `timeoutMs`. */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('recordScans (扫描上传)', () => {
  let h: TrackingHarness;
  const record = (events: unknown[], identity = as.scanner()) => h.gql(identity, RECORD, { input: { events } });
  const eventRows = async (waybillNo: string): Promise<number> =>
    (await h.ds.query('SELECT count(*)::int AS n FROM scan_event WHERE waybill_no = $1', [waybillNo]))[0].n;
  const state = async (waybillNo: string) => (await h.ds.query(`SELECT ${STATE_COLUMNS} FROM waybill WHERE waybill_no = $1`, [waybillNo]))[0];

  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  it('is idempotent on the scanner’s event id: the same batch twice is all DUPLICATE, no extra rows', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: hoursAgo(72) });
    const events = journey(waybill.waybillNo, routeOf(waybill), hoursAgo(60));
    const first = await record(events);
    expect(first.errors).toBeUndefined();
    expect(first.data.recordScans).toMatchObject({ accepted: 6, duplicates: 0, rejected: 0 });
    const before = await state(waybill.waybillNo);
    const again = await record(events);
    expect(again.data.recordScans).toMatchObject({ accepted: 0, duplicates: 6, rejected: 0 });
    expect(again.data.recordScans.results.map((r: any) => r.scanEventId)).toEqual(first.data.recordScans.results.map((r: any) => r.scanEventId));
    expect(await eventRows(waybill.waybillNo)).toBe(6);
    expect(await state(waybill.waybillNo)).toEqual(before);
    expect(before).toMatchObject({ status: 'DELIVERED', event_count: 6, signer_kind: 'RECIPIENT' });
  });

  it('counts a scan repeated inside one batch once', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: hoursAgo(30) });
    const [pickup] = journey(waybill.waybillNo, routeOf(waybill), hoursAgo(20));
    const res = await record([pickup, pickup]);
    expect(res.data.recordScans.results.map((r: any) => r.status)).toEqual(['ACCEPTED', 'DUPLICATE']);
    expect(await eventRows(waybill.waybillNo)).toBe(1);
  });

  it('derives the same state from scans shuffled across several calls as from scans in order', async () => {
    const route = routeOf(await buildWaybill(h.services));
    const twin = { originOutletId: route.origin, destinationOutletId: route.destination, createdAt: hoursAgo(100) };
    const ordered = await buildWaybill(h.services, twin);
    const shuffled = await buildWaybill(h.services, twin);
    const t0 = Date.now();
    const ago = (hours: number) => new Date(t0 - hours * 3_600_000);
    const failing = (no: string) => [
      ...journey(no, route, ago(90)).slice(0, 5),
      scanOf(no, route, 'DELIVERY_FAILED', ago(50)),
      scanOf(no, route, 'OUT_FOR_DELIVERY', ago(40)),
      scanOf(no, route, 'SIGNED', ago(39), { signer: { kind: 'GUARD', name: '王门卫' } }),
    ];
    await record(failing(ordered.waybillNo));
    const mixed = shuffledWithSeed(failing(shuffled.waybillNo), 7);
    for (const part of [mixed.slice(0, 3), mixed.slice(3, 5), mixed.slice(5)]) expect((await record(part)).data.recordScans.accepted).toBe(part.length);
    expect(await state(shuffled.waybillNo)).toEqual(await state(ordered.waybillNo));
    expect(await state(ordered.waybillNo)).toMatchObject({ status: 'DELIVERED', failed_attempts: 1, signer_kind: 'GUARD' });
    const timeline = await h.gql(as.agent(), 'query ($no: String!) { waybill(waybillNo: $no) { timeline { type eventTime } } }', { no: shuffled.waybillNo });
    const times = timeline.data.waybill.timeline.map((e: any) => e.eventTime);
    expect(times).toEqual([...times].sort());
    expect(timeline.data.waybill.timeline.map((e: any) => e.type)).toEqual(failing(ordered.waybillNo).map((e) => e.type));
  });

  it('serialises concurrent uploads for the same waybills: no lost update', async () => {
    const route = routeOf(await buildWaybill(h.services));
    const twin = { originOutletId: route.origin, destinationOutletId: route.destination, createdAt: hoursAgo(100) };
    const waybills = [await buildWaybill(h.services, twin), await buildWaybill(h.services, twin), await buildWaybill(h.services, twin)];
    const t0 = Date.now();
    const scans = (no: string) => journey(no, route, new Date(t0 - 90 * 3_600_000));
    await record(scans(waybills[0].waybillNo));
    // Two scanners upload halves of the other two journeys at the same time, interleaved.
    const [a, b] = [scans(waybills[1].waybillNo), scans(waybills[2].waybillNo)];
    const uploads = await Promise.all([record([a[0], b[1], a[2], b[3], a[4], b[5]]), record([b[0], a[1], b[2], a[3], b[4], a[5]])]);
    expect(uploads.map((u) => u.data.recordScans.accepted)).toEqual([6, 6]);
    const expected = await state(waybills[0].waybillNo);
    expect(await state(waybills[1].waybillNo)).toEqual(expected);
    expect(await state(waybills[2].waybillNo)).toEqual(expected);
  });

  it('never loses an upload that changed the waybill while this one was being judged', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: hoursAgo(50) });
    const route = routeOf(waybill);
    const no = waybill.waybillNo;
    const [pickup, arrival] = journey(no, route, hoursAgo(40));
    // Another writer stores the pickup and raises the row's version, and holds its lock…
    const other = h.ds.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      const [{ pid: holder }] = await other.query('SELECT pg_backend_pid() AS pid');
      await other.query(`INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type, location_kind, location_id) VALUES ($1, $2, $3, 'PICKED_UP', 'OUTLET', $4)`, [
        no, pickup.eventTime, pickup.eventId, route.origin,
      ]);
      await other.query(`UPDATE waybill SET event_count = event_count + 1 WHERE waybill_no = $1`, [no]);
      // …while this upload reads the old row, folds its arrival onto it and waits for the lock:
      // its state write must be seen blocked by the holder before the holder commits.
      h.queries.reset();
      const upload = record([arrival]);
      const blocked = await waitFor(async () => {
        const rows: { query: string }[] = await h.ds.query(
          `SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND $1::int = ANY(pg_blocking_pids(pid))`,
          [holder],
        );
        return rows[0]?.query;
      }, 'the upload to wait for the lock on the waybill row');
      expect(blocked).toMatch(/^\s*UPDATE waybill w SET/);
      await other.commitTransaction();
      expect((await upload).data.recordScans.accepted).toBe(1);
    } finally {
      await other.release();
    }
    // The optimistic write found the version changed and wrote nothing; the rows were then locked,
    // the timeline recomputed and written again.
    expect(h.queries.matching(/^\s*UPDATE waybill w SET/)).toHaveLength(2);
    expect(h.queries.matching(/FOR NO KEY UPDATE/)).toHaveLength(1);
    // A blind write of the folded state would say one scan and no pickup; the rewrite read both.
    expect(await state(no)).toMatchObject({ event_count: 2, status: 'IN_TRANSIT', last_event_type: 'ARRIVED_AT_HUB', picked_up_at: new Date(pickup.eventTime as string) });
  });

  it('takes the same batch in columns, with the same results and state', async () => {
    const route = routeOf(await buildWaybill(h.services));
    const twin = { originOutletId: route.origin, destinationOutletId: route.destination, createdAt: hoursAgo(80) };
    const [asObjects, asColumns] = [await buildWaybill(h.services, twin), await buildWaybill(h.services, twin)];
    const t0 = Date.now();
    const ago = (hours: number) => new Date(t0 - hours * 3_600_000);
    const batch = (no: string) => [
      ...journey(no, route, ago(70)).slice(0, 4),
      scanOf(no, route, 'DELIVERY_FAILED', ago(30), { note: '放门卫处 13800001111' }),
      { ...scanOf(no, route, 'ARRIVED_AT_HUB', ago(20)), type: 'TELEPORTED' },
      scanOf(no, route, 'OUT_FOR_DELIVERY', ago(10)),
      scanOf(no, route, 'SIGNED', ago(9), { signer: { kind: 'GUARD', name: '王门卫' } }),
    ];
    const byObjects = await record(batch(asObjects.waybillNo));
    const byColumns = await h.gql(as.scanner(), RECORD, { input: { columns: columnsOfScans(batch(asColumns.waybillNo)) } });
    expect(byColumns.errors).toBeUndefined();
    const outcome = (res: any) => res.data.recordScans.results.map((r: any) => [r.index, r.status, r.reasons.map((x: any) => x.code)]);
    expect(outcome(byColumns)).toEqual(outcome(byObjects));
    expect(byColumns.data.recordScans).toMatchObject({ accepted: 7, rejected: 1 });
    expect(await state(asColumns.waybillNo)).toEqual(await state(asObjects.waybillNo));
    expect(await state(asColumns.waybillNo)).toMatchObject({ status: 'DELIVERED', signer_kind: 'GUARD', signer_name: '王门卫', failed_attempts: 1 });
  });

  it.each([
    ['neither shape', {}],
    ['both shapes', { events: [], columns: { eventIds: [], waybillNos: [], types: [], eventTimes: [] } }],
    ['columns of different lengths', { columns: { eventIds: ['a', 'b'], waybillNos: ['CD000000000018'], types: ['PICKED_UP', 'PICKED_UP'], eventTimes: ['x', 'y'] } }],
    ['an optional column of another length', { columns: { eventIds: ['a'], waybillNos: ['CD000000000018'], types: ['PICKED_UP'], eventTimes: ['x'], notes: [null, null] } }],
  ])('refuses a batch with %s as a whole (BAD_USER_INPUT, INVALID_SCAN_BATCH)', async (_, input) => {
    expect(firstError(await h.gql(as.scanner(), RECORD, { input }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCAN_BATCH' });
  });

  it('refuses more than 1,000 scans in columns before storing any', async () => {
    const waybill = await buildWaybill(h.services);
    const route = routeOf(waybill);
    const columns = columnsOfScans(Array.from({ length: 1001 }, () => scanOf(waybill.waybillNo, route, 'PICKED_UP', hoursAgo(1))));
    expect(firstError(await h.gql(as.scanner(), RECORD, { input: { columns } }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_EVENTS' });
    expect(await eventRows(waybill.waybillNo)).toBe(0);
  });

  it('keeps the good scans of a batch with bad ones, results in input order', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: hoursAgo(48) });
    const route = routeOf(waybill);
    const no = waybill.waybillNo;
    const res = await record([
      scanOf(no, route, 'PICKED_UP', hoursAgo(40)),
      { ...scanOf(no, route, 'ARRIVED_AT_HUB', hoursAgo(39)), type: 'TELEPORTED' },
      scanOf(no, route, 'ARRIVED_AT_HUB', hoursAgo(30)),
      scanOf('CD000000000018', route, 'PICKED_UP', hoursAgo(30)),
      scanOf(no, route, 'OUT_FOR_DELIVERY', hoursAgo(29), { courierId: null }),
      scanOf(no, route, 'DEPARTED_HUB', hoursAgo(20), { location: { kind: 'OUTLET', id: route.origin } }),
      scanOf(no, route, 'ARRIVED_AT_OUTLET', hoursAgo(10), { location: { kind: 'OUTLET', id: 'not-an-id' } }),
      scanOf(no, route, 'ARRIVED_AT_OUTLET', new Date(Date.now() + 3_600_000)),
      scanOf(no, route, 'ARRIVED_AT_OUTLET', hoursAgo(60)),
      scanOf(no, route, 'DEPARTED_HUB', hoursAgo(25)),
    ]);
    expect(res.errors).toBeUndefined();
    const results = res.data.recordScans.results;
    expect(results.map((r: any) => [r.index, r.status])).toEqual([
      [0, 'ACCEPTED'], [1, 'REJECTED'], [2, 'ACCEPTED'], [3, 'REJECTED'], [4, 'REJECTED'],
      [5, 'REJECTED'], [6, 'REJECTED'], [7, 'REJECTED'], [8, 'REJECTED'], [9, 'ACCEPTED'],
    ]);
    expect(results.filter((r: any) => r.status === 'REJECTED').map((r: any) => r.reasons.map((x: any) => x.code))).toEqual([
      ['UNKNOWN_SCAN_TYPE'],
      ['INVALID_WAYBILL_NO'],
      ['COURIER_REQUIRED'],
      ['LOCATION_KIND_MISMATCH'],
      ['INVALID_REFERENCE_ID'],
      ['EVENT_TIME_IN_FUTURE'],
      ['EVENT_TIME_BEFORE_CREATION'],
    ]);
    expect(await eventRows(no)).toBe(3);
    expect(await state(no)).toMatchObject({ status: 'IN_TRANSIT', last_event_type: 'DEPARTED_HUB', event_count: 3 });
  });

  it('rejects scans of an unknown waybill one by one', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: hoursAgo(10) });
    const route = routeOf(waybill);
    const res = await record([scanOf(makeWaybillNo(99_999), route, 'PICKED_UP', hoursAgo(5)), scanOf(waybill.waybillNo, route, 'PICKED_UP', hoursAgo(5))]);
    expect(res.data.recordScans.results.map((r: any) => [r.status, r.reasons.map((x: any) => x.code)])).toEqual([
      ['REJECTED', ['UNKNOWN_WAYBILL']],
      ['ACCEPTED', []],
    ]);
  });

  it('refuses more than 1,000 scans in one call (BAD_USER_INPUT)', async () => {
    const waybill = await buildWaybill(h.services);
    const route = routeOf(waybill);
    const events = Array.from({ length: 1001 }, () => scanOf(waybill.waybillNo, route, 'PICKED_UP', hoursAgo(1)));
    const res = await record(events);
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_EVENTS' });
    expect(await eventRows(waybill.waybillNo)).toBe(0);
  });

  it('takes 1,000 scans of 1,000 waybills in one transaction of a few statements', async () => {
    const hub = networkId();
    const waybills = await h.services.creation.createMany(
      null,
      Array.from({ length: 1000 }, (_, i) => ({ ...newWaybill(), createdAt: hoursAgo(10 + (i % 3)) })),
    );
    const scans = waybills.map((w) => scanOf(w.waybillNo, { origin: networkId(), hub, destination: networkId(), courier: networkId() }, 'ARRIVED_AT_HUB', hoursAgo(5)));
    h.queries.reset();
    const res = await record(scans);
    expect(res.data.recordScans.accepted).toBe(1000);
    // BEGIN, read the waybills, insert the scans, update the waybills, COMMIT.
    expect(h.queries.statements.map((sql) => sql.trim().split(/\s+/)[0].toUpperCase())).toEqual(['START', 'SELECT', 'INSERT', 'UPDATE', 'COMMIT']);
    h.queries.reset();
    // Out of order for every waybill: one more statement reads their timelines.
    await record(waybills.map((w, i) => scanOf(w.waybillNo, { origin: networkId(), hub, destination: networkId(), courier: networkId() }, 'PICKED_UP', hoursAgo(6 + (i % 2)))));
    expect(h.queries.statements.map((sql) => sql.trim().split(/\s+/)[0].toUpperCase())).toEqual(['START', 'SELECT', 'INSERT', 'SELECT', 'UPDATE', 'COMMIT']);
  });

  it('lets only tracking:ingest record, and a scanner read nothing', async () => {
    const waybill = await buildWaybill(h.services);
    const [pickup] = journey(waybill.waybillNo, routeOf(waybill), hoursAgo(1));
    expect(firstError(await record([pickup], as.agent()))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
    const read = await h.gql(as.scanner(), 'query ($no: String!) { waybill(waybillNo: $no) { status } }', { no: waybill.waybillNo });
    expect(firstError(read)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});
