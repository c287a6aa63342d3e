import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';

// Partner outlet A, by every read and write path, against outlet B (common/access.ts): B's
// directory data (outlet, couriers, areas, their history) is readable with every phone masked;
// B's contacts and escalation chain stay private; nothing of B can be written.
describe('partner isolation (加盟网点: 通讯录可查, 号码脱敏, 只改自己的)', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};
  const PHONES_OF_B = { courier: '13911113333', oldCourier: '13911114444', manager: '13911112222', desk: '0755-26605678', contact: '13911115555' };

  beforeAll(async () => {
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds, { districtCode: '440306' });
    const a = await buildOutlet(h.ds, { transitCentreId: tc.id });
    const b = await buildOutlet(h.ds, { transitCentreId: tc.id, managerPhone: PHONES_OF_B.manager, phone: PHONES_OF_B.desk });
    const courierB = await buildCourier(h.ds, b, { name: '乙快递员', phone: PHONES_OF_B.courier });
    const formerB = await buildCourier(h.ds, b, { name: '乙前任', phone: PHONES_OF_B.oldCourier });
    const areaB = await buildArea(h.ds, b, { name: '蛇口片区', courier: formerB, since: new Date('2024-01-01T00:00:00Z'), landmarks: [{ name: '蛇口邮轮中心', kind: 'MAJOR_CUSTOMER' }] });
    // B's area changed hands: the history has B's former courier, the open step the current one.
    await h.ds.query(`UPDATE network.area_assignment SET ends_at = '2024-06-01T00:00:00Z' WHERE area_id = $1`, [areaB.id]);
    await h.ds.query(`INSERT INTO network.area_assignment (area_id, courier_id, starts_at) VALUES ($1, $2, '2024-06-01T00:00:00Z')`, [areaB.id, courierB.id]);
    await buildContact(h.ds, 'ARRIVAL_CS', { outlet: b }, { phone: PHONES_OF_B.contact });
    Object.assign(ids, { tc: tc.id, a: a.id, b: b.id, courierB: courierB.id, formerB: formerB.id, areaB: areaB.id, courierA: (await buildCourier(h.ds, a)).id });
  });
  afterAll(() => h.stop());

  const courierB = (i: Record<string, string>) => ({ id: i.courierB, name: '乙快递员', phone: '139****3333' });
  const nodes = (connection: { edges: { node: unknown }[] }) => connection.edges.map((edge) => edge.node);
  type Expect = { value: (i: Record<string, string>) => unknown } | { reason: string };
  const value = (v: (i: Record<string, string>) => unknown): Expect => ({ value: v });
  it.each<[string, string, (i: Record<string, string>) => Record<string, unknown>, (data: any) => unknown, Expect]>([
    ['outlet B: directory entry with couriers and areas, phones masked, contacts empty', 'query ($id: ID!) { outlet(id: $id) { id managerPhone couriers { edges { node { id name phone } } } deliveryAreas { edges { node { id } } } contacts { id } } }', (i) => ({ id: i.b }), (d) => ({ ...d.outlet, couriers: nodes(d.outlet.couriers), deliveryAreas: nodes(d.outlet.deliveryAreas) }), value((i) => ({ id: i.b, managerPhone: '139****2222', couriers: [courierB(i), { id: i.formerB, name: '乙前任', phone: '139****4444' }], deliveryAreas: [{ id: i.areaB }], contacts: [] }))],
    ['outlets list: every outlet', 'query { outlets(first: 10) { edges { node { id } } } }', () => ({}), (d) => d.outlets.edges.length, value(() => 2)],
    ['courier of B: name visible, phone masked', 'query ($id: ID!) { courier(id: $id) { id name phone outlet { id } } }', (i) => ({ id: i.courierB }), (d) => d.courier, value((i) => ({ ...courierB(i), outlet: { id: i.b } }))],
    ['couriers page of B', 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { id name phone } } } }', (i) => ({ id: i.b }), (d) => d.couriersOfOutlet.edges[0].node, value(courierB)],
    ['areas of B’s courier', 'query ($id: ID!) { courier(id: $id) { areas { id name } } }', (i) => ({ id: i.courierB }), (d) => d.courier.areas, value((i) => [{ id: i.areaB, name: '蛇口片区' }])],
    ['area of B with landmarks and its courier', 'query ($id: ID!) { deliveryArea(id: $id) { id landmarks { name } courier { id name phone } outlet { id } } }', (i) => ({ id: i.areaB }), (d) => d.deliveryArea, value((i) => ({ id: i.areaB, landmarks: [{ name: '蛇口邮轮中心' }], courier: courierB(i), outlet: { id: i.b } }))],
    ['history of B’s area: who covered it when, phones masked', 'query ($id: ID!) { deliveryArea(id: $id) { assignments { edges { node { from to courier { name phone } } } } } }', (i) => ({ id: i.areaB }), (d) => nodes(d.deliveryArea.assignments), value(() => [
      { from: '2024-06-01T00:00:00.000Z', to: null, courier: { name: '乙快递员', phone: '139****3333' } },
      { from: '2024-01-01T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z', courier: { name: '乙前任', phone: '139****4444' } },
    ])],
    ['who delivers in B’s area: outlet, area and courier, phone masked', 'query { whoDeliversHere(districtCode: "440305", text: "蛇口邮轮中心") { outlet { id } area { id } courier { id name phone } } }', () => ({}), (d) => d.whoDeliversHere[0], value((i) => ({ outlet: { id: i.b }, area: { id: i.areaB }, courier: courierB(i) }))],
    ['escalation chain of B', 'query ($id: ID!) { escalationChain(outletId: $id, topic: DELIVERY) { steps { name } } }', (i) => ({ id: i.b }), (d) => d, { reason: 'OUTLET_MISMATCH' }],
    ['escalation chain of A naming B’s area', 'query ($id: ID!, $area: ID!) { escalationChain(outletId: $id, topic: SIGNED_NOT_RECEIVED, areaId: $area) { steps { name } } }', (i) => ({ id: i.a, area: i.areaB }), (d) => d, { reason: 'AREA_NOT_IN_OUTLET' }],
    ['transit centre and its outlets', 'query ($id: ID!) { transitCentre(id: $id) { outlets { edges { node { id } } } } }', (i) => ({ id: i.tc }), (d) => d.transitCentre.outlets.edges.length, value(() => 2)],
    ['transit centres of the city', 'query { transitCentres(cityCode: "440300") { id } }', () => ({}), (d) => d.transitCentres.map((t: any) => t.id), value((i) => [i.tc])],
    ['_entities: courier of B, phone masked', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { id name phone } } }', (i) => ({ reps: [{ __typename: 'Courier', id: i.courierB }] }), (d) => d._entities, value((i) => [courierB(i)])],
    ['_entities: outlet B, its couriers and areas, contacts empty', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { couriers { edges { node { phone } } } deliveryAreas { edges { node { courier { phone } } } } contacts { id } } } }', (i) => ({ reps: [{ __typename: 'Outlet', id: i.b }] }), (d) => d._entities.map((o: any) => ({ ...o, couriers: nodes(o.couriers), deliveryAreas: nodes(o.deliveryAreas) })), value(() => [{ couriers: [{ phone: '139****3333' }, { phone: '139****4444' }], deliveryAreas: [{ courier: { phone: '139****3333' } }], contacts: [] }])],
  ])('reading %s', async (_name, query, variables, pick, expected) => {
    const res = await h.gql(as.partner(ids.a), query, variables(ids));
    if ('reason' in expected) {
      expect(firstError(res)?.reason).toBe(expected.reason);
    } else {
      expect(res.errors).toBeUndefined();
      expect(pick(res.data)).toEqual(expected.value(ids));
    }
  });

  it('never puts a whole number of B in a partner’s response, whatever path it takes', async () => {
    const query = `query ($b: ID!, $courier: ID!, $area: ID!, $reps: [_Any!]!) {
      outlet(id: $b) { phone managerPhone couriers(includeInactive: true) { edges { node { phone areas { courier { phone } } } } } deliveryAreas { edges { node { courier { phone } assignments { edges { node { courier { phone } } } } } } } contacts { phone } transitCentre { outlets { edges { node { phone managerPhone couriers { edges { node { phone } } } } } } } }
      courier(id: $courier) { phone outlet { phone managerPhone } }
      couriersOfOutlet(outletId: $b, includeInactive: true) { edges { node { phone } } }
      deliveryArea(id: $area) { courier { phone } assignments { edges { node { courier { phone } } } } }
      whoDeliversHere(districtCode: "440305", text: "蛇口片区") { courier { phone } outlet { phone managerPhone } area { assignments { edges { node { courier { phone } } } } } }
      _entities(representations: $reps) { ... on Courier { phone areas { courier { phone } } } ... on Outlet { phone managerPhone couriers { edges { node { phone } } } } }
    }`;
    const reps = [{ __typename: 'Courier', id: ids.courierB }, { __typename: 'Courier', id: ids.formerB }, { __typename: 'Outlet', id: ids.b }];
    const body = await fetchText(as.partner(ids.a), query, { b: ids.b, courier: ids.courierB, area: ids.areaB, reps });
    expect(body).not.toContain('"errors"');
    expect(body).toContain('139****3333');
    for (const phone of Object.values(PHONES_OF_B)) expect(body).not.toContain(phone);
  });

  // The raw response text, so that a number in any field (or an error message) is caught.
  async function fetchText(identity: ReturnType<typeof as.partner>, query: string, variables: Record<string, unknown>): Promise<string> {
    return JSON.stringify(await h.gql(identity, query, variables));
  }

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

