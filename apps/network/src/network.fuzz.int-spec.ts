import { buildArea, buildCourier, buildOutlet } from './testing/builders';
import { as } from './testing/identities';
import { startNetworkHarness, type NetworkHarness } from './testing/network.harness';

// Hostile strings into every string argument: answers may be errors, never a 5xx, SQL text or a stack.
const NASTY = ["'; DROP TABLE network.outlet; --", 'nul\u0000byte', '%_\\', '😀𠀀', ' ', '-1', 'x'.repeat(5000), '00000000-0000-4000-8000-00000000000Z'];

describe('hostile input', () => {
  let h: NetworkHarness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startNetworkHarness();
    const outlet = await buildOutlet(h.ds);
    const courier = await buildCourier(h.ds, outlet);
    const area = await buildArea(h.ds, outlet, { courier });
    Object.assign(ids, { outlet: outlet.id, courier: courier.id, area: area.id });
  });
  afterAll(() => h.stop());

  const operations: [string, (s: string) => Record<string, unknown>][] = [
    ['query ($s: ID!) { outlet(id: $s) { id } }', (s) => ({ s })],
    ['query ($s: String!) { outletByCode(code: $s) { id } }', (s) => ({ s })],
    ['query ($s: String!) { outlets(filter: { text: $s }) { edges { cursor } } }', (s) => ({ s })],
    ['query ($s: String!) { outlets(filter: { provinceCode: $s, cityCode: $s, districtCode: $s }) { edges { cursor } } }', (s) => ({ s })],
    ['query ($s: String!) { outlets(after: $s) { edges { cursor } } }', (s) => ({ s })],
    ['query ($s: String!) { transitCentres(cityCode: $s) { id } }', (s) => ({ s })],
    ['query ($s: ID!) { courier(id: $s) { id } couriersOfOutlet(outletId: $s) { edges { cursor } } deliveryArea(id: $s) { id } }', (s) => ({ s })],
    ['query ($s: String!) { whoDeliversHere(districtCode: "440305", text: $s) { score } }', (s) => ({ s })],
    ['query ($s: String!) { coverage(districtCode: $s, text: $s) { answer explanationZh } }', (s) => ({ s })],
    ['query ($s: String!) { coverage(districtCode: "440305", text: $s) { answer explanationZh } }', (s) => ({ s })],
    ['query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', (s) => ({ r: [{ __typename: 'District', code: s }] })],
    ['query ($s: ID!) { escalationChain(outletId: $s, topic: DELIVERY, areaId: $s) { missingRoles } }', (s) => ({ s })],
    ['query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', (s) => ({ r: [{ __typename: 'Outlet', id: s }, { __typename: 'Courier', id: s }] })],
    ['mutation ($s: String!) { createOutlet(input: { code: $s, name: $s, kind: DIRECT, districtCode: $s, address: $s, phone: $s }) { id } }', (s) => ({ s })],
    ['mutation ($s: String!, $id: ID!) { updateOutlet(input: { id: $id, version: 1, name: $s, address: $s, managerName: $s }) { id } }', (s) => ({ s, id: ids.outlet })],
    ['mutation ($s: String!, $id: ID!) { createCourier(input: { outletId: $id, code: $s, employeeNo: $s, name: $s, phone: $s }) { id } }', (s) => ({ s, id: ids.outlet })],
    ['mutation ($s: String!, $id: ID!) { updateCourier(input: { id: $id, version: 1, name: $s, phone: $s }) { id } }', (s) => ({ s, id: ids.courier })],
    ['mutation ($s: String!, $id: ID!) { createDeliveryArea(input: { outletId: $id, streetCode: $s, streetName: $s, name: $s, landmarks: [{ name: $s, kind: SCHOOL }] }) { id } }', (s) => ({ s, id: ids.outlet })],
    ['mutation ($s: String!, $id: ID!) { updateDeliveryArea(input: { id: $id, version: 1, name: $s, landmarks: [{ name: $s, kind: UNIT }] }) { id } }', (s) => ({ s, id: ids.area })],
    ['mutation ($s: ID!, $id: ID!) { handOverDeliveryArea(input: { areaId: $id, toCourierId: $s, fromCourierId: $s }) { id } }', (s) => ({ s, id: ids.area })],
    ['mutation ($s: ID!) { handOverCourierAreas(input: { fromCourierId: $s, toCourierId: $s }) { id } }', (s) => ({ s })],
  ];

  it.each(operations.flatMap(([query, vars]) => NASTY.map((s) => [query.slice(0, 60), s.slice(0, 12), query, vars(s)] as const)))('%s with %p', async (_q, _s, query, variables) => {
    const res = await h.gql(as.admin(), query, variables);
    expect(res.status).toBeLessThan(500);
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|QueryFailedError|SELECT |INSERT |stacktrace|node_modules/);
  });
});
