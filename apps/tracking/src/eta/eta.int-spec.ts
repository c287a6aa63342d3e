import { buildWaybill, journey, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

const ETA = 'query ($no: String!) { waybill(waybillNo: $no) { status eta { expectedAt earliest latest source samples confidence distanceClass basis } } }';
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
    });
  });

  it('says so and uses the service level’s default when the lane has too little history', async () => {
    const recipient = { name: '王五', phone: '13700001111', districtCode: '440304', address: '华强北路1号' };
    const w = await buildWaybill(h.services, { recipient, serviceLevel: 'EXPRESS', createdAt: new Date(pickedUpAt.getTime() - HOUR) });
    await h.services.scans.record([scanOf(w.waybillNo, routeOf(w), 'PICKED_UP', pickedUpAt)]);
    expect((await eta(w.waybillNo)).eta).toMatchObject({
      expectedAt: new Date(pickedUpAt.getTime() + 12 * HOUR).toISOString(),
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
