import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';

// Partner outlet A, by every read and write path, against outlet B's private rows
// (couriers, areas, contacts, phones). Outlets and transit centres stay readable: directory data.
describe('partner isolation (加盟网点只看自己的)', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds, { districtCode: '440306' });
    const a = await buildOutlet(h.ds, { transitCentreId: tc.id });
    const b = await buildOutlet(h.ds, { transitCentreId: tc.id, managerPhone: '13911112222' });
    const courierB = await buildCourier(h.ds, b);
    const areaB = await buildArea(h.ds, b, { courier: courierB, landmarks: [{ name: '蛇口邮轮中心', kind: 'MAJOR_CUSTOMER' }] });
    await buildContact(h.ds, 'ARRIVAL_CS', { outlet: b });
    Object.assign(ids, { tc: tc.id, a: a.id, b: b.id, courierB: courierB.id, areaB: areaB.id, courierA: (await buildCourier(h.ds, a)).id });
  });
  afterAll(() => h.stop());

  type Expect = { value: (i: Record<string, string>) => unknown } | { reason: string };
  const value = (v: (i: Record<string, string>) => unknown): Expect => ({ value: v });
  it.each<[string, string, (i: Record<string, string>) => Record<string, unknown>, (data: any) => unknown, Expect]>([
    ['outlet B: directory entry, manager phone masked, private lists empty', 'query ($id: ID!) { outlet(id: $id) { id managerPhone couriers { id } deliveryAreas { id } contacts { id } } }', (i) => ({ id: i.b }), (d) => d.outlet, value((i) => ({ id: i.b, managerPhone: '139****2222', couriers: [], deliveryAreas: [], contacts: [] }))],
    ['outlets list: every outlet', 'query { outlets(first: 10) { edges { node { id } } } }', () => ({}), (d) => d.outlets.edges.length, value(() => 2)],
    ['courier of B', 'query ($id: ID!) { courier(id: $id) { id } }', (i) => ({ id: i.courierB }), (d) => d.courier, { reason: 'COURIER_NOT_FOUND' }],
    ['couriers page of B', 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { id } } } }', (i) => ({ id: i.b }), (d) => d, { reason: 'OUTLET_MISMATCH' }],
    ['area of B', 'query ($id: ID!) { deliveryArea(id: $id) { id } }', (i) => ({ id: i.areaB }), (d) => d, { reason: 'DELIVERY_AREA_NOT_FOUND' }],
    ['who delivers in B’s area: the outlet only', 'query { whoDeliversHere(districtCode: "440305", text: "蛇口邮轮中心") { outlet { id } area { id } courier { id } } }', () => ({}), (d) => d.whoDeliversHere[0], value((i) => ({ outlet: { id: i.b }, area: null, courier: null }))],
    ['escalation chain of B', 'query ($id: ID!) { escalationChain(outletId: $id, topic: DELIVERY) { steps { name } } }', (i) => ({ id: i.b }), (d) => d, { reason: 'OUTLET_MISMATCH' }],
    ['transit centre and its outlets', 'query ($id: ID!) { transitCentre(id: $id) { outlets { id } } }', (i) => ({ id: i.tc }), (d) => d.transitCentre.outlets.length, value(() => 2)],
    ['transit centres of the city', 'query { transitCentres(cityCode: "440300") { id } }', () => ({}), (d) => d.transitCentres.map((t: any) => t.id), value((i) => [i.tc])],
    ['_entities: courier of B', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { id } } }', (i) => ({ reps: [{ __typename: 'Courier', id: i.courierB }] }), (d) => d._entities, value(() => [null])],
  ])('reading %s', async (_name, query, variables, pick, expected) => {
    const res = await h.gql(as.partner(ids.a), query, variables(ids));
    if ('reason' in expected) {
      expect(firstError(res)?.reason).toBe(expected.reason);
    } else {
      expect(res.errors).toBeUndefined();
      expect(pick(res.data)).toEqual(expected.value(ids));
    }
  });

  it.each<[string, string, (i: Record<string, string>) => Record<string, unknown>]>([
    ['update outlet B', 'mutation ($i: UpdateOutletInput!) { updateOutlet(input: $i) { id } }', (i) => ({ i: { id: i.b, version: 1, name: '抢' } })],
    ['add a courier to B', 'mutation ($i: CreateCourierInput!) { createCourier(input: $i) { id } }', (i) => ({ i: { outletId: i.b, code: '440305-002-099', employeeNo: '99999999', name: '甲', phone: '13800009999' } })],
    ['change B’s courier', 'mutation ($i: UpdateCourierInput!) { updateCourier(input: $i) { id } }', (i) => ({ i: { id: i.courierB, version: 1, name: '乙' } })],
    ['add an area to B', 'mutation ($i: CreateDeliveryAreaInput!) { createDeliveryArea(input: $i) { id } }', (i) => ({ i: { outletId: i.b, streetCode: '440305007', name: '丙' } })],
    ['rename B’s area', 'mutation ($i: UpdateDeliveryAreaInput!) { updateDeliveryArea(input: $i) { id } }', (i) => ({ i: { id: i.areaB, version: 1, name: '丁' } })],
    ['hand over B’s area', 'mutation ($i: HandOverDeliveryAreaInput!) { handOverDeliveryArea(input: $i) { id } }', (i) => ({ i: { areaId: i.areaB, toCourierId: i.courierA } })],
    ['hand over B’s courier’s areas', 'mutation ($i: HandOverCourierAreasInput!) { handOverCourierAreas(input: $i) { id } }', (i) => ({ i: { fromCourierId: i.courierB, toCourierId: i.courierA } })],
  ])('writing: %s is FORBIDDEN', async (_name, mutation, variables) => {
    const res = await h.gql(as.manager(ids.a), mutation, variables(ids));
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
  });
});
