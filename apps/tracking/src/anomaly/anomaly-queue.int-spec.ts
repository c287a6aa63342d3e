import { chinaTime } from '@courierdesk/domain-sla';
import type { ScanType } from '@courierdesk/domain-parcel';
import { buildWaybill, networkId, scanOf, type Route } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

const march = (day: number, hour = 0) => chinaTime(2024, 3, day, hour);
const QUEUE = `query ($outletId: ID, $transitCentreId: ID, $codes: [AnomalyCode!], $first: Int, $after: String) {
  anomalousWaybills(outletId: $outletId, transitCentreId: $transitCentreId, codes: $codes, first: $first, after: $after) {
    edges { node { waybillNo anomalies { code since reason location { __typename id } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

// The work queue (异常件工作台) at a fixed "now": one waybill per anomaly rule, all built from past scans.
describe('anomalies and the work queue (异常件)', () => {
  let h: TrackingHarness;
  let now = march(20, 12);
  const outlet = networkId();
  const hub = networkId();
  const courier = networkId();
  const no: Record<string, string> = {};

  /** A waybill delivered by `outlet` (or collected by it, for no pickup) with these scans. */
  async function waybill(name: string, createdAt: Date, scans: [ScanType, Date, object?][], over: object = {}) {
    const w = await buildWaybill(h.services, { destinationOutletId: outlet, createdAt, ...over });
    const route: Route = { origin: w.originOutletId, hub, destination: w.destinationOutletId, courier };
    const results = await h.services.scans.record(scans.map(([type, at, more]) => scanOf(w.waybillNo, route, type, at, more)));
    expect(results.filter((r) => r.status !== 'ACCEPTED')).toEqual([]);
    no[name] = w.waybillNo;
  }

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => now });
    await waybill('stalledAtHub', march(10, 9), [['PICKED_UP', march(10, 10)], ['ARRIVED_AT_HUB', march(11, 8)]]);
    await waybill('stalledAtOutlet', march(12, 9), [['PICKED_UP', march(12, 10)], ['DEPARTED_HUB', march(14, 8)], ['ARRIVED_AT_OUTLET', march(15, 9)]]);
    await waybill('noPickup', march(18, 9), [], { originOutletId: outlet, destinationOutletId: networkId() });
    await waybill('repeatedFailure', march(16, 9), [
      ['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['OUT_FOR_DELIVERY', march(19, 9)], ['DELIVERY_FAILED', march(19, 12)],
      ['OUT_FOR_DELIVERY', march(20, 9)], ['DELIVERY_FAILED', march(20, 11), { failureReason: 'RECIPIENT_UNREACHABLE' }],
    ]);
    await waybill('signedByOther', march(16, 9), [
      ['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['OUT_FOR_DELIVERY', march(19, 9)], ['SIGNED', march(19, 11), { signer: { kind: 'GUARD', name: '王门卫' } }],
    ]);
    await waybill('signedWithoutOutForDelivery', march(16, 9), [['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['SIGNED', march(19, 10)]]);
    await waybill('notArrived', march(14, 9), [['PICKED_UP', march(14, 10)], ['ARRIVED_AT_HUB', march(15, 8)], ['DEPARTED_HUB', march(16, 8)]]);
    await waybill('clean', march(16, 9), [['PICKED_UP', march(16, 10)], ['ARRIVED_AT_OUTLET', march(19, 8)], ['OUT_FOR_DELIVERY', march(19, 9)], ['SIGNED', march(19, 10)]]);
    await waybill('fresh', march(20, 9), [['PICKED_UP', march(20, 10)]]);
    now = chinaTime(2024, 11, 12);
    await waybill('peak', chinaTime(2024, 11, 10, 9), [['PICKED_UP', chinaTime(2024, 11, 10, 10)], ['ARRIVED_AT_HUB', chinaTime(2024, 11, 11, 8)]]);
    now = march(20, 12);
  });
  afterAll(() => h.stop());

  const queue = async (variables: Record<string, unknown>) => {
    const res = await h.gql(as.agent(), QUEUE, variables);
    expect(res.errors).toBeUndefined();
    return res.data.anomalousWaybills;
  };
  const codesOf = (page: any) => Object.fromEntries(page.edges.map((e: any) => [e.node.waybillNo, e.node.anomalies.map((a: any) => a.code)]));

  it('lists every anomaly located at the outlet, each saying since when and why', async () => {
    const page = await queue({ outletId: outlet, first: 50 });
    expect(codesOf(page)).toEqual({
      [no.stalledAtOutlet]: ['STALLED_AT_OUTLET'],
      [no.noPickup]: ['NO_PICKUP_SCAN'],
      [no.repeatedFailure]: ['REPEATED_DELIVERY_FAILURE'],
      [no.signedByOther]: ['SIGNED_BY_OTHER'],
      [no.signedWithoutOutForDelivery]: ['SIGNED_WITHOUT_OUT_FOR_DELIVERY'],
      [no.notArrived]: ['NOT_ARRIVED_AT_FINAL_OUTLET'],
    });
    const stall = page.edges.find((e: any) => e.node.waybillNo === no.stalledAtOutlet).node.anomalies[0];
    expect(stall).toEqual({
      code: 'STALLED_AT_OUTLET',
      since: new Date(march(15, 9).getTime() + 72 * 3_600_000).toISOString(),
      reason: expect.stringContaining('网点滞留'),
      location: { __typename: 'Outlet', id: outlet },
    });
  });

  it('lists the transit centre’s stalled parcels in its queue and on TransitCentre.stalledWaybills', async () => {
    expect(Object.keys(codesOf(await queue({ transitCentreId: hub })))).toEqual([no.stalledAtHub]);
    const res = await h.gql(as.agent(), 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on TransitCentre { stalledWaybills { edges { node { waybillNo } } } } } }', {
      reps: [{ __typename: 'TransitCentre', id: hub }, { __typename: 'TransitCentre', id: networkId() }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([{ stalledWaybills: { edges: [{ node: { waybillNo: no.stalledAtHub } }] } }, { stalledWaybills: { edges: [] } }]);
  });

  it('narrows by code, and filters the waybill list by anomaly', async () => {
    expect(Object.keys(codesOf(await queue({ outletId: outlet, codes: ['SIGNED_BY_OTHER', 'NO_PICKUP_SCAN'] }))).sort()).toEqual([no.signedByOther, no.noPickup].sort());
    const list = await h.gql(as.agent(), 'query { waybills(filter: { anomalies: [] }, first: 50) { edges { node { waybillNo } } } }');
    const expected = ['stalledAtHub', 'stalledAtOutlet', 'noPickup', 'repeatedFailure', 'signedByOther', 'signedWithoutOutForDelivery', 'notArrived'].map((k) => no[k]);
    expect(list.data.waybills.edges.map((e: any) => e.node.waybillNo).sort()).toEqual(expected.sort());
  });

  it('pages through the queue longest-watched first without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await queue({ outletId: outlet, first: 2, after });
      seen.push(...page.edges.map((e: any) => e.node.waybillNo));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('stretches the stall threshold in a peak season (双十一: 72 h × 1.5)', async () => {
    const stalled = async () =>
      (await h.gql(as.agent(), 'query ($no: String!) { waybill(waybillNo: $no) { anomalies { code thresholdHours peakSeason reason } } }', { no: no.peak })).data.waybill.anomalies;
    now = chinaTime(2024, 11, 15, 12); // 100 h after the hub arrival: stalled in March, not in the peak
    expect(await stalled()).toEqual([]);
    now = chinaTime(2024, 11, 16, 9); // 121 h
    expect(await stalled()).toEqual([{ code: 'STALLED_AT_HUB', thresholdHours: 108, peakSeason: 'DOUBLE_ELEVEN', reason: expect.stringContaining('双十一') }]);
    now = march(20, 12);
  });

  it('refuses a queue without exactly one place', async () => {
    expect(firstError(await h.gql(as.agent(), QUEUE, {}))).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUEUE_PLACE_REQUIRED' });
    expect(firstError(await h.gql(as.agent(), QUEUE, { outletId: outlet, transitCentreId: hub }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUEUE_PLACE_REQUIRED' });
  });
});
