import { DeliveryAreaEntity } from './delivery-area.entity';
import { buildCourier, buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { CourierEntity } from '../courier/courier.entity';
import type { OutletEntity } from '../outlet/outlet.entity';

const CREATE = `mutation ($input: CreateDeliveryAreaInput!) {
  createDeliveryArea(input: $input) { id districtCode streetCode streetName name version landmarks { name kind } courier { id } assignments { edges { node { courier { id } to } } } outlet { id } }
}`;
const UPDATE = 'mutation ($input: UpdateDeliveryAreaInput!) { updateDeliveryArea(input: $input) { name streetName version landmarks { name kind } } }';

describe('delivery areas (承包区)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let courier: CourierEntity;
  let gone: CourierEntity;
  let foreign: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds);
    b = await buildOutlet(h.ds);
    courier = await buildCourier(h.ds, a);
    gone = await buildCourier(h.ds, a, { active: false });
    foreign = await buildCourier(h.ds, b);
  });
  afterAll(() => h.stop());

  const input = (over: Record<string, unknown> = {}) => ({
    outletId: a.id,
    streetCode: '440305007',
    name: '科技园南区',
    landmarks: [
      { name: '深圳大学', kind: 'SCHOOL' },
      { name: '海岸城', kind: 'MAJOR_CUSTOMER' },
    ],
    ...over,
  });

  it('creates an area with its street name from the register and its first courier', async () => {
    const res = await h.gql(as.manager(a.id), CREATE, { input: input({ courierId: courier.id }) });
    expect(res.errors).toBeUndefined();
    expect(res.data.createDeliveryArea).toMatchObject({
      districtCode: '440305',
      streetCode: '440305007',
      streetName: '粤海街道',
      name: '科技园南区',
      version: 1,
      landmarks: [{ name: '深圳大学', kind: 'SCHOOL' }, { name: '海岸城', kind: 'MAJOR_CUSTOMER' }],
      courier: { id: courier.id },
      assignments: { edges: [{ node: { courier: { id: courier.id }, to: null } }] },
      outlet: { id: a.id },
    });
  });

  it('accepts a street the register does not know when its name is given', async () => {
    const res = await h.gql(as.admin(), CREATE, { input: input({ streetCode: '440305777', streetName: '新设街道', name: '新片区' }) });
    expect(res.data.createDeliveryArea).toMatchObject({ streetName: '新设街道', courier: null, assignments: { edges: [] } });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a malformed street code', { streetCode: '44030500' }, 'BAD_USER_INPUT', 'INVALID_STREET_CODE'],
    ['a street in a district the register does not know', { streetCode: '449999001' }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['an unknown street without a name', { streetCode: '440305778' }, 'BAD_USER_INPUT', 'INVALID_STREET_CODE'],
    ['an empty name', { name: '  ' }, 'BAD_USER_INPUT', 'EMPTY_NAME'],
    ['an empty landmark name', { landmarks: [{ name: '', kind: 'UNIT' }] }, 'BAD_USER_INPUT', 'EMPTY_NAME'],
    ['an unknown outlet', { outletId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'OUTLET_NOT_FOUND'],
    ['a courier of another outlet', { courierId: 'FOREIGN' }, 'FORBIDDEN', 'COURIER_OUTLET_MISMATCH'],
    ['an unknown courier', { courierId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'COURIER_NOT_FOUND'],
  ])('refuses %s', async (_name, change, code, reason) => {
    const over = change.courierId === 'FOREIGN' ? { ...change, courierId: foreign.id } : change;
    const res = await h.gql(as.admin(), CREATE, { input: input({ name: '被拒片区', ...over }) });
    expect(firstError(res)).toEqual({ code, reason });
  });

  it('rolls back the area when its first assignment fails half-way (inactive courier)', async () => {
    h.queries.reset();
    const res = await h.gql(as.admin(), CREATE, { input: input({ name: '回滚片区', courierId: gone.id }) });
    expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'COURIER_INACTIVE' });
    // The area row was inserted before the courier check failed; the transaction took it back.
    expect(h.queries.matching(/^INSERT INTO "network"\."delivery_area"/)).toHaveLength(1);
    expect(h.queries.matching(/^ROLLBACK/)).toHaveLength(1);
    expect(await h.ds.getRepository(DeliveryAreaEntity).countBy({ name: '回滚片区' })).toBe(0);
  });

  it('forbids a manager to add areas to another outlet', async () => {
    const res = await h.gql(as.manager(a.id), CREATE, { input: input({ outletId: b.id }) });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
  });

  it('renames an area and replaces its landmarks with the current version', async () => {
    const created = await h.gql(as.admin(), CREATE, { input: input({ name: '待改片区' }) });
    const id = created.data.createDeliveryArea.id;
    const res = await h.gql(as.manager(a.id), UPDATE, { input: { id, version: 1, name: '已改片区', landmarks: [{ name: '阳光小区', kind: 'RESIDENTIAL' }] } });
    expect(res.data.updateDeliveryArea).toEqual({ name: '已改片区', streetName: '粤海街道', version: 2, landmarks: [{ name: '阳光小区', kind: 'RESIDENTIAL' }] });
    const stale = await h.gql(as.manager(a.id), UPDATE, { input: { id, version: 1, name: '再改' } });
    expect(firstError(stale)).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const foreignManager = await h.gql(as.manager(b.id), UPDATE, { input: { id, version: 2, name: '抢' } });
    expect(firstError(foreignManager)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
  });
});