// Without pii:read every personal number is masked, on every path, whichever outlet it belongs to.
describe('an analyst (no pii:read) sees masks everywhere', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startNetworkHarness();
    const outlet = await buildOutlet(h.ds, { phone: '0755-26601234', managerPhone: '13700001111' });
    const courier = await buildCourier(h.ds, outlet, { phone: '13700002222' });
    const area = await buildArea(h.ds, outlet, { name: '桃园片区', courier });
    Object.assign(ids, { outlet: outlet.id, courier: courier.id, area: area.id });
  });
  afterAll(() => h.stop());

  type Ids = Record<string, string>;
  it.each<[string, string, (i: Ids) => Record<string, unknown>, (data: any) => unknown, unknown]>([
    ['courier(id)', 'query ($id: ID!) { courier(id: $id) { phone } }', (i) => ({ id: i.courier }), (d) => d.courier.phone, '137****2222'],
    ['couriersOfOutlet', 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { phone } } } }', (i) => ({ id: i.outlet }), (d) => d.couriersOfOutlet.edges[0].node.phone, '137****2222'],
    ['Outlet phones and couriers', 'query ($id: ID!) { outlet(id: $id) { phone managerPhone couriers { edges { node { phone } } } } }', (i) => ({ id: i.outlet }), (d) => d.outlet, { phone: '0755-******34', managerPhone: '137****1111', couriers: { edges: [{ node: { phone: '137****2222' } }] } }],
    ['an area’s courier and history', 'query ($id: ID!) { deliveryArea(id: $id) { courier { phone } assignments { edges { node { courier { phone } } } } } }', (i) => ({ id: i.area }), (d) => d.deliveryArea, { courier: { phone: '137****2222' }, assignments: { edges: [{ node: { courier: { phone: '137****2222' } } }] } }],
    ['who delivers here', 'query { whoDeliversHere(districtCode: "440305", text: "桃园片区") { courier { phone } } }', () => ({}), (d) => d.whoDeliversHere[0].courier.phone, '137****2222'],
    ['escalation steps', 'query ($id: ID!, $area: ID!) { escalationChain(outletId: $id, topic: SIGNED_NOT_RECEIVED, areaId: $area) { steps { phone courier { phone } } } }', (i) => ({ id: i.outlet, area: i.area }), (d) => d.escalationChain.steps[0], { phone: '137****2222', courier: { phone: '137****2222' } }],
    ['_entities', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { phone } } }', (i) => ({ reps: [{ __typename: 'Courier', id: i.courier }] }), (d) => d._entities[0].phone, '137****2222'],
  ])('%s', async (_name, query, variables, pick, expected) => {
    const res = await h.gql(as.analyst(), query, variables(ids));
    expect(res.errors).toBeUndefined();
    expect(pick(res.data)).toEqual(expected);
  });
});
