import { DataSource } from 'typeorm';
import { chinaTime } from '@courierdesk/domain-sla';
import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity } from '@courierdesk/testing';
import { buildWaybill, networkId, scanOf, type Route } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';
import { createTrackingServices, type TrackingServices } from '../tracking.services';

const march = (day: number, hour = 0) => chinaTime(2024, 3, day, hour);
const HOUR = 3_600_000;
const FEED = `query ($first: Int, $after: String) {
  anomalyEvents(first: $first, after: $after) {
    edges { cursor node { seq waybillNo code since detectedAt reason thresholdHours policyVersion location { __typename id } originOutlet { id } destinationOutlet { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RECORD = `mutation ($input: RecordScansInput!) { recordScans(input: $input) { accepted } }`;

/** Every event of the feed, read in pages of `first` as a consumer would. */
async function readFeed(h: TrackingHarness, first = 100): Promise<any[]> {
  const events: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res = await h.gql(as.service(), FEED, { first, after });
    expect(res.errors).toBeUndefined();
    const page: any = res.data.anomalyEvents;
    events.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return events;
    after = page.pageInfo.endCursor;
  }
}

describe('the anomaly outbox (异常事件): detector and feed', () => {
  let h: TrackingHarness;
  let now = march(20, 12);
  const hub = networkId();
  const courier = networkId();
  const others: { ds: DataSource; services: TrackingServices }[] = [];

  /** Another process over the same database: its own pool and services (a second replica, or after a restart). */
  async function anotherProcess(): Promise<TrackingServices> {
    const ds = await new DataSource({ ...h.ds.options, poolSize: 2 } as never).initialize();
    const services = createTrackingServices(ds, { now: () => now });
    others.push({ ds, services });
    return services;
  }

  async function waybill(createdAt: Date, scans: [Parameters<typeof scanOf>[2], Date, object?][], over: object = {}) {
    const w = await buildWaybill(h.services, { createdAt, ...over });
    const route: Route = { origin: w.originOutletId, hub, destination: w.destinationOutletId, courier };
    const results = await h.services.scans.record(scans.map(([type, at, more]) => scanOf(w.waybillNo, route, type, at, more)));
    expect(results.filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
    return { ...w, route };
  }
  const eventsOf = async (waybillNo: string) =>
    (await h.ds.query(`SELECT code, since, seq::int FROM anomaly_event WHERE waybill_no = $1 ORDER BY seq`, [waybillNo])) as { code: string; since: Date; seq: number }[];

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => now });
  });
  afterAll(async () => {
    for (const other of others) await other.ds.destroy();
    await h.stop();
  });
  beforeEach(async () => {
    // Each test judges its own waybills: earlier ones are left judged, and the feed is emptied.
    await h.services.anomalies.sweep(now);
    await h.ds.query('TRUNCATE anomaly_event');
  });

  it('publishes a stalled waybill once, however many sweeps run — concurrent, in two processes, after a restart', async () => {
    now = march(20, 12);
    const stalled = await waybill(march(10, 9), [['PICKED_UP', march(10, 10)], ['ARRIVED_AT_HUB', march(11, 8)]]);
    const [a, b] = [await anotherProcess(), await anotherProcess()];

    const first = await Promise.all([h.services.anomalies.sweep(now), h.services.anomalies.sweep(now), a.anomalies.sweep(now), b.anomalies.sweep(now)]);
    expect(first.reduce((n, r) => n + r.published, 0)).toBe(1);
    // Each due waybill is judged once: the others found the lock taken or nothing due.
    expect(first.reduce((n, r) => n + r.judged, 0)).toBe(1);
    now = march(21, 12);
    await h.services.anomalies.sweep(now);
    const restarted = await anotherProcess();
    expect(await restarted.anomalies.sweep(new Date(now.getTime() + HOUR))).toMatchObject({ published: 0 });

    expect(await eventsOf(stalled.waybillNo)).toEqual([{ code: 'STALLED_AT_HUB', since: new Date(march(11, 8).getTime() + 72 * HOUR), seq: expect.any(Number) }]);
    const [event] = await readFeed(h);
    expect(event).toEqual({
      seq: expect.stringMatching(/^[0-9]+$/),
      waybillNo: stalled.waybillNo,
      code: 'STALLED_AT_HUB',
      since: new Date(march(11, 8).getTime() + 72 * HOUR).toISOString(),
      detectedAt: march(20, 12).toISOString(),
      reason: expect.stringContaining('分拨中心滞留'),
      thresholdHours: 72,
      policyVersion: 'anomaly-2020.1',
      location: { __typename: 'TransitCentre', id: hub },
      originOutlet: { id: stalled.originOutletId },
      destinationOutlet: { id: stalled.destinationOutletId },
    });
  });

  it('publishes a new episode when the waybill stalls again after a later scan', async () => {
    now = march(20, 12);
    const w = await waybill(march(10, 9), [['PICKED_UP', march(10, 10)], ['ARRIVED_AT_HUB', march(11, 8)]]);
    await h.services.anomalies.sweep(now);
    const secondHub = networkId();
    now = march(21, 12);
    await h.services.scans.record([
      scanOf(w.waybillNo, w.route, 'DEPARTED_HUB', march(20, 14)),
      scanOf(w.waybillNo, w.route, 'ARRIVED_AT_HUB', march(21, 6), { location: { kind: 'HUB', id: secondHub } }),
    ]);
    // Moving again: its watch (the new stall's threshold) is not due yet, so it is not even judged.
    now = march(22, 12);
    expect(await h.services.anomalies.sweep(now)).toMatchObject({ judged: 0, published: 0 });
    now = march(25, 12);
    expect(await h.services.anomalies.sweep(now)).toMatchObject({ published: 1 });
    await h.services.anomalies.sweep(now);
    const events = await eventsOf(w.waybillNo);
    expect(events.map((e) => [e.code, e.since])).toEqual([
      ['STALLED_AT_HUB', new Date(march(11, 8).getTime() + 72 * HOUR)],
      ['STALLED_AT_HUB', new Date(march(21, 6).getTime() + 72 * HOUR)],
    ]);
    expect(events[1].seq).toBeGreaterThan(events[0].seq);
  });

  it('judges a quiet anomalous waybill once, and again only when its next rule comes due', async () => {
    // Misrouted (错分): left the hub, arrived at another outlet. Not arrived at its own outlet fires
    // 48 h after the departure; stalled at the wrong outlet 72 h after the arrival, with no new scan.
    now = march(20, 12);
    const wrongOutlet = networkId();
    const w = await waybill(march(12, 9), [
      ['PICKED_UP', march(12, 10)],
      ['DEPARTED_HUB', march(13, 8)],
      ['ARRIVED_AT_OUTLET', march(13, 10), { location: { kind: 'OUTLET', id: wrongOutlet } }],
    ]);
    now = new Date(march(13, 8).getTime() + 50 * HOUR);
    expect(await h.services.anomalies.sweep(now)).toEqual({ skipped: false, judged: 1, published: 1, more: false });
    const [judgement] = await h.ds.query(`SELECT anomaly_judged_count AS count, anomaly_recheck_at AS recheck FROM waybill WHERE waybill_no = $1`, [w.waybillNo]);
    expect(judgement).toEqual({ count: 3, recheck: new Date(march(13, 10).getTime() + 72 * HOUR) });

    h.queries.reset();
    now = new Date(march(13, 10).getTime() + 70 * HOUR);
    expect(await h.services.anomalies.sweep(now)).toEqual({ skipped: false, judged: 0, published: 0, more: false });
    // Lock and the due query: no timeline read, nothing judged.
    expect(h.queries.matching(/scan_event/)).toEqual([]);

    now = new Date(march(13, 10).getTime() + 73 * HOUR);
    expect(await h.services.anomalies.sweep(now)).toEqual({ skipped: false, judged: 1, published: 1, more: false });
    expect((await eventsOf(w.waybillNo)).map((e) => e.code)).toEqual(['NOT_ARRIVED_AT_FINAL_OUTLET', 'STALLED_AT_OUTLET']);
    const [after] = await h.ds.query(`SELECT anomaly_recheck_at AS recheck FROM waybill WHERE waybill_no = $1`, [w.waybillNo]);
    expect(after.recheck).toBeNull();
    expect(await h.services.anomalies.sweep(new Date(now.getTime() + 1000 * HOUR))).toMatchObject({ judged: 0 });
  });

  it('skips a sweep while another process holds the sweep lock, and publishes after', async () => {
    now = march(20, 12);
    const w = await waybill(march(16, 9), [['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['SIGNED', march(19, 10)]]);
    const holder = h.ds.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('courierdesk:tracking:anomaly_sweep'))`);
      expect(await h.services.anomalies.sweep(now)).toEqual({ skipped: true, judged: 0, published: 0, more: false });
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    expect(await h.services.anomalies.sweep(now)).toMatchObject({ skipped: false, published: 1 });
    expect((await eventsOf(w.waybillNo)).map((e) => e.code)).toEqual(['SIGNED_WITHOUT_OUT_FOR_DELIVERY']);
  });

  it('bounds a sweep: batches of batchSize, at most maxPerSweep, the rest next time', async () => {
    now = march(20, 12);
    const small = createTrackingServices(h.ds, { now: () => now, sweepLimits: { batchSize: 2, maxPerSweep: 3 } });
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) numbers.push((await waybill(march(16, 9), [['PICKED_UP', march(16, 10)], ['SIGNED', march(16, 12)]])).waybillNo);
    h.queries.reset();
    expect(await small.anomalies.sweep(now)).toEqual({ skipped: false, judged: 3, published: 3, more: true });
    // Two batches (2 + 1): each is lock, due rows, timelines, insert, judgements, in its own transaction.
    expect(h.queries.matching(/FROM scan_event/)).toHaveLength(2);
    expect(h.queries.matching(/INSERT INTO anomaly_event/)).toHaveLength(2);
    expect(await small.anomalies.sweep(now)).toEqual({ skipped: false, judged: 2, published: 2, more: false });
    expect(new Set((await readFeed(h)).map((e) => e.waybillNo))).toEqual(new Set(numbers));
  });

  it('pages the feed by cursor: every event once, in seq order; never a signer’s name', async () => {
    now = march(20, 12);
    const built = [
      await waybill(march(10, 9), [['PICKED_UP', march(10, 10)], ['ARRIVED_AT_HUB', march(11, 8)]]),
      await waybill(march(18, 9), []),
      await waybill(march(16, 9), [['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['OUT_FOR_DELIVERY', march(19, 9)], ['DELIVERY_FAILED', march(19, 12)], ['OUT_FOR_DELIVERY', march(20, 9)], ['DELIVERY_FAILED', march(20, 11)]]),
      await waybill(march(16, 9), [['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['SIGNED', march(19, 11), { signer: { kind: 'GUARD', name: '王门卫' } }]]),
      await waybill(march(12, 9), [['PICKED_UP', march(12, 10)], ['DEPARTED_HUB', march(14, 8)], ['ARRIVED_AT_OUTLET', march(15, 9)]]),
    ];
    await h.services.anomalies.sweep(now);
    const whole = await readFeed(h, 100);
    // One stalled, one not picked up, one failed twice, one signed by a guard without out-for-delivery (two codes), one stalled at its outlet.
    expect(whole).toHaveLength(6);
    expect(new Set(whole.map((e) => e.waybillNo))).toEqual(new Set(built.map((w) => w.waybillNo)));
    const seqs = whole.map((e) => BigInt(e.seq));
    expect([...seqs].sort((x, y) => (x < y ? -1 : 1))).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const first of [1, 2, 4]) expect(await readFeed(h, first)).toEqual(whole);
    const signed = whole.filter((e) => e.waybillNo === built[3].waybillNo).map((e) => e.code);
    expect(signed.sort()).toEqual(['SIGNED_BY_OTHER', 'SIGNED_WITHOUT_OUT_FOR_DELIVERY']);
    expect(JSON.stringify(whole)).not.toContain('王门卫');
    expect(whole.find((e) => e.code === 'SIGNED_BY_OTHER').reason).toContain('GUARD');

    // A page after the last event is empty and says so; the next sweep's events follow it.
    const res = await h.gql(as.service(), FEED, { first: 100 });
    const end = res.data.anomalyEvents.pageInfo.endCursor;
    expect((await h.gql(as.service(), FEED, { first: 5, after: end })).data.anomalyEvents).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const late = await waybill(march(16, 9), [['PICKED_UP', march(16, 10)], ['SIGNED', march(16, 12)]]);
    await h.services.anomalies.sweep(now);
    expect((await h.gql(as.service(), FEED, { first: 5, after: end })).data.anomalyEvents.edges.map((e: any) => e.node.waybillNo)).toEqual([late.waybillNo]);
  });

  it.each([
    ['a foreign cursor', { after: Buffer.from(JSON.stringify(['C', 1, 'CD000000000019'])).toString('base64url') }, 'INVALID_CURSOR'],
    ['garbage', { after: 'not-a-cursor' }, 'INVALID_CURSOR'],
    ['a page too large', { first: 101 }, 'INVALID_PAGE_SIZE'],
  ])('refuses %s', async (_name, variables, reason) => {
    expect(firstError(await h.gql(as.service(), FEED, variables))).toEqual({ code: 'BAD_USER_INPUT', reason });
  });

  it.each([
    ['an agent', () => as.agent(), 'SCOPE_MISSING'],
    ['an analyst', () => as.analyst(), 'SCOPE_MISSING'],
    ['a partner', () => as.partner(networkId()), 'SCOPE_MISSING'],
    ['a scanner', () => as.scanner(), 'SCOPE_MISSING'],
    ['a service token bound to an outlet', () => testIdentity('svc-outlet', [Role.SERVICE], [Scope.TRACKING_EVENTS], networkId()), 'OUTLET_MISMATCH'],
  ])('refuses %s (FORBIDDEN)', async (_name, who, reason) => {
    const res = await h.gql(who(), FEED, { first: 1 });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason });
    expect(res.data?.anomalyEvents ?? null).toBeNull();
  });

  it('serves an admin holding tracking:events, and the waybill only with tracking:read', async () => {
    now = march(20, 12);
    const w = await waybill(march(18, 9), []);
    await h.services.anomalies.sweep(now);
    const query = `{ anomalyEvents(first: 5) { edges { node { waybillNo waybill { waybillNo status } } } } }`;
    const admin = await h.gql(testIdentity('admin-ev', [Role.ADMIN], [Scope.TRACKING_EVENTS, Scope.TRACKING_READ]), query);
    expect(admin.data.anomalyEvents.edges).toEqual([{ node: { waybillNo: w.waybillNo, waybill: { waybillNo: w.waybillNo, status: 'CREATED' } } }]);
    const eventsOnly = await h.gql(testIdentity('svc-events', [Role.SERVICE], [Scope.TRACKING_EVENTS]), query);
    expect(firstError(eventsOnly)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});

describe('the anomaly outbox, nudged by recordScans', () => {
  let h: TrackingHarness;

  beforeAll(async () => {
    // The periodic sweep is an hour away: only the nudge can publish within the test.
    h = await startTrackingHarness({ anomalySweepMs: 3_600_000, anomalyNudgeMs: 50 });
  });
  afterAll(() => h.stop());

  it('publishes SIGNED_WITHOUT_OUT_FOR_DELIVERY about a second after the scans commit, without the timer', async () => {
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
    const w = await buildWaybill(h.services, { createdAt: ago(30) });
    const route: Route = { origin: w.originOutletId, hub: networkId(), destination: w.destinationOutletId, courier: networkId() };
    const events = [scanOf(w.waybillNo, route, 'PICKED_UP', ago(29)), scanOf(w.waybillNo, route, 'ARRIVED_AT_OUTLET', ago(2)), scanOf(w.waybillNo, route, 'SIGNED', ago(1))];
    const res = await h.gql(as.scanner(), RECORD, { input: { events } });
    expect(res.data.recordScans.accepted).toBe(3);
    const committed = Date.now();
    let lagMs = -1;
    while (Date.now() - committed < 3_000) {
      const feed = await h.gql(as.service(), FEED, { first: 10 });
      const found = feed.data.anomalyEvents.edges.find((e: any) => e.node.waybillNo === w.waybillNo);
      if (found) {
        lagMs = Date.now() - committed;
        expect(found.node.code).toBe('SIGNED_WITHOUT_OUT_FOR_DELIVERY');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(lagMs).toBeGreaterThanOrEqual(0);
    expect(lagMs).toBeLessThan(1_000);
    if (process.env.ANOMALY_LAG_REPORT) process.stdout.write(`anomaly feed lag after recordScans: ${lagMs} ms\n`);
  });
});
