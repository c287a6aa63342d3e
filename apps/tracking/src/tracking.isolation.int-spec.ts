import { chinaTime } from '@courierdesk/domain-sla';
import type { ScanType } from '@courierdesk/domain-parcel';
import { buildWaybill, networkId, scanOf } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from './testing/tracking.harness';

const march = (day: number, hour = 0) => chinaTime(2024, 3, day, hour);

// Partner outlet A (加盟网点) sees a waybill only when A originated it, delivers it or holds it now —
// by number, in lists, in work queues, on Outlet/TransitCentre fields and through _entities.
describe('partner isolation (只看本网点的运单)', () => {
  let h: TrackingHarness;
  const [A, B, C, H] = [networkId(), networkId(), networkId(), networkId()];
  const no: Record<string, string> = {};
  const scanIds: Record<string, string> = {};

  async function waybill(name: string, origin: string, destination: string, createdAt: Date, scans: [ScanType, Date, string][]) {
    const w = await buildWaybill(h.services, { originOutletId: origin, destinationOutletId: destination, createdAt });
    const route = { origin, hub: H, destination, courier: networkId() };
    const results = await h.services.scans.record(
      scans.map(([type, at, place]) => scanOf(w.waybillNo, route, type, at, { location: { kind: place === H ? 'HUB' : 'OUTLET', id: place } })),
    );
    no[name] = w.waybillNo;
    if (results[0]) scanIds[name] = results[0].scanEventId as string;
  }

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => march(20, 12) });
    await waybill('fromA', A, B, march(10, 9), [['PICKED_UP', march(10, 10), A], ['ARRIVED_AT_HUB', march(11, 8), H]]);
    await waybill('toA', C, A, march(19, 9), [['PICKED_UP', march(19, 10), C]]);
    await waybill('heldByA', B, C, march(18, 9), [['PICKED_UP', march(18, 10), B], ['ARRIVED_AT_OUTLET', march(19, 8), A]]);
    await waybill('other', B, C, march(10, 9), [['PICKED_UP', march(10, 10), B], ['ARRIVED_AT_HUB', march(11, 8), H]]);
    await waybill('noPickupAtB', B, C, march(15, 9), []);
    await waybill('noPickupAtBForA', B, A, march(15, 9), []);
  });
  afterAll(() => h.stop());

  const partner = () => as.partner(A);
  const numbers = (connection: any) => connection.edges.map((e: any) => e.node.waybillNo).sort();
  const mine = () => [no.fromA, no.toA, no.heldByA, no.noPickupAtBForA].sort();

  it.each(['fromA', 'toA', 'heldByA'])('reads its own waybill (%s) by number', async (name) => {
    const res = await h.gql(partner(), 'query ($no: String!) { waybill(waybillNo: $no) { waybillNo recipient { phone } } }', { no: no[name] });
    expect(res.errors).toBeUndefined();
    expect(res.data.waybill.waybillNo).toBe(no[name]);
  });

  // Customers belong to the waybill's origin and destination outlets; an outlet that only holds the
  // parcel (mis-sorted to it) sees them as a privacy label shows them (隐私面单).
  it.each<[string, { name: string; phone: string; address: string }]>([
    ['fromA', { name: '李四', phone: '13998765432', address: '建国路88号SOHO现代城5号楼1201' }],
    ['toA', { name: '李四', phone: '13998765432', address: '建国路88号SOHO现代城5号楼1201' }],
    ['heldByA', { name: '李*', phone: '139****5432', address: '****' }],
  ])('sees the customers of %s as the policy says', async (name, recipient) => {
    const res = await h.gql(partner(), 'query ($no: String!) { waybill(waybillNo: $no) { recipient { name phone address } sender { name } } }', { no: no[name] });
    expect(res.errors).toBeUndefined();
    expect(res.data.waybill.recipient).toEqual(recipient);
    expect(res.data.waybill.sender.name).toBe(name === 'heldByA' ? '张*' : '张三');
  });

  it('gets NOT_FOUND for another outlet’s waybill, as if it did not exist', async () => {
    const res = await h.gql(partner(), 'query ($no: String!) { waybill(waybillNo: $no) { waybillNo } }', { no: no.other });
    expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
  });

  it('lists only its own waybills, whatever the filter', async () => {
    const all = await h.gql(partner(), 'query { waybills(first: 50) { edges { node { waybillNo } } } }');
    expect(numbers(all.data.waybills)).toEqual(mine());
    const ofB = await h.gql(partner(), 'query ($b: ID!) { waybills(filter: { outletId: $b }, first: 50) { edges { node { waybillNo } } } }', { b: B });
    expect(numbers(ofB.data.waybills)).toEqual([no.fromA, no.heldByA, no.noPickupAtBForA].sort());
    const anomalous = await h.gql(partner(), 'query { waybills(filter: { anomalies: [] }, first: 50) { edges { node { waybillNo } } } }');
    expect(numbers(anomalous.data.waybills)).toEqual([no.fromA, no.noPickupAtBForA].sort());
  });

  it('sees only its own waybills in another place’s work queue', async () => {
    const queue = 'query ($o: ID, $t: ID) { anomalousWaybills(outletId: $o, transitCentreId: $t, first: 50) { edges { node { waybillNo } } } }';
    expect(numbers((await h.gql(as.agent(), queue, { o: B })).data.anomalousWaybills)).toEqual([no.noPickupAtB, no.noPickupAtBForA].sort());
    expect(numbers((await h.gql(partner(), queue, { o: B })).data.anomalousWaybills)).toEqual([no.noPickupAtBForA]);
    expect(numbers((await h.gql(as.agent(), queue, { t: H })).data.anomalousWaybills)).toEqual([no.fromA, no.other].sort());
    expect(numbers((await h.gql(partner(), queue, { t: H })).data.anomalousWaybills)).toEqual([no.fromA]);
  });

  it('gets null from _entities for another outlet’s waybill or scan', async () => {
    const res = await h.gql(
      partner(),
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { waybillNo } ... on ScanEvent { waybillNo type } } }',
      {
        reps: [
          { __typename: 'Waybill', waybillNo: no.fromA },
          { __typename: 'Waybill', waybillNo: no.other },
          { __typename: 'Waybill', waybillNo: no.heldByA },
          { __typename: 'ScanEvent', id: scanIds.other },
          { __typename: 'ScanEvent', id: scanIds.fromA },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([{ waybillNo: no.fromA }, null, { waybillNo: no.heldByA }, null, { waybillNo: no.fromA, type: 'PICKED_UP' }]);
  });

  it('sees only its own waybills on Outlet and TransitCentre fields', async () => {
    const res = await h.gql(
      partner(),
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Outlet { id inboundWaybills(first: 50) { edges { node { waybillNo } } } outboundWaybills(first: 50) { edges { node { waybillNo } } } }
        ... on TransitCentre { id stalledWaybills { edges { node { waybillNo } } } }
      } }`,
      { reps: [{ __typename: 'Outlet', id: C }, { __typename: 'Outlet', id: B }, { __typename: 'TransitCentre', id: H }] },
    );
    expect(res.errors).toBeUndefined();
    const [c, b, hub] = res.data._entities;
    expect([numbers(c.inboundWaybills), numbers(c.outboundWaybills)]).toEqual([[no.heldByA], [no.toA]]);
    expect([numbers(b.inboundWaybills), numbers(b.outboundWaybills)]).toEqual([[no.fromA], [no.heldByA, no.noPickupAtBForA].sort()]);
    expect(numbers(hub.stalledWaybills)).toEqual([no.fromA]);
  });

  it('refuses references and fields to a caller without tracking:read', async () => {
    const res = await h.gql(as.scanner(), 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { waybillNo } } }', {
      reps: [{ __typename: 'Waybill', waybillNo: no.fromA }],
    });
    expect(res.data._entities).toEqual([null]);
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});
