import { buildArea, buildCourier, buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { OutletEntity } from '../outlet/outlet.entity';
import type { CourierEntity } from './courier.entity';

const CREATE = 'mutation ($input: CreateCourierInput!) { createCourier(input: $input) { id code employeeNo name phone active version outlet { id } } }';
const UPDATE = 'mutation ($input: UpdateCourierInput!) { updateCourier(input: $input) { id name phone active version } }';
const PAGE = `query ($outletId: ID!, $first: Int, $after: String, $all: Boolean!) {
  couriersOfOutlet(outletId: $outletId, first: $first, after: $after, includeInactive: $all) { edges { node { code } } pageInfo { hasNextPage endCursor } }
}`;

describe('couriers (快递员)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let aCouriers: CourierEntity[];
  let bCourier: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds);
    b = await buildOutlet(h.ds);
    aCouriers = [];
    for (let i = 0; i < 5; i++) aCouriers.push(await buildCourier(h.ds, a, { phone: `1380000000${i}`, active: i !== 4 }));
    bCourier = await buildCourier(h.ds, b, { name: '乙快递员', phone: '13911110000' });
  });
  afterAll(() => h.stop());

  it('pages an outlet’s active couriers in code order, inactive ones on request', async () => {
    const first = await h.gql(as.agent(), PAGE, { outletId: a.id, first: 3, all: false });
    expect(first.data.couriersOfOutlet.edges.map((e: any) => e.node.code)).toEqual(aCouriers.slice(0, 3).map((c) => c.code));
    expect(first.data.couriersOfOutlet.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql(as.agent(), PAGE, { outletId: a.id, first: 3, after: first.data.couriersOfOutlet.pageInfo.endCursor, all: false });
    expect(second.data.couriersOfOutlet.edges.map((e: any) => e.node.code)).toEqual([aCouriers[3].code]);
    expect(second.data.couriersOfOutlet.pageInfo.hasNextPage).toBe(false);
    const all = await h.gql(as.agent(), PAGE, { outletId: a.id, first: 10, all: true });
    expect(all.data.couriersOfOutlet.edges).toHaveLength(5);
  });

  it('shows a partner its own couriers’ phones whole', async () => {
    const res = await h.gql(as.partner(a.id), 'query ($id: ID!) { courier(id: $id) { name phone outlet { id } } }', { id: aCouriers[0].id });
    expect(res.data.courier).toEqual({ name: aCouriers[0].name, phone: '13800000000', outlet: { id: a.id } });
  });

  it('masks names and phones for callers without pii:read', async () => {
    const res = await h.gql(as.analyst(), 'query ($id: ID!) { courier(id: $id) { name phone } }', { id: bCourier.id });
    expect(res.data.courier).toEqual({ name: '乙***', phone: '139****0000' });
  });

  it('shows a partner another outlet’s couriers on every path, names masked as 乙***, phones as 139****0000', async () => {
    const partner = as.partner(a.id);
    const theirs = { id: bCourier.id, name: '乙***', phone: '139****0000' };
    const byId = await h.gql(partner, 'query ($id: ID!) { courier(id: $id) { id name phone outlet { id } } }', { id: bCourier.id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.courier).toEqual({ ...theirs, outlet: { id: b.id } });
    const nested = await h.gql(partner, 'query ($id: ID!) { outlet(id: $id) { name couriers { edges { node { id name phone } } } } }', { id: b.id });
    expect(nested.data.outlet).toEqual({ name: b.name, couriers: { edges: [{ node: theirs }] } });
    const page = await h.gql(partner, 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { id name phone } } } }', { id: b.id });
    expect(page.data.couriersOfOutlet.edges).toEqual([{ node: theirs }]);
    const refs = await h.gql(partner, 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { id name phone } } }', { reps: [{ __typename: 'Courier', id: bCourier.id }] });
    expect(refs.data._entities).toEqual([theirs]);
    for (const res of [byId, nested, page, refs]) {
      expect(JSON.stringify(res)).not.toContain('13911110000');
      expect(JSON.stringify(res)).not.toContain('乙快递员');
    }
  });

  it('answers NOT_FOUND for a courier that does not exist, whoever asks', async () => {
    const res = await h.gql(as.partner(a.id), 'query ($id: ID!) { courier(id: $id) { name } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(res.data.courier).toBeNull();
    expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'COURIER_NOT_FOUND' });
  });

  describe('mutations', () => {
    const input = () => ({ outletId: a.id, code: `${a.code}-101`, employeeNo: '20240001', name: '张三', phone: '139 0000 2222' });

    it('adds a courier to the manager’s own outlet', async () => {
      const res = await h.gql(as.manager(a.id), CREATE, { input: input() });
      expect(res.errors).toBeUndefined();
      expect(res.data.createCourier).toMatchObject({ code: `${a.code}-101`, employeeNo: '20240001', name: '张三', phone: '13900002222', active: true, version: 1, outlet: { id: a.id } });
    });

    it.each<[string, (i: ReturnType<typeof input>) => object, string, string]>([
      ['a code already in use', (i) => ({ ...i, employeeNo: '20240002' }), 'CONFLICT', 'COURIER_CODE_TAKEN'],
      ['an employee number already in use', (i) => ({ ...i, code: `${a.code}-102` }), 'CONFLICT', 'EMPLOYEE_NO_TAKEN'],
      ['a code of another outlet', (i) => ({ ...i, code: `${b.code}-103`, employeeNo: '20240003' }), 'BAD_USER_INPUT', 'COURIER_CODE_OUTLET_MISMATCH'],
      ['a landline', (i) => ({ ...i, code: `${a.code}-104`, employeeNo: '20240004', phone: '0755-26601234' }), 'BAD_USER_INPUT', 'COURIER_PHONE_NOT_MOBILE'],
      ['an empty name', (i) => ({ ...i, code: `${a.code}-105`, employeeNo: '20240005', name: ' ' }), 'BAD_USER_INPUT', 'EMPTY_NAME'],
      ['an unknown outlet', (i) => ({ ...i, outletId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'OUTLET_NOT_FOUND'],
    ])('refuses %s', async (_name, change, code, reason) => {
      const res = await h.gql(as.admin(), CREATE, { input: change(input()) });
      expect(firstError(res)).toEqual({ code, reason });
    });

    it('forbids a manager to add or change couriers of another outlet', async () => {
      const create = await h.gql(as.manager(a.id), CREATE, { input: { ...input(), outletId: b.id, code: `${b.code}-106`, employeeNo: '20240006' } });
      expect(firstError(create)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
      const update = await h.gql(as.manager(a.id), UPDATE, { input: { id: bCourier.id, version: 1, name: '改名' } });
      expect(firstError(update)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
    });

    it('updates with the current version; a stale one is a CONFLICT', async () => {
      const courier = await buildCourier(h.ds, a);
      const ok = await h.gql(as.manager(a.id), UPDATE, { input: { id: courier.id, version: 1, name: '李四', phone: '13700001111' } });
      expect(ok.data.updateCourier).toEqual({ id: courier.id, name: '李四', phone: '13700001111', active: true, version: 2 });
      const stale = await h.gql(as.manager(a.id), UPDATE, { input: { id: courier.id, version: 1, name: '王五' } });
      expect(firstError(stale)).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    });

    it('refuses to deactivate a courier who still covers an area', async () => {
      const courier = await buildCourier(h.ds, a);
      await buildArea(h.ds, a, { courier });
      const res = await h.gql(as.admin(), UPDATE, { input: { id: courier.id, version: 1, active: false } });
      expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'COURIER_STILL_ASSIGNED' });
      const free = await buildCourier(h.ds, a);
      const ok = await h.gql(as.admin(), UPDATE, { input: { id: free.id, version: 1, active: false } });
      expect(ok.data.updateCourier).toMatchObject({ active: false, version: 2 });
    });

    it('answers NOT_FOUND for an unknown or malformed courier id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'x']) {
        const res = await h.gql(as.admin(), UPDATE, { input: { id, version: 1, name: 'x' } });
        expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'COURIER_NOT_FOUND' });
      }
    });
  });
});
