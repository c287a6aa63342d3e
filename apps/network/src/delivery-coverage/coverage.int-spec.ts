import { buildArea, buildCourier, buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { CourierEntity } from '../courier/courier.entity';
import type { DeliveryAreaEntity } from '../delivery-area/delivery-area.entity';
import type { OutletEntity } from '../outlet/outlet.entity';

const COVERAGE = `query ($district: String!, $text: String, $limit: Int) {
  coverage(districtCode: $district, text: $text, limit: $limit) {
    district { code name cityCode cityName provinceCode provinceName }
    served answer areaCount coveredAreaCount
    matches { matchedBy matched area { id } outlet { id } courier { id } }
    outlet { id name }
    courier { id name phone }
    selfPickupStations { id kind name }
    explanationZh explanation
  }
}`;

describe('do we deliver here (派送范围查询)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let stations: OutletEntity[];
  let hillStation: OutletEntity;
  let zhang: CourierEntity;
  let techPark: DeliveryAreaEntity;
  let campus: DeliveryAreaEntity;
  let futian: DeliveryAreaEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds, { name: '南山区科技园网点' });
    b = await buildOutlet(h.ds, { name: '南山区蛇口网点' });
    zhang = await buildCourier(h.ds, a, { name: '张三', phone: '13800001234' });
    techPark = await buildArea(h.ds, a, { streetCode: '440305007', name: '科技园片区', landmarks: [{ name: '海岸城', kind: 'MAJOR_CUSTOMER' }], courier: zhang });
    campus = await buildArea(h.ds, b, { streetCode: '440305007', name: '大学城片区', landmarks: [{ name: '深圳大学', kind: 'SCHOOL' }] });
    stations = [await buildOutlet(h.ds, { kind: 'PARTNER_STATION', name: '粤海菜鸟驿站' }), await buildOutlet(h.ds, { kind: 'PARTNER_STATION', name: '科技园代收点' })];
    // 福田: an outlet's area without a courier, no station.
    futian = await buildArea(h.ds, a, { streetCode: '440304001', name: '园岭片区' });
    // 城口县: a village service point, nothing else.
    hillStation = await buildOutlet(h.ds, { districtCode: '500229', kind: 'PARTNER_STATION', name: '城口村淘服务站' });
  });
  afterAll(() => h.stop());

  const ask = async (variables: Record<string, unknown>, identity = as.agent()) => {
    const res = await h.gql(identity, COVERAGE, variables);
    expect(res.errors).toBeUndefined();
    return res.data.coverage;
  };

  it('answers a served street: outlet, courier, stations, and the sentence', async () => {
    const c = await ask({ district: '440305', text: '海岸城' });
    expect(c).toMatchObject({
      district: { code: '440305', name: '南山区', cityCode: '4403', cityName: '深圳市', provinceCode: '44', provinceName: '广东省' },
      served: true,
      answer: 'SERVED',
      areaCount: 2,
      coveredAreaCount: 1,
      matches: [{ matchedBy: 'LANDMARK', matched: '海岸城', area: { id: techPark.id }, outlet: { id: a.id }, courier: { id: zhang.id } }],
      outlet: { id: a.id, name: '南山区科技园网点' },
      courier: { id: zhang.id, name: '张三', phone: '13800001234' },
    });
    // The district's partner stations only (not outlets a and b), in code order.
    const byCode = [...stations].sort((x, y) => (x.code < y.code ? -1 : 1));
    expect(c.selfPickupStations).toEqual(byCode.map((s) => ({ id: s.id, kind: 'PARTNER_STATION', name: s.name })));
    expect(c.explanationZh).toBe('440305 南山区 粤海街道 海岸城: 由 南山区科技园网点 派送，快递员 张三；区内自提点 2 个');
    expect(c.explanation).toBe('440305 南山区 粤海街道 海岸城: delivered by 南山区科技园网点, courier 张三; 2 self pick-up stations in the district');
  });

  it('sends a street whose area has no courier to the district’s stations', async () => {
    const c = await ask({ district: '440305', text: '深圳大学' });
    expect(c).toMatchObject({ served: true, answer: 'SERVED_BY_PICKUP_ONLY', outlet: { id: b.id }, courier: null, matches: [{ area: { id: campus.id }, courier: null }] });
    expect(c.selfPickupStations).toHaveLength(2);
    expect(c.explanationZh).toBe('440305 南山区 粤海街道 深圳大学: 由 南山区蛇口网点 派送，但片区暂无快递员，请到自提点取件；区内自提点 2 个');
  });

  it('lists every matching area best first, within the limit', async () => {
    const all = await ask({ district: '440305', text: '粤海街道' });
    expect(all.matches.map((m: any) => m.area.id).sort()).toEqual([techPark.id, campus.id].sort());
    expect((await ask({ district: '440305', text: '粤海街道', limit: 1 })).matches).toHaveLength(1);
  });

  it('answers the district as a whole without text (no matches listed)', async () => {
    for (const text of [undefined, null, '   ', '，。']) {
      const c = await ask({ district: '440305', text });
      expect(c).toMatchObject({ served: true, answer: 'SERVED', matches: [], outlet: null, courier: null, areaCount: 2, coveredAreaCount: 1 });
      expect(c.explanationZh).toBe('440305 南山区: 有派送：2 个承包区，其中 1 个有快递员；区内自提点 2 个');
    }
  });

  it('says when the street is not in any area of a served district', async () => {
    const c = await ask({ district: '440305', text: '不存在的地方' });
    expect(c).toMatchObject({ served: true, answer: 'UNKNOWN_STREET', matches: [], outlet: null, courier: null });
    expect(c.explanationZh).toBe('440305 南山区: 未找到“不存在的地方”所在的承包区，请核实街道或附近地标；区内自提点 2 个');
  });

  it('keeps the parcel at the outlet where the area has no courier and no station is near', async () => {
    const c = await ask({ district: '440304', text: '园岭' });
    expect(c).toMatchObject({ served: true, answer: 'NO_COURIER', outlet: { id: a.id }, courier: null, selfPickupStations: [], matches: [{ area: { id: futian.id } }] });
  });

  it('answers self pick-up only in a district with only a station', async () => {
    const c = await ask({ district: '500229', text: '城口' });
    expect(c).toMatchObject({
      district: { code: '500229', name: '城口县', cityCode: '5002', cityName: '重庆市', provinceName: '重庆市' },
      served: false,
      answer: 'SERVED_BY_PICKUP_ONLY',
      areaCount: 0,
      matches: [],
      outlet: null,
      courier: null,
      selfPickupStations: [{ id: hillStation.id, kind: 'PARTNER_STATION', name: '城口村淘服务站' }],
    });
    expect(c.explanationZh).toBe('500229 城口县: 不派送上门，请到自提点取件；区内自提点 1 个');
  });

  it('answers NOT_SERVED where the network has nothing', async () => {
    const c = await ask({ district: '110108', text: '中关村' });
    expect(c).toMatchObject({ district: { name: '海淀区', cityName: '北京市' }, served: false, answer: 'NOT_SERVED', matches: [], selfPickupStations: [], outlet: null, courier: null });
    expect(c.explanationZh).toBe('110108 海淀区: 不在派送范围（超区）');
    expect(c.explanation).toBe('110108 海淀区: outside the delivery range');
  });

  it('accepts a full-width code, as whoDeliversHere does', async () => {
    expect((await ask({ district: '４４０３０５', text: '海岸城' })).district.code).toBe('440305');
  });

  it.each([
    ['a well-formed code the register does not list', { district: '440399' }, 'NOT_FOUND', 'DISTRICT_NOT_FOUND'],
    ['another unlisted code', { district: '449999' }, 'NOT_FOUND', 'DISTRICT_NOT_FOUND'],
    ['garbage', { district: "'; DROP TABLE outlet; --" }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['a city code', { district: '440300' }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['a province code', { district: '440000' }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['an overlong text', { district: '440305', text: '路'.repeat(51) }, 'BAD_USER_INPUT', 'SEARCH_TEXT_TOO_LONG'],
    ['a limit of 0', { district: '440305', limit: 0 }, 'BAD_USER_INPUT', 'INVALID_LIMIT'],
    ['a limit over 20', { district: '440305', limit: 21 }, 'BAD_USER_INPUT', 'INVALID_LIMIT'],
  ])('refuses %s', async (_name, variables, code, reason) => {
    const res = await h.gql(as.agent(), COVERAGE, variables);
    expect(firstError(res)).toEqual({ code, reason });
    expect(res.data?.coverage ?? null).toBeNull();
  });

  it('accepts a text of exactly 50 characters', async () => {
    expect((await ask({ district: '440305', text: '路'.repeat(50) })).answer).toBe('UNKNOWN_STREET');
  });

  it('tells a partner of another outlet the same answer, the courier masked as elsewhere — in the sentence too', async () => {
    const agent = await ask({ district: '440305', text: '海岸城' });
    const res = await h.gql(as.partner(b.id), COVERAGE, { district: '440305', text: '海岸城' });
    expect(res.errors).toBeUndefined();
    const c = res.data.coverage;
    expect(c.courier).toEqual({ id: zhang.id, name: '张*', phone: '138****1234' });
    expect(c.explanationZh).toBe('440305 南山区 粤海街道 海岸城: 由 南山区科技园网点 派送，快递员 张*；区内自提点 2 个');
    expect(c.explanation).toContain('courier 张*');
    expect(JSON.stringify(res)).not.toContain('张三');
    expect(JSON.stringify(res)).not.toContain('13800001234');
    const withoutPeople = (x: any) => ({ ...x, courier: x.courier.id, explanationZh: undefined, explanation: undefined, selfPickupStations: x.selfPickupStations.map((s: any) => s.id) });
    expect(withoutPeople(c)).toEqual(withoutPeople(agent));
  });

  it('gives the partner its own courier whole, and masks for callers without pii:read', async () => {
    const own = await ask({ district: '440305', text: '海岸城' }, as.partner(a.id));
    expect(own.courier).toMatchObject({ name: '张三', phone: '13800001234' });
    expect(own.explanationZh).toContain('快递员 张三');
    const analyst = await ask({ district: '440305', text: '海岸城' }, as.analyst());
    expect(analyst.courier).toMatchObject({ name: '张*', phone: '138****1234' });
    expect(analyst.explanationZh).toContain('快递员 张*');
  });

  it('needs network:read', async () => {
    const res = await h.gql(as.scanner(), COVERAGE, { district: '440305' });
    expect(firstError(res)?.code).toBe('FORBIDDEN');
  });

  it('runs a fixed handful of statements: district, areas, stations, other outlets, then outlet and courier once each', async () => {
    h.queries.reset();
    await ask({ district: '440305', text: '粤海街道', limit: 20 });
    expect(h.queries.count).toBe(6);
  });
});
