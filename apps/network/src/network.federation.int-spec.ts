import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';
import type { CourierEntity } from './courier/courier.entity';
import type { OutletEntity } from './outlet/outlet.entity';
import type { TransitCentreEntity } from './transit-centre/transit-centre.entity';

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    __typename
    ... on Outlet { id name phone }
    ... on TransitCentre { id name }
    ... on Courier { id courierName: name phone }
  }
}`;
const ZERO = '00000000-0000-4000-8000-000000000000';

describe('federation: references from other subgraphs (_entities)', () => {
  let h: NetworkHarness;
  let tc: TransitCentreEntity;
  let a: OutletEntity;
  let b: OutletEntity;
  let ca: CourierEntity;
  let cb: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    tc = await buildTransitCentre(h.ds);
    a = await buildOutlet(h.ds, { transitCentreId: tc.id, phone: '0755-26601111' });
    b = await buildOutlet(h.ds, { transitCentreId: tc.id, phone: '0755-26602222' });
    ca = await buildCourier(h.ds, a, { name: '甲快递员', phone: '13800001111' });
    cb = await buildCourier(h.ds, b, { name: '乙快递员', phone: '13900002222' });
    await buildArea(h.ds, b, { courier: cb });
    await buildContact(h.ds, 'ARRIVAL_CS', { outlet: b }, { name: '欧阳客服', phone: '13900003333' });
  });
  afterAll(() => h.stop());

  it('publishes the keys of Outlet, TransitCentre and Courier', async () => {
    const res = await h.gql(as.agent(), '{ _service { sdl } }');
    for (const type of ['Outlet', 'TransitCentre', 'Courier']) expect(res.data._service.sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
  });

  it('resolves every kind of reference in order, null for unknown or malformed keys', async () => {
    h.queries.reset();
    const res = await h.gql(as.agent(), ENTITIES, {
      reps: [
        { __typename: 'Outlet', id: a.id },
        { __typename: 'Courier', id: cb.id },
        { __typename: 'TransitCentre', id: tc.id },
        { __typename: 'Outlet', id: ZERO },
        { __typename: 'Courier', id: "x' OR 1=1 --" },
        { __typename: 'Outlet', id: 42 },
        { __typename: 'Outlet', id: b.id },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { __typename: 'Outlet', id: a.id, name: a.name, phone: '0755-26601111' },
      { __typename: 'Courier', id: cb.id, courierName: '乙快递员', phone: '13900002222' },
      { __typename: 'TransitCentre', id: tc.id, name: tc.name },
      null,
      null,
      null,
      { __typename: 'Outlet', id: b.id, name: b.name, phone: '0755-26602222' },
    ]);
    // One query per entity type, whatever the number of representations.
    expect(h.queries.count).toBe(3);
  });

  it('gives a partner other outlets and their couriers as directory entries, people masked', async () => {
    const res = await h.gql(as.partner(a.id), ENTITIES, {
      reps: [
        { __typename: 'Courier', id: ca.id },
        { __typename: 'Courier', id: cb.id },
        { __typename: 'Outlet', id: b.id },
      ],
    });
    expect(res.data._entities).toEqual([
      { __typename: 'Courier', id: ca.id, courierName: '甲快递员', phone: '13800001111' },
      { __typename: 'Courier', id: cb.id, courierName: '乙***', phone: '139****2222' },
      { __typename: 'Outlet', id: b.id, name: b.name, phone: '0755-******22' },
    ]);
  });

  it('shows another outlet’s couriers, areas and desks behind a directory reference, people masked', async () => {
    const res = await h.gql(
      as.partner(a.id),
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { couriers { edges { node { id phone } } } deliveryAreas { edges { node { courier { id phone } } } } contacts { name phone } } ... on Courier { areas { id } } } }',
      { reps: [{ __typename: 'Outlet', id: b.id }, { __typename: 'Courier', id: cb.id }] },
    );
    expect(res.errors).toBeUndefined();
    const [outlet, courier] = res.data._entities;
    expect(outlet).toEqual({ couriers: { edges: [{ node: { id: cb.id, phone: '139****2222' } }] }, deliveryAreas: { edges: [{ node: { courier: { id: cb.id, phone: '139****2222' } } }] }, contacts: [{ name: '欧阳**', phone: '139****3333' }] });
    expect(courier.areas).toHaveLength(1);
  });

  it('publishes District keyed by its code, for tracking to add surcharges and transit times', async () => {
    const res = await h.gql(as.agent(), '{ _service { sdl } }');
    expect(res.data._service.sdl).toMatch(/type District\s+@key\(fields: "code"\)/);
    expect(res.data._service.sdl).toMatch(/code: String!/);
  });

  it('resolves District references from the register in one statement, null for unknown or malformed codes', async () => {
    const DISTRICTS = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on District { code name cityCode cityName provinceCode provinceName } } }';
    h.queries.reset();
    const res = await h.gql(as.partner(a.id), DISTRICTS, {
      reps: [
        { __typename: 'District', code: '440305' },
        { __typename: 'District', code: '440399' },
        { __typename: 'District', code: '440300' },
        { __typename: 'District', code: "x' OR 1=1 --" },
        { __typename: 'District', code: 440305 },
        { __typename: 'District', code: '110108' },
        { __typename: 'District', code: '440305' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const nanshan = { __typename: 'District', code: '440305', name: '南山区', cityCode: '4403', cityName: '深圳市', provinceCode: '44', provinceName: '广东省' };
    expect(res.data._entities).toEqual([
      nanshan,
      null,
      null,
      null,
      null,
      { __typename: 'District', code: '110108', name: '海淀区', cityCode: '1101', cityName: '北京市', provinceCode: '11', provinceName: '北京市' },
      nanshan,
    ]);
    expect(h.queries.count).toBe(1);
  });

  it('refuses District references to a caller without network:read', async () => {
    const res = await h.gql(as.scanner(), 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on District { name } } }', { reps: [{ __typename: 'District', code: '440305' }] });
    expect(res.data._entities).toEqual([null]);
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });

  it('refuses references to a caller without network:read', async () => {
    const res = await h.gql(as.scanner(), ENTITIES, { reps: [{ __typename: 'Outlet', id: a.id }] });
    expect(res.data._entities).toEqual([null]);
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });

  it('refuses every call without the gateway’s signed context (401)', async () => {
    const res = await fetch(h.service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    expect(res.status).toBe(401);
  });
});
