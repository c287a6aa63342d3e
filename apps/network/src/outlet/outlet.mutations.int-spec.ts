import { buildOutlet, buildTransitCentre } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { OutletEntity } from './outlet.entity';

const CREATE = `mutation ($input: CreateOutletInput!) {
  createOutlet(input: $input) { id code name kind districtCode cityCode provinceCode provinceName cityName districtName phone managerPhone version transitCentre { id } }
}`;
const UPDATE = `mutation ($input: UpdateOutletInput!) { updateOutlet(input: $input) { id name address kind version managerPhone } }`;

describe('outlet mutations', () => {
  let h: NetworkHarness;
  let tcId: string;
  let mine: OutletEntity;
  let theirs: OutletEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    tcId = (await buildTransitCentre(h.ds)).id;
    mine = await buildOutlet(h.ds, { districtCode: '440106' });
    theirs = await buildOutlet(h.ds, { districtCode: '440106' });
  });
  afterAll(() => h.stop());

  const valid = { code: '330106-001', name: ' 杭州西湖文三路网点 ', kind: 'DIRECT', districtCode: '330106', address: '文三路 90 号', phone: '０５７１-８８８８６６６６', managerPhone: '+86 139 0000 1111', transitCentreId: null as string | null };

  it('opens an outlet with its region taken from the national register', async () => {
    const res = await h.gql(as.admin(), CREATE, { input: { ...valid, transitCentreId: tcId } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createOutlet).toMatchObject({
      code: '330106-001', name: '杭州西湖文三路网点', kind: 'DIRECT', provinceCode: '33', cityCode: '3301', districtCode: '330106',
      provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区', phone: '0571-88886666', managerPhone: '13900001111', version: 1, transitCentre: { id: tcId },
    });
  });

  it('refuses a code already in use with CONFLICT, decided by the database', async () => {
    const results = await Promise.all([0, 1, 2].map(() => h.gql(as.admin(), CREATE, { input: { ...valid, code: '330106-002' } })));
    expect(results.filter((r) => r.data?.createOutlet).length).toBe(1);
    expect(results.filter((r) => r.errors).map(firstError)).toEqual([
      { code: 'CONFLICT', reason: 'OUTLET_CODE_TAKEN' },
      { code: 'CONFLICT', reason: 'OUTLET_CODE_TAKEN' },
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a malformed district', { districtCode: '33010' }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['a district the register does not know', { districtCode: '330199', code: '330199-001' }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
    ['a code from another district', { code: '330105-001' }, 'BAD_USER_INPUT', 'OUTLET_CODE_DISTRICT_MISMATCH'],
    ['a malformed code', { code: '330106001' }, 'BAD_USER_INPUT', 'INVALID_OUTLET_CODE'],
    ['an empty name', { name: '   ' }, 'BAD_USER_INPUT', 'EMPTY_NAME'],
    ['a bad phone', { phone: '138001' }, 'BAD_USER_INPUT', 'INVALID_PHONE'],
    ['an unknown transit centre', { transitCentreId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'TRANSIT_CENTRE_NOT_FOUND'],
    ['a malformed transit centre id', { transitCentreId: 'tc-1' }, 'NOT_FOUND', 'TRANSIT_CENTRE_NOT_FOUND'],
  ])('refuses %s', async (_name, change, code, reason) => {
    const res = await h.gql(as.admin(), CREATE, { input: { ...valid, code: '330106-009', ...change } });
    expect(firstError(res)).toEqual({ code, reason });
    expect(res.data).toBeNull();
  });

  it.each([
    ['an outlet manager (outlet-bound)', () => as.manager(mine.id), 'HQ_ONLY'],
    ['an agent without network:write', () => as.agent(), 'SCOPE_MISSING'],
  ])('lets only HQ open outlets: %s is FORBIDDEN', async (_name, who, reason) => {
    const res = await h.gql(who(), CREATE, { input: { ...valid, code: '330106-010' } });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason });
  });

  it('updates with the current version and bumps it; a stale version is a CONFLICT', async () => {
    const outlet = await buildOutlet(h.ds);
    const ok = await h.gql(as.admin(), UPDATE, { input: { id: outlet.id, version: 1, name: '南山新名字网点', managerPhone: null } });
    expect(ok.data.updateOutlet).toMatchObject({ name: '南山新名字网点', version: 2, managerPhone: null, address: outlet.address });
    const stale = await h.gql(as.admin(), UPDATE, { input: { id: outlet.id, version: 1, name: '又一个名字' } });
    expect(firstError(stale)).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('lets exactly one of two concurrent same-version edits win', async () => {
    const outlet = await buildOutlet(h.ds);
    const results = await Promise.all(['甲', '乙'].map((n) => h.gql(as.admin(), UPDATE, { input: { id: outlet.id, version: 1, name: `并发${n}网点` } })));
    expect(results.map((r) => r.data?.updateOutlet?.version ?? firstError(r)?.reason).sort()).toEqual([2, 'STALE_VERSION'].sort());
  });

  it('lets an outlet manager edit their own outlet but not its kind, nor another outlet', async () => {
    const own = await h.gql(as.manager(mine.id), UPDATE, { input: { id: mine.id, version: mine.version, address: '新地址 1 号' } });
    expect(own.data.updateOutlet).toMatchObject({ address: '新地址 1 号', version: mine.version + 1 });
    const kind = await h.gql(as.manager(mine.id), UPDATE, { input: { id: mine.id, version: mine.version + 1, kind: 'DIRECT' } });
    expect(firstError(kind)).toEqual({ code: 'FORBIDDEN', reason: 'HQ_ONLY' });
    const other = await h.gql(as.manager(mine.id), UPDATE, { input: { id: theirs.id, version: theirs.version, name: '抢来的' } });
    expect(firstError(other)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
  });

  it('answers NOT_FOUND for an unknown outlet', async () => {
    const res = await h.gql(as.admin(), UPDATE, { input: { id: '00000000-0000-4000-8000-000000000001', version: 1, name: 'x' } });
    expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'OUTLET_NOT_FOUND' });
  });
});

describe('outlet phones (masking)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  beforeAll(async () => {
    h = await startNetworkHarness();
    a = await buildOutlet(h.ds, { phone: '0755-26601234', managerPhone: '13800138000' });
    b = await buildOutlet(h.ds, { phone: '0755-26605678', managerPhone: '13911112222' });
  });
  afterAll(() => h.stop());

  const READ = 'query ($id: ID!) { outlet(id: $id) { name phone managerPhone } }';

  it.each<[string, () => ReturnType<typeof as.agent>, 'a' | 'b', string, string]>([
    ['an HQ agent with pii:read sees every number', () => as.agent(), 'b', '0755-26605678', '13911112222'],
    ['an analyst without pii:read sees masks', () => as.analyst(), 'a', '0755-******34', '138****8000'],
    ['a partner sees its own numbers', () => as.partner(a.id), 'a', '0755-26601234', '13800138000'],
    ['a partner reads another outlet’s directory entry, numbers masked', () => as.partner(a.id), 'b', '0755-******78', '139****2222'],
  ])('%s', async (_name, who, which, phone, managerPhone) => {
    const outlet = which === 'a' ? a : b;
    const res = await h.gql(who(), READ, { id: outlet.id });
    expect(res.data.outlet).toEqual({ name: outlet.name, phone, managerPhone });
  });

  it('refuses a token without network:read', async () => {
    const res = await h.gql(as.scanner(), READ, { id: a.id });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});
