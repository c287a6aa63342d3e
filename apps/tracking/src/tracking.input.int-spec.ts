import { buildWaybill, networkId, newWaybill } from './testing/builders';
import { as } from './testing/identities';
import { startTrackingHarness, type GraphQLResponse, type TrackingHarness } from './testing/tracking.harness';

// Bad input is the client's error: every argument of the tracking subgraph that GraphQL's own
// types let through (dates, ids, waybill numbers, page sizes, cursors) answers BAD_USER_INPUT with
// a stable reason and a message that names the argument and the form it takes. Enums and Int
// ranges are GraphQL's own (GRAPHQL_VALIDATION_FAILED / BAD_USER_INPUT at the gateway).
const LIST = 'query ($filter: WaybillFilter, $first: Int, $after: String) { waybills(filter: $filter, first: $first, after: $after) { edges { node { waybillNo } } } }';
const CREATE = 'mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo } }';
const DATE_FORM = 'expected an ISO 8601 date-time with an offset such as 2026-12-01T08:00:00\\+08:00';

const refusal = (res: GraphQLResponse) => {
  expect(res.data?.waybills ?? res.data?.createWaybill ?? res.data?.waybill ?? res.data?.anomalousWaybills ?? null).toBeNull();
  const [error] = res.errors ?? [];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message };
};

describe('bad input is BAD_USER_INPUT naming the argument', () => {
  let h: TrackingHarness;
  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  describe('date-times', () => {
    it.each(['createdFrom', 'createdTo', 'lastScanFrom', 'lastScanTo'])('filter.%s as a literal: "x", a time without an offset, a number', async (field) => {
      for (const [literal, sent] of [['"x"', '"x"'], ['"2024-01-01T08:00:00"', '"2024-01-01T08:00:00"'], ['20240101', '20240101']]) {
        const res = await h.gql(as.analyst(), `{ waybills(filter: { ${field}: ${literal} }) { edges { node { waybillNo } } } }`);
        expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME', message: expect.stringMatching(new RegExp(`^filter\\.${field}: ${DATE_FORM}.*; got ${sent}$`)) });
      }
    });

    it('filter dates in variables, and createWaybill.createdAt', async () => {
      const listed = await h.gql(as.analyst(), LIST, { filter: { lastScanTo: '2024-13-01' } });
      expect(refusal(listed)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME', message: expect.stringMatching(/^filter\.lastScanTo: expected/) });
      const { createdAt: _createdAt, ...fields } = newWaybill();
      const created = await h.gql(as.admin(), CREATE, { input: { ...fields, createdAt: 'yesterday' } });
      expect(refusal(created)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME', message: expect.stringMatching(/^input\.createdAt: expected .*; got "yesterday"$/) });
    });

    it('takes a plain date as 00:00 that day in China time (UTC+8), from inclusive, to exclusive', async () => {
      const outletId = networkId();
      const newYear = await buildWaybill(h.services, { originOutletId: outletId, createdAt: new Date('2024-01-01T00:00:00+08:00') });
      const lastDay = await buildWaybill(h.services, { originOutletId: outletId, createdAt: new Date('2024-01-01T23:59:59+08:00') });
      await buildWaybill(h.services, { originOutletId: outletId, createdAt: new Date('2023-12-31T23:59:59+08:00') });
      await buildWaybill(h.services, { originOutletId: outletId, createdAt: new Date('2024-01-02T00:00:00+08:00') });
      const res = await h.gql(as.analyst(), `{ waybills(filter: { outletId: "${outletId}", createdFrom: "2024-01-01", createdTo: "2024-01-02" }) { edges { node { waybillNo } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.waybills.edges.map((e: any) => e.node.waybillNo)).toEqual([lastDay.waybillNo, newYear.waybillNo]);
    });
  });

  it.each<[string, string, Record<string, unknown>, string, RegExp]>([
    ['waybill(waybillNo)', 'query ($v: String!) { waybill(waybillNo: $v) { waybillNo } }', { v: 'SF1234' }, 'INVALID_WAYBILL_NO', /^waybillNo: .*expected CD \+ 11-digit sequence \+ check digit/],
    ['waybills(filter.outletId)', LIST, { filter: { outletId: 'outlet-7' } }, 'INVALID_REFERENCE_ID', /^filter\.outletId: expected a network id \(UUID\) such as .*; got "outlet-7"$/],
    ['waybills(first)', LIST, { first: 0 }, 'INVALID_PAGE_SIZE', /^first must be between 1 and 100$/],
    ['waybills(after)', LIST, { after: 'not-a-cursor' }, 'INVALID_CURSOR', /^after: not a cursor of this list; pass the endCursor of the page before$/],
    ['waybills(filter) time range', LIST, { filter: { createdFrom: '2024-02-01', createdTo: '2024-01-01' } }, 'INVALID_TIME_RANGE', /^filter\.createdFrom must not be after filter\.createdTo$/],
    [
      'anomalousWaybills(transitCentreId)',
      'query ($v: ID) { anomalousWaybills(transitCentreId: $v) { edges { node { waybillNo } } } }',
      { v: 'hub-1' },
      'INVALID_REFERENCE_ID',
      /^transitCentreId: expected a network id \(UUID\)/,
    ],
    ['anomalousWaybills(outletId)', 'query ($v: ID) { anomalousWaybills(outletId: $v) { edges { node { waybillNo } } } }', { v: '42' }, 'INVALID_REFERENCE_ID', /^outletId: expected/],
  ])('%s', async (_name, query, variables, reason, message) => {
    expect(refusal(await h.gql(as.admin(), query, variables))).toEqual({ code: 'BAD_USER_INPUT', reason, message: expect.stringMatching(message) });
  });

  it('createWaybill: ids and amounts name their field', async () => {
    const { createdAt: _createdAt, ...fields } = newWaybill();
    const res = await h.gql(as.admin(), CREATE, { input: { ...fields, destinationOutletId: 'beijing' } });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_REFERENCE_ID', message: expect.stringMatching(/^destinationOutletId: expected the outlet's network id \(UUID\)/) });
  });
});
