import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { chinaDateOf, chinaTime } from '@courierdesk/domain-sla';
import { buildWaybill, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';
import { ensureScanEventPartitions, partitionWindow } from './scan-event.partitions';

const partitionOf = (at: Date): string => {
  const { year, month } = chinaDateOf(at);
  return `scan_event_${year}_${String(month).padStart(2, '0')}`;
};
const TIMELINE = 'query ($no: String!) { waybill(waybillNo: $no) { status timeline { type eventTime } } }';

describe('scan_event partitions (按月分区)', () => {
  let h: TrackingHarness;
  const partitions = async (): Promise<string[]> =>
    (await h.ds.query(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'tracking.scan_event'::regclass ORDER BY 1`)).map(
      (r: { relname: string }) => r.relname,
    );
  const placement = async (waybillNo: string): Promise<string[]> =>
    (await h.ds.query(`SELECT tableoid::regclass::text AS part FROM scan_event WHERE waybill_no = $1 ORDER BY event_time`, [waybillNo])).map(
      (r: { part: string }) => r.part.replace(/^tracking\./, ''),
    );

  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  it('has monthly partitions for a year back and three months ahead, and a default', async () => {
    const names = await partitions();
    const now = new Date();
    const [from, to] = [new Date(now.getTime() - 360 * 86_400_000), partitionWindow(now)[1]];
    for (const at of [from, now, to]) expect(names).toContain(partitionOf(at));
    expect(names).toContain('scan_event_default');
    expect(names.length).toBeGreaterThanOrEqual(17);
  });

  it('routes scans of different months to their month’s partition', async () => {
    const waybill = await buildWaybill(h.services, { createdAt: new Date(Date.now() - 40 * 86_400_000) });
    const route = routeOf(waybill);
    const times = [new Date(Date.now() - 36 * 86_400_000), new Date(Date.now() - 86_400_000)];
    await h.services.scans.record([scanOf(waybill.waybillNo, route, 'PICKED_UP', times[0]), scanOf(waybill.waybillNo, route, 'ARRIVED_AT_HUB', times[1])]);
    const parts = await placement(waybill.waybillNo);
    expect(parts).toEqual(times.map(partitionOf));
    expect(parts[0]).not.toBe(parts[1]);
  });

  it('keeps a scan far in the past in the default partition, readable, and moves it when its month gets a partition', async () => {
    const createdAt = chinaTime(2019, 5, 3, 9);
    const waybill = await buildWaybill(h.services, { createdAt });
    const [result] = await h.services.scans.record([scanOf(waybill.waybillNo, routeOf(waybill), 'PICKED_UP', chinaTime(2019, 5, 3, 10))]);
    expect(result.status).toBe('ACCEPTED');
    expect(await placement(waybill.waybillNo)).toEqual(['scan_event_default']);
    const read = await h.gql(as.agent(), TIMELINE, { no: waybill.waybillNo });
    expect(read.data.waybill).toEqual({ status: 'IN_TRANSIT', timeline: [{ type: 'PICKED_UP', eventTime: chinaTime(2019, 5, 3, 10).toISOString() }] });

    expect(await ensureScanEventPartitions(h.ds, chinaTime(2019, 5, 1), chinaTime(2019, 5, 31))).toBe(1);
    expect(await placement(waybill.waybillNo)).toEqual(['scan_event_2019_05']);
    expect((await h.gql(as.agent(), TIMELINE, { no: waybill.waybillNo })).data).toEqual(read.data);
    expect(await ensureScanEventPartitions(h.ds, chinaTime(2019, 5, 1), chinaTime(2019, 5, 31))).toBe(0);
  });

  it('never refuses a scan far in the future (a data loader writing directly): default partition', async () => {
    const no = makeWaybillNo(9_000_001);
    await h.ds.query(`INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type) VALUES ($1, '2099-01-01T00:00:00+08:00', 'far', 'PICKED_UP')`, [no]);
    expect(await placement(no)).toEqual(['scan_event_default']);
  });

  it('cuts months at 00:00 China time, not UTC', async () => {
    await ensureScanEventPartitions(h.ds, chinaTime(2020, 2, 1), chinaTime(2020, 3, 1));
    // 2020-02-29 16:30 UTC is 2020-03-01 00:30 in China: March.
    const no = makeWaybillNo(9_000_002);
    await h.ds.query(`INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type) VALUES ($1, '2020-02-29T16:30:00Z', 'edge', 'PICKED_UP'), ($1, '2020-02-29T15:30:00Z', 'edge', 'PICKED_UP')`, [no]);
    expect(await placement(no)).toEqual(['scan_event_2020_02', 'scan_event_2020_03']);
  });
});
