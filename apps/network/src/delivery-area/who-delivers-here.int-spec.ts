import { buildArea, buildCourier, buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { CourierEntity } from '../courier/courier.entity';
import type { OutletEntity } from '../outlet/outlet.entity';
import type { DeliveryAreaEntity } from './delivery-area.entity';

const SEARCH = `query ($district: String!, $text: String!, $limit: Int) {
  whoDeliversHere(districtCode: $district, text: $text, limit: $limit) {
    matchedBy quality matched score outlet { id name } area { id name } courier { id name phone }
  }
}`;

describe('who delivers here (谁派送这里)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let yuehai: DeliveryAreaEntity;
  let shekou: DeliveryAreaEntity;
  let campus: DeliveryAreaEntity;
  let courierA: CourierEntity;
  let courierB: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds);
    b = await buildOutlet(h.ds);
    courierA = await buildCourier(h.ds, a, { phone: '13800001234' });
    courierB = await buildCourier(h.ds, b, { name: '乙快递员', phone: '13900005678' });
    yuehai = await buildArea(h.ds, a, { streetCode: '440305007', name: '科技园片区', landmarks: [{ name: '海岸城', kind: 'MAJOR_CUSTOMER' }], courier: courierA });
    shekou = await buildArea(h.ds, b, { streetCode: '440305005', name: '蛇口港片区', landmarks: [{ name: '南海意库', kind: 'UNIT' }], courier: courierB });
    campus = await buildArea(h.ds, b, { streetCode: '440305007', name: '大学城片区', landmarks: [{ name: '深圳大学', kind: 'SCHOOL' }, { name: '桃源村小区', kind: 'RESIDENTIAL' }] });
    // Same street name elsewhere: must not leak into a 南山 search.
    await buildArea(h.ds, a, { streetCode: '440304001', name: '园岭片区' });
  });
  afterAll(() => h.stop());

  it('finds the areas of a street, best match first', async () => {
    const res = await h.gql(as.agent(), SEARCH, { district: '440305', text: '粤海街道' });
    expect(res.errors).toBeUndefined();
    const matches = res.data.whoDeliversHere;
    expect(matches.map((m: any) => m.area.id).sort()).toEqual([yuehai.id, campus.id].sort());
    expect(matches[0]).toMatchObject({ matchedBy: 'STREET', quality: 'EXACT', matched: '粤海街道' });
    const covered = matches.find((m: any) => m.area.id === yuehai.id);
    expect(covered).toMatchObject({ outlet: { id: a.id }, courier: { id: courierA.id, phone: '13800001234' } });
    expect(matches.find((m: any) => m.area.id === campus.id).courier).toBeNull();
  });

  it('finds an area by a landmark inside a longer address', async () => {
    const res = await h.gql(as.agent(), SEARCH, { district: '440305', text: '广东省深圳市南山区南海意库3栋' });
    expect(res.data.whoDeliversHere[0]).toMatchObject({ matchedBy: 'LANDMARK', matched: '南海意库', area: { id: shekou.id }, courier: { id: courierB.id } });
  });

  it('finds a school landmark by its name', async () => {
    const res = await h.gql(as.agent(), SEARCH, { district: '440305', text: '深圳大学' });
    expect(res.data.whoDeliversHere[0]).toMatchObject({ matchedBy: 'LANDMARK', quality: 'EXACT', area: { id: campus.id } });
  });

  it('tells a partner who delivers a street of another outlet: area, outlet and courier, name and phone masked', async () => {
    const res = await h.gql(as.partner(a.id), SEARCH, { district: '440305', text: '广东省深圳市南山区南海意库3栋' });
    expect(res.errors).toBeUndefined();
    expect(res.data.whoDeliversHere).toEqual([
      expect.objectContaining({
        matchedBy: 'LANDMARK',
        outlet: { id: b.id, name: b.name },
        area: { id: shekou.id, name: '蛇口港片区' },
        courier: { id: courierB.id, name: '乙***', phone: '139****5678' },
      }),
    ]);
    expect(JSON.stringify(res)).not.toContain('13900005678');
    expect(JSON.stringify(res)).not.toContain('乙快递员');
    const own = await h.gql(as.partner(a.id), SEARCH, { district: '440305', text: '海岸城' });
    expect(own.data.whoDeliversHere[0]).toMatchObject({ area: { id: yuehai.id }, courier: { id: courierA.id, phone: '13800001234' } });
  });

  it('answers a partner the same areas as an agent, only the people differ', async () => {
    const agent = await h.gql(as.agent(), SEARCH, { district: '440305', text: '粤海街道' });
    const partner = await h.gql(as.partner(a.id), SEARCH, { district: '440305', text: '粤海街道' });
    const withoutPeople = (res: any) => res.data.whoDeliversHere.map((m: any) => ({ ...m, courier: m.courier && { id: m.courier.id } }));
    expect(withoutPeople(partner)).toEqual(withoutPeople(agent));
    expect(withoutPeople(partner)).toHaveLength(2);
  });

  it('masks the courier’s phone for callers without pii:read', async () => {
    const res = await h.gql(as.analyst(), SEARCH, { district: '440305', text: '海岸城' });
    expect(res.data.whoDeliversHere[0].courier.phone).toBe('138****1234');
  });

  it('answers an empty list when nothing matches, and honours the limit', async () => {
    expect((await h.gql(as.agent(), SEARCH, { district: '440305', text: '不存在的地方' })).data.whoDeliversHere).toEqual([]);
    expect((await h.gql(as.agent(), SEARCH, { district: '440305', text: '粤海', limit: 1 })).data.whoDeliversHere).toHaveLength(1);
  });

  it.each([
    ['an empty text', { text: '  ' }, 'EMPTY_SEARCH_TEXT'],
    ['an overlong text', { text: '路'.repeat(51) }, 'SEARCH_TEXT_TOO_LONG'],
    ['a city code instead of a district', { district: '440300' }, 'INVALID_DISTRICT_CODE'],
    ['garbage as district', { district: "'; DROP TABLE outlet; --" }, 'INVALID_DISTRICT_CODE'],
    ['a limit over 50', { limit: 51 }, 'INVALID_LIMIT'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, change, reason) => {
    const res = await h.gql(as.agent(), SEARCH, { district: '440305', text: '粤海', ...change });
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason });
  });
});
