import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';

// Partner outlet A, by every read and write path, against outlet B (common/access.ts): B's
// directory data (outlet, couriers, areas, their history, its desks) is readable with every
// person's name and phone masked; B's escalation chain stays private; nothing of B can be written.
describe('partner isolation (加盟网点: 通讯录可查, 姓名号码脱敏, 只改自己的)', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};
  const PHONES_OF_B = { courier: '13911113333', oldCourier: '13911114444', manager: '13911112222', desk: '0755-26605678', contact: '13911115555' };
  const NAMES_OF_B = ['乙快递员', '乙前任', '钱经理', '孙客服'];

  beforeAll(async () => {
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds, { districtCode: '440306' });
    const a = await buildOutlet(h.ds, { transitCentreId: tc.id });
    const b = await buildOutlet(h.ds, { transitCentreId: tc.id, managerName: '钱经理', managerPhone: PHONES_OF_B.manager, phone: PHONES_OF_B.desk });
    const courierB = await buildCourier(h.ds, b, { name: '乙快递员', phone: PHONES_OF_B.courier });
    const formerB = await buildCourier(h.ds, b, { name: '乙前任', phone: PHONES_OF_B.oldCourier });
    const areaB = await buildArea(h.ds, b, { name: '蛇口片区', courier: formerB, since: new Date('2024-01-01T00:00:00Z'), landmarks: [{ name: '蛇口邮轮中心', kind: 'MAJOR_CUSTOMER' }] });
    // B's area changed hands: the history has B's former courier, the open step the current one.
    await h.ds.query(`UPDATE network.area_assignment SET ends_at = '2024-06-01T00:00:00Z' WHERE area_id = $1`, [areaB.id]);
    await h.ds.query(`INSERT INTO network.area_assignment (area_id, courier_id, starts_at) VALUES ($1, $2, '2024-06-01T00:00:00Z')`, [areaB.id, courierB.id]);
    const deskB = await buildContact(h.ds, 'ARRIVAL_CS', { outlet: b }, { name: '孙客服', phone: PHONES_OF_B.contact });
    // The manager again, as the outlet's OUTLET_MANAGER contact: the same person, the same mask.
    const managerB = await buildContact(h.ds, 'OUTLET_MANAGER', { outlet: b }, { name: '钱经理', phone: PHONES_OF_B.manager });
    Object.assign(ids, { tc: tc.id, a: a.id, b: b.id, courierB: courierB.id, formerB: formerB.id, areaB: areaB.id, deskB: deskB.id, managerB: managerB.id, courierA: (await buildCourier(h.ds, a)).id });
  });
  afterAll(() => h.stop());

  const courierB = (i: Record<string, string>) => ({ id: i.courierB, name: '乙***', phone: '139****3333' });
  const contactsOfB = (i: Record<string, string>) => [{ id: i.deskB, name: '孙**' }, { id: i.managerB, name: '钱**' }];
  const nodes = (connection: { edges: { node: unknown }[] }) => connection.edges.map((edge) => edge.node);
  type Expect = { value: (i: Record<string, string>) => unknown } | { reason: string };
  const value = (v: (i: Record<string, string>) => unknown): Expect => ({ value: v });
  it.each<[string, string, (i: Record<string, string>) => Record<string, unknown>, (data: any) => unknown, Expect]>([
    ['outlet B: directory entry with couriers, areas and desks, people masked', 'query ($id: ID!) { outlet(id: $id) { id managerName managerPhone couriers { edges { node { id name phone } } } deliveryAreas { edges { node { id } } } contacts { id name } } }', (i) => ({ id: i.b }), (d) => ({ ...d.outlet, couriers: nodes(d.outlet.couriers), deliveryAreas: nodes(d.outlet.deliveryAreas) }), value((i) => ({ id: i.b, managerName: '钱**', managerPhone: '139****2222', couriers: [courierB(i), { id: i.formerB, name: '乙**', phone: '139****4444' }], deliveryAreas: [{ id: i.areaB }], contacts: contactsOfB(i) }))],
    ['outlet B’s manager and the same person among its contacts: the same mask', 'query ($id: ID!) { outlet(id: $id) { managerName managerPhone contacts { role name phone } } }', (i) => ({ id: i.b }), (d) => d.outlet, value(() => ({ managerName: '钱**', managerPhone: '139****2222', contacts: [{ role: 'ARRIVAL_CS', name: '孙**', phone: '139****5555' }, { role: 'OUTLET_MANAGER', name: '钱**', phone: '139****2222' }] }))],
    ['outlets list: every outlet', 'query { outlets(first: 10) { edges { node { id } } } }', () => ({}), (d) => d.outlets.edges.length, value(() => 2)],
    ['courier of B: name and phone masked', 'query ($id: ID!) { courier(id: $id) { id name phone outlet { id } } }', (i) => ({ id: i.courierB }), (d) => d.courier, value((i) => ({ ...courierB(i), outlet: { id: i.b } }))],
    ['couriers page of B', 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { id name phone } } } }', (i) => ({ id: i.b }), (d) => d.couriersOfOutlet.edges[0].node, value(courierB)],
    ['areas of B’s courier', 'query ($id: ID!) { courier(id: $id) { areas { id name } } }', (i) => ({ id: i.courierB }), (d) => d.courier.areas, value((i) => [{ id: i.areaB, name: '蛇口片区' }])],
    ['area of B with landmarks and its courier', 'query ($id: ID!) { deliveryArea(id: $id) { id landmarks { name } courier { id name phone } outlet { id } } }', (i) => ({ id: i.areaB }), (d) => d.deliveryArea, value((i) => ({ id: i.areaB, landmarks: [{ name: '蛇口邮轮中心' }], courier: courierB(i), outlet: { id: i.b } }))],
    ['history of B’s area: who covered it when, people masked', 'query ($id: ID!) { deliveryArea(id: $id) { assignments { edges { node { from to courier { name phone } } } } } }', (i) => ({ id: i.areaB }), (d) => nodes(d.deliveryArea.assignments), value(() => [
      { from: '2024-06-01T00:00:00.000Z', to: null, courier: { name: '乙***', phone: '139****3333' } },
      { from: '2024-01-01T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z', courier: { name: '乙**', phone: '139****4444' } },
    ])],
    ['do we deliver in B’s area: the answer, B’s courier masked in the field and the sentence', 'query { coverage(districtCode: "440305", text: "蛇口邮轮中心") { answer outlet { id } courier { id name phone } explanationZh } }', () => ({}), (d) => d.coverage, value((i) => ({ answer: 'SERVED', outlet: { id: i.b }, courier: courierB(i), explanationZh: expect.stringContaining('快递员 乙***') }))],
    ['who delivers in B’s area: outlet, area and courier, courier masked', 'query { whoDeliversHere(districtCode: "440305", text: "蛇口邮轮中心") { outlet { id } area { id } courier { id name phone } } }', () => ({}), (d) => d.whoDeliversHere[0], value((i) => ({ outlet: { id: i.b }, area: { id: i.areaB }, courier: courierB(i) }))],
    ['escalation chain of B', 'query ($id: ID!) { escalationChain(outletId: $id, topic: DELIVERY) { steps { name } } }', (i) => ({ id: i.b }), (d) => d, { reason: 'OUTLET_MISMATCH' }],
    ['escalation chain of A naming B’s area', 'query ($id: ID!, $area: ID!) { escalationChain(outletId: $id, topic: SIGNED_NOT_RECEIVED, areaId: $area) { steps { name } } }', (i) => ({ id: i.a, area: i.areaB }), (d) => d, { reason: 'AREA_NOT_IN_OUTLET' }],
    ['transit centre and its outlets', 'query ($id: ID!) { transitCentre(id: $id) { outlets { edges { node { id } } } } }', (i) => ({ id: i.tc }), (d) => d.transitCentre.outlets.edges.length, value(() => 2)],
    ['transit centres of the city', 'query { transitCentres(cityCode: "440300") { id } }', () => ({}), (d) => d.transitCentres.map((t: any) => t.id), value((i) => [i.tc])],
    ['_entities: courier of B, masked', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { id name phone } } }', (i) => ({ reps: [{ __typename: 'Courier', id: i.courierB }] }), (d) => d._entities, value((i) => [courierB(i)])],
    ['_entities: outlet B, its couriers, areas and desks, people masked', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { managerName couriers { edges { node { phone } } } deliveryAreas { edges { node { courier { phone } } } } contacts { id name } } } }', (i) => ({ reps: [{ __typename: 'Outlet', id: i.b }] }), (d) => d._entities.map((o: any) => ({ ...o, couriers: nodes(o.couriers), deliveryAreas: nodes(o.deliveryAreas) })), value((i) => [{ managerName: '钱**', couriers: [{ phone: '139****3333' }, { phone: '139****4444' }], deliveryAreas: [{ courier: { phone: '139****3333' } }], contacts: contactsOfB(i) }])],
  ])('reading %s', async (_name, query, variables, pick, expected) => {
    const res = await h.gql(as.partner(ids.a), query, variables(ids));
    if ('reason' in expected) {
      expect(firstError(res)?.reason).toBe(expected.reason);
    } else {
      expect(res.errors).toBeUndefined();
      expect(pick(res.data)).toEqual(expected.value(ids));
    }
  });

  it('never puts a whole number or name of B’s people in a partner’s response, whatever path it takes', async () => {
    const query = `query ($b: ID!, $courier: ID!, $area: ID!, $reps: [_Any!]!) {
      outlet(id: $b) { phone managerName managerPhone couriers(includeInactive: true) { edges { node { name phone areas { courier { name phone } } } } } deliveryAreas { edges { node { courier { name phone } assignments { edges { node { courier { name phone } } } } } } } contacts { name phone } transitCentre { outlets { edges { node { phone managerName managerPhone couriers { edges { node { name phone } } } contacts { name phone } } } } } }
      courier(id: $courier) { name phone outlet { phone managerName managerPhone } }
      couriersOfOutlet(outletId: $b, includeInactive: true) { edges { node { name phone } } }
      deliveryArea(id: $area) { courier { name phone } assignments { edges { node { courier { name phone } } } } }
      whoDeliversHere(districtCode: "440305", text: "蛇口片区") { courier { name phone } outlet { phone managerName managerPhone } area { assignments { edges { node { courier { name phone } } } } } }
      coverage(districtCode: "440305", text: "蛇口邮轮中心") { courier { name phone } outlet { phone managerName managerPhone } matches { courier { name phone } } explanationZh explanation }
      _entities(representations: $reps) { ... on Courier { name phone areas { courier { name phone } } } ... on Outlet { phone managerName managerPhone couriers { edges { node { name phone } } } contacts { name phone } } }
    }`;
    const reps = [{ __typename: 'Courier', id: ids.courierB }, { __typename: 'Courier', id: ids.formerB }, { __typename: 'Outlet', id: ids.b }];
    const body = await fetchText(as.partner(ids.a), query, { b: ids.b, courier: ids.courierB, area: ids.areaB, reps });
    expect(body).not.toContain('"errors"');
    expect(body).toContain('139****3333');
    expect(body).toContain('钱**');
    for (const phone of Object.values(PHONES_OF_B)) expect(body).not.toContain(phone);
    for (const name of NAMES_OF_B) expect(body).not.toContain(name);
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

// Without pii:read every person's name and number is masked, on every path, whichever outlet it belongs to.
describe('an analyst (no pii:read) sees masks everywhere', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startNetworkHarness();
    const outlet = await buildOutlet(h.ds, { phone: '0755-26601234', managerName: '丁经理', managerPhone: '13700001111' });
    const courier = await buildCourier(h.ds, outlet, { name: '丙快递员', phone: '13700002222' });
    const area = await buildArea(h.ds, outlet, { name: '桃园片区', courier });
    Object.assign(ids, { outlet: outlet.id, courier: courier.id, area: area.id });
  });
  afterAll(() => h.stop());

  type Ids = Record<string, string>;
  it.each<[string, string, (i: Ids) => Record<string, unknown>, (data: any) => unknown, unknown]>([
    ['courier(id)', 'query ($id: ID!) { courier(id: $id) { name phone } }', (i) => ({ id: i.courier }), (d) => d.courier, { name: '丙***', phone: '137****2222' }],
    ['couriersOfOutlet', 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { phone } } } }', (i) => ({ id: i.outlet }), (d) => d.couriersOfOutlet.edges[0].node.phone, '137****2222'],
    ['Outlet manager, phones and couriers', 'query ($id: ID!) { outlet(id: $id) { managerName phone managerPhone couriers { edges { node { name phone } } } } }', (i) => ({ id: i.outlet }), (d) => d.outlet, { managerName: '丁**', phone: '0755-******34', managerPhone: '137****1111', couriers: { edges: [{ node: { name: '丙***', phone: '137****2222' } }] } }],
    ['an area’s courier and history', 'query ($id: ID!) { deliveryArea(id: $id) { courier { phone } assignments { edges { node { courier { phone } } } } } }', (i) => ({ id: i.area }), (d) => d.deliveryArea, { courier: { phone: '137****2222' }, assignments: { edges: [{ node: { courier: { phone: '137****2222' } } }] } }],
    ['who delivers here', 'query { whoDeliversHere(districtCode: "440305", text: "桃园片区") { courier { phone } } }', () => ({}), (d) => d.whoDeliversHere[0].courier.phone, '137****2222'],
    ['escalation steps', 'query ($id: ID!, $area: ID!) { escalationChain(outletId: $id, topic: SIGNED_NOT_RECEIVED, areaId: $area) { steps { name phone courier { name phone } } } }', (i) => ({ id: i.outlet, area: i.area }), (d) => d.escalationChain.steps[0], { name: '丙***', phone: '137****2222', courier: { name: '丙***', phone: '137****2222' } }],
    ['_entities', 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { name phone } ... on Outlet { managerName } } }', (i) => ({ reps: [{ __typename: 'Courier', id: i.courier }, { __typename: 'Outlet', id: i.outlet }] }), (d) => d._entities, [{ name: '丙***', phone: '137****2222' }, { managerName: '丁**' }]],
  ])('%s', async (_name, query, variables, pick, expected) => {
    const res = await h.gql(as.analyst(), query, variables(ids));
    expect(res.errors).toBeUndefined();
    expect(pick(res.data)).toEqual(expected);
  });
});
