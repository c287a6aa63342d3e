import { encodeCursor } from '@courierdesk/platform-subgraph';
import { buildOutlet, buildTransitCentre } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { OutletEntity } from './outlet.entity';

const OUTLETS = `query ($filter: OutletFilter, $first: Int, $after: String) {
  outlets(filter: $filter, first: $first, after: $after) { edges { cursor node { code name } } pageInfo { hasNextPage hasPreviousPage endCursor } }
}`;

describe('outlet directory (网点)', () => {
  let h: NetworkHarness;
  let nanshan: OutletEntity[];
  let futian: OutletEntity;
  let beijing: OutletEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds, { name: '深圳宝安分拨中心' });
    nanshan = [];
    for (let i = 0; i < 7; i++) nanshan.push(await buildOutlet(h.ds, { transitCentreId: tc.id, kind: i % 2 ? 'DIRECT' : 'FRANCHISE' }));
    futian = await buildOutlet(h.ds, { districtCode: '440304', name: '福田华强北网点', address: '华强北路1号' });
    beijing = await buildOutlet(h.ds, { districtCode: '110108', name: '海淀中关村网点', kind: 'PARTNER_STATION' });
  });
  afterAll(() => h.stop());

  it('reads an outlet and its _entities reference by an id in either case: one spelling of an id', async () => {
    const upper = futian.id.toUpperCase();
    const res = await h.gql(as.agent(), 'query ($id: ID!, $reps: [_Any!]!) { outlet(id: $id) { id name } _entities(representations: $reps) { ... on Outlet { id } } }', {
      id: upper,
      reps: [{ __typename: 'Outlet', id: upper }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ outlet: { id: futian.id, name: futian.name }, _entities: [{ id: futian.id }] });
  });

  it('reads an outlet by id and by code, with region names and its transit centre', async () => {
    const res = await h.gql(as.agent(), `query ($id: ID!, $code: String!) {
      outlet(id: $id) { code kind provinceName cityName districtName transitCentre { name } }
      outletByCode(code: $code) { id }
    }`, { id: nanshan[0].id, code: beijing.code });
    expect(res.errors).toBeUndefined();
    expect(res.data.outlet).toEqual({ code: nanshan[0].code, kind: 'FRANCHISE', provinceName: '广东省', cityName: '深圳市', districtName: '南山区', transitCentre: { name: '深圳宝安分拨中心' } });
    expect(res.data.outletByCode).toEqual({ id: beijing.id });
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['a malformed id', "1' OR '1'='1"],
  ])('answers NOT_FOUND for %s', async (_name, id) => {
    const res = await h.gql(as.agent(), 'query ($id: ID!) { outlet(id: $id) { id } }', { id });
    expect(res.data.outlet).toBeNull();
    expect(firstError(res)).toEqual({ code: 'NOT_FOUND', reason: 'OUTLET_NOT_FOUND' });
  });

  it('pages through the directory in code order without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await h.gql(as.analyst(), OUTLETS, { first: 4, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.outlets;
      seen.push(...page.edges.map((e: any) => e.node.code));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...nanshan, futian, beijing].map((o) => o.code).sort());
  });

  it('ends exactly at a page boundary', async () => {
    const res = await h.gql(as.analyst(), OUTLETS, { first: 9 });
    expect(res.data.outlets.edges).toHaveLength(9);
    expect(res.data.outlets.pageInfo.hasNextPage).toBe(false);
    const after = await h.gql(as.analyst(), OUTLETS, { first: 9, after: res.data.outlets.pageInfo.endCursor });
    expect(after.data.outlets).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
  });

  it.each([
    ['a page larger than the maximum', { first: 101 }, 'INVALID_PAGE_SIZE'],
    ['a zero page', { first: 0 }, 'INVALID_PAGE_SIZE'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR'],
    ['a cursor of the wrong shape', { after: encodeCursor(['a', 1]) }, 'INVALID_CURSOR'],
    ['a province that is a city', { filter: { provinceCode: '440300' } }, 'INVALID_DISTRICT_CODE'],
    ['a district that is not one', { filter: { districtCode: '449999' } }, 'INVALID_DISTRICT_CODE'],
    ['an overlong search', { filter: { text: '网'.repeat(51) } }, 'SEARCH_TEXT_TOO_LONG'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, reason) => {
    const res = await h.gql(as.analyst(), OUTLETS, variables);
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason });
  });

  it.each<[string, Record<string, unknown>, () => string[]]>([
    ['province 11', { provinceCode: '11' }, () => [beijing.code]],
    ['province 440000', { provinceCode: '440000' }, () => [...nanshan, futian].map((o) => o.code)],
    ['city 4403', { cityCode: '4403' }, () => [...nanshan, futian].map((o) => o.code)],
    ['district 440304', { districtCode: '440304' }, () => [futian.code]],
    ['kind DIRECT in 南山', { districtCode: '440305', kind: 'DIRECT' }, () => nanshan.filter((o) => o.kind === 'DIRECT').map((o) => o.code)],
    ['text in the name', { text: '华强北' }, () => [futian.code]],
    ['text in the address, any case', { text: '华强北路' }, () => [futian.code]],
    ['text as a code prefix', { text: '110108-' }, () => [beijing.code]],
    ['LIKE wildcards taken literally', { text: '%' }, () => []],
    ['blank text means no text filter', { text: '  ', districtCode: '110108' }, () => [beijing.code]],
  ])('filters by %s', async (_name, filter, expected) => {
    const res = await h.gql(as.analyst(), OUTLETS, { filter, first: 50 });
    expect(res.errors).toBeUndefined();
    expect(res.data.outlets.edges.map((e: any) => e.node.code)).toEqual(expected().sort());
  });
});
