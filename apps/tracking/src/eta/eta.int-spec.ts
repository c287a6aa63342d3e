import { buildWaybill, journey, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

const ETA = 'query ($no: String!) { waybill(waybillNo: $no) { status eta { expectedAt earliest latest source samples confidence distanceClass basis promisedAt late lateSince } } }';
const HOUR = 3_600_000;

describe('ETA (预计送达) from lane history', () => {
  let h: TrackingHarness;
  const pickedUpAt = new Date(Date.now() - 20 * HOUR);
  const eta = async (no: string) => (await h.gql(as.agent(), ETA, { no })).data.waybill;

  beforeAll(async () => {
    h = await startTrackingHarness();
    // 40 past STANDARD parcels Shenzhen → Beijing took 41…80 h (median 60.5 h); older ones beyond the window are ignored.
    await h.ds.query(
      `INSERT INTO lane_transit_time (waybill_no, lane_key, service_level, picked_up_at, signed_at, hours)
       SELECT 'CD' || lpad((8000000 + i)::text, 12, '0'), '440300-110100', 'STANDARD', now() - interval '10 days', now() - interval '10 days' + (40 + i) * interval '1 hour', 40 + i
       FROM generate_series(1, 40) AS i`,
    );
  });
  afterAll(() => h.stop());

  it('uses the lane’s own history when there is enough', async () => {
    const w = await buildWaybill(h.services, { createdAt: new Date(pickedUpAt.getTime() - HOUR) });
    await h.services.scans.record([scanOf(w.waybillNo, routeOf(w), 'PICKED_UP', pickedUpAt)]);
    expect((await eta(w.waybillNo)).eta).toEqual({
      expectedAt: new Date(pickedUpAt.getTime() + 60.5 * HOUR).toISOString(),
      earliest: new Date(pickedUpAt.getTime() + 44.9 * HOUR).toISOString(),
      latest: new Date(pickedUpAt.getTime() + 76.1 * HOUR).toISOString(),
      source: 'LANE_HISTORY',
      samples: 40,
      confidence: 'MEDIUM',
      distanceClass: 'CROSS_PROVINCE',
      basis: expect.stringContaining('median of 40 past STANDARD parcels on lane 440300-110100'),
      promisedAt: new Date(pickedUpAt.getTime() + 60.5 * HOUR).toISOString(),
      late: false,
      lateSince: null,
    });
  });

  it('says so and uses the service level’s default when the lane has too little history', async () => {
    const recipient = { name: '王五', phone: '13700001111', districtCode: '440304', address: '华强北路1号' };
    const justPickedUp = new Date(Date.now() - 2 * HOUR);
    const w = await buildWaybill(h.services, { recipient, serviceLevel: 'EXPRESS', createdAt: new Date(justPickedUp.getTime() - HOUR) });
    await h.services.scans.record([scanOf(w.waybillNo, routeOf(w), 'PICKED_UP', justPickedUp)]);
    expect((await eta(w.waybillNo)).eta).toMatchObject({
      expectedAt: new Date(justPickedUp.getTime() + 12 * HOUR).toISOString(),
      source: 'SERVICE_LEVEL_DEFAULT',
      samples: 0,
      confidence: 'LOW',
      distanceClass: 'SAME_CITY',
      basis: expect.stringContaining('only 0 past EXPRESS parcels on lane 440300-440300 (need 30)'),
    });
  });

  it('counts from the order time before the pickup scan, and has no ETA once delivered', async () => {
    const created = new Date(Date.now() - 2 * HOUR);
    const waiting = await buildWaybill(h.services, { createdAt: created });
    expect((await eta(waiting.waybillNo)).eta).toMatchObject({ expectedAt: new Date(created.getTime() + 60.5 * HOUR).toISOString(), basis: expect.stringContaining('no pickup scan yet') });
    const delivered = await buildWaybill(h.services, { createdAt: new Date(Date.now() - 40 * HOUR) });
    await h.services.scans.record(journey(delivered.waybillNo, routeOf(delivered), new Date(Date.now() - 39 * HOUR), 5));
    expect(await eta(delivered.waybillNo)).toEqual({ status: 'DELIVERED', eta: null });
  });

  it('marks a late parcel late since its promise and re-estimates it from where it is, never in the past', async () => {
    // EXPRESS within Shenzhen, no lane history: promised 12 h after pickup — 28 h ago. Delivery failed 10 h ago.
    const recipient = { name: '王五', phone: '13700001111', districtCode: '440304', address: '华强北路1号' };
    const w = await buildWaybill(h.services, { recipient, serviceLevel: 'EXPRESS', createdAt: new Date(Date.now() - 41 * HOUR) });
    const route = routeOf(w);
    const pickup = new Date(Date.now() - 40 * HOUR);
    const failed = new Date(Date.now() - 10 * HOUR);
    await h.services.scans.record([
      scanOf(w.waybillNo, route, 'PICKED_UP', pickup),
      scanOf(w.waybillNo, route, 'ARRIVED_AT_OUTLET', new Date(Date.now() - 30 * HOUR)),
      scanOf(w.waybillNo, route, 'OUT_FOR_DELIVERY', new Date(Date.now() - 12 * HOUR)),
      scanOf(w.waybillNo, route, 'DELIVERY_FAILED', failed),
    ]);
    const before = Date.now();
    const { status, eta: late } = await eta(w.waybillNo);
    expect(status).toBe('DELIVERY_FAILED');
    const promisedAt = new Date(pickup.getTime() + 12 * HOUR).toISOString();
    expect(late).toMatchObject({
      late: true,
      promisedAt,
      lateSince: promisedAt,
      expectedAt: new Date(failed.getTime() + 24 * HOUR).toISOString(),
      source: 'DELIVERY_RETRY',
      confidence: 'LOW',
      basis: expect.stringMatching(/^late since .* \(UTC\+8\), the promised delivery \(only 0 past EXPRESS parcels .*delivery failed at .*: the next attempt 24 h after it$/),
    });
    expect(Date.parse(late.expectedAt)).toBeGreaterThan(before);
    // Still on its way and on time: not late, the promise is the estimate.
    const onTime = await buildWaybill(h.services, { createdAt: new Date(pickedUpAt.getTime() - HOUR) });
    await h.services.scans.record([scanOf(onTime.waybillNo, routeOf(onTime), 'PICKED_UP', pickedUpAt)]);
    const onTimeEta = (await eta(onTime.waybillNo)).eta;
    expect(onTimeEta).toMatchObject({ late: false, lateSince: null, promisedAt: onTimeEta.expectedAt, source: 'LANE_HISTORY' });
    expect(Date.parse(onTimeEta.expectedAt)).toBeGreaterThan(before);
  });

  it('learns from every signature: the lane gets a sample, corrected or withdrawn by late scans', async () => {
    const w = await buildWaybill(h.services, { createdAt: new Date(Date.now() - 50 * HOUR) });
    const route = routeOf(w);
    const scans = journey(w.waybillNo, route, new Date(Date.now() - 48 * HOUR), 5);
    await h.services.scans.record(scans);
    const sample = async () => (await h.ds.query('SELECT lane_key, service_level, hours FROM lane_transit_time WHERE waybill_no = $1', [w.waybillNo]))[0];
    expect(await sample()).toEqual({ lane_key: '440300-110100', service_level: 'STANDARD', hours: 25 });
    // A return scan arriving late, timed before the signature: the signature was the sender's, not a delivery.
    await h.services.scans.record([scanOf(w.waybillNo, route, 'RETURN_STARTED', new Date(Date.now() - 20 * HOUR))]);
    expect(await sample()).toBeUndefined();
  });
});
