import { encodeCursor } from '@courierdesk/platform-subgraph';
import { buildWaybill, journey, networkId, newWaybill, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

const CREATE = 'mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo } }';
const CREATE_MANY = `mutation ($input: CreateWaybillsInput!) {
  createWaybills(input: $input) { created duplicates rejected results { index waybillNo status reasons { field code } } }
}`;
const LOOKUP = `query ($no: String!) { waybill(waybillNo: $no) {
  waybillNo serviceLevel laneKey weightGrams declaredValueFen insuredValueFen freightFen status failedAttempts
  sender { name phone districtCode address } recipient { name phone districtCode address }
  originOutlet { id } destinationOutlet { id } currentLocation { __typename id } currentHolder { id }
  lastScan { type scannerEventId } signer { kind name } timeline { type signer { name } note }
} }`;
const LIST = `query ($filter: WaybillFilter, $first: Int, $after: String) {
  waybills(filter: $filter, first: $first, after: $after) { edges { node { waybillNo } } pageInfo { hasNextPage hasPreviousPage endCursor } }
}`;
const input = (over: object = {}) => {
  const { createdAt: _createdAt, ...fields } = newWaybill(over);
  return fields;
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe('waybills (运单): create, look up, list, mask', () => {
  let h: TrackingHarness;
  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  describe('createWaybill', () => {
    it('creates with tracking:ingest and normalises the number; reading it back needs tracking:read', async () => {
      const fields = input();
      const typed = `${fields.waybillNo.slice(0, 6)} ${fields.waybillNo.slice(6)}`.toLowerCase().replace('cd', 'ＣＤ');
      const res = await h.gql(as.scanner(), CREATE, { input: { ...fields, waybillNo: typed } });
      expect(res.data.createWaybill).toEqual({ waybillNo: fields.waybillNo });
      const readBack = await h.gql(as.scanner(), 'mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo waybill { status } } }', { input: input() });
      expect(firstError(readBack)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      const admin = await h.gql(as.admin(), 'mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybill { status sender { phone } } } }', { input: input() });
      expect(admin.data.createWaybill.waybill).toEqual({ status: 'CREATED', sender: { phone: '13812341234' } });
      expect(firstError(await h.gql(as.agent(), CREATE, { input: input() }))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
    });

    it.each<[string, object, string, string]>([
      ['a mistyped check digit', { waybillNo: 'CD000000000018' }, 'BAD_USER_INPUT', 'INVALID_WAYBILL_NO'],
      ['insurance above the declared value', { declaredValueFen: 100, insuredValueFen: 101 }, 'BAD_USER_INPUT', 'INSURED_ABOVE_DECLARED'],
      ['a district that is a city', { recipient: { name: '李四', phone: '13998765432', districtCode: '440300', address: '某路1号' } }, 'BAD_USER_INPUT', 'INVALID_DISTRICT_CODE'],
      ['a phone that is none', { sender: { name: '张三', phone: '138-不是号码', districtCode: '440305', address: '某路1号' } }, 'BAD_USER_INPUT', 'INVALID_PHONE'],
      ['an outlet id that is none', { originOutletId: 'outlet-1' }, 'BAD_USER_INPUT', 'INVALID_REFERENCE_ID'],
      ['a weight of nothing', { weightGrams: 0 }, 'BAD_USER_INPUT', 'INVALID_WAYBILL_INPUT'],
      ['a NUL in a name', { sender: { name: '张\u0000三', phone: '13812341234', districtCode: '440305', address: '某路1号' } }, 'BAD_USER_INPUT', 'INVALID_CHARACTERS'],
    ])('refuses %s', async (_name, over, code, reason) => {
      expect(firstError(await h.gql(as.admin(), CREATE, { input: input(over) }))).toEqual({ code, reason });
    });

    it('refuses a number in use with CONFLICT', async () => {
      const fields = input();
      await h.gql(as.admin(), CREATE, { input: fields });
      expect(firstError(await h.gql(as.admin(), CREATE, { input: { ...fields, freightFen: 1 } }))).toEqual({ code: 'CONFLICT', reason: 'WAYBILL_EXISTS' });
    });

    it('takes tracking:ingest:any to create for any outlet; an outlet-bound system creates only its own outlet’s', async () => {
      const bare = input();
      expect(firstError(await h.gql(as.bareScanner(), CREATE, { input: bare }))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      expect(firstError(await h.gql(as.bareScanner(), CREATE_MANY, { input: { waybills: [bare] } }))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      expect((await h.gql(as.admin(), 'query ($no: String!) { waybill(waybillNo: $no) { waybillNo } }', { no: bare.waybillNo })).data.waybill).toBeNull();
      const own = input();
      const theirs = input();
      const outletSystem = as.outletScanner(own.originOutletId);
      const res = await h.gql(outletSystem, CREATE_MANY, { input: { waybills: [own, theirs] } });
      expect(res.data.createWaybills.results.map((r: { status: string; reasons: { code: string }[] }) => [r.status, r.reasons.map((x) => x.code)])).toEqual([
        ['CREATED', []],
        ['REJECTED', ['ORIGIN_OUTLET_MISMATCH']],
      ]);
    });
  });

  describe('createWaybills', () => {
    it('creates a batch in one statement with one result per waybill, in order', async () => {
      const existing = await buildWaybill(h.services);
      const [a, b] = [input(), input()];
      h.queries.reset();
      const res = await h.gql(as.scanner(), CREATE_MANY, { input: { waybills: [a, input({ waybillNo: existing.waybillNo }), b, { ...a }, input({ weightGrams: -1 })] } });
      expect(h.queries.count).toBe(1);
      expect(res.data.createWaybills).toEqual({
        created: 2,
        duplicates: 2,
        rejected: 1,
        results: [
          { index: 0, waybillNo: a.waybillNo, status: 'CREATED', reasons: [] },
          { index: 1, waybillNo: existing.waybillNo, status: 'DUPLICATE', reasons: [] },
          { index: 2, waybillNo: b.waybillNo, status: 'CREATED', reasons: [] },
          { index: 3, waybillNo: a.waybillNo, status: 'DUPLICATE', reasons: [] },
          { index: 4, waybillNo: expect.any(String), status: 'REJECTED', reasons: [{ field: 'weightGrams', code: 'INVALID_WAYBILL_INPUT' }] },
        ],
      });
    });

    it('refuses more than 1,000 waybills', async () => {
      const res = await h.gql(as.scanner(), CREATE_MANY, { input: { waybills: Array.from({ length: 1001 }, () => input()) } });
      expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_WAYBILLS' });
    });
  });

  describe('waybill(waybillNo) — 查件', () => {
    it('shows parties, outlets, status, current place and holder, and the timeline', async () => {
      const w = await buildWaybill(h.services, { createdAt: hoursAgo(30) });
      const route = routeOf(w);
      await h.services.scans.record(journey(w.waybillNo, route, hoursAgo(29), 4).slice(0, 5));
      const res = await h.gql(as.agent(), LOOKUP, { no: w.waybillNo });
      expect(res.errors).toBeUndefined();
      expect(res.data.waybill).toMatchObject({
        waybillNo: w.waybillNo,
        serviceLevel: 'STANDARD',
        laneKey: '440300-110100',
        declaredValueFen: 19_900,
        status: 'OUT_FOR_DELIVERY',
        sender: { name: '张三', phone: '13812341234', districtCode: '440305', address: '科技园路12号3栋501室' },
        originOutlet: { id: w.originOutletId },
        destinationOutlet: { id: w.destinationOutletId },
        currentLocation: { __typename: 'Outlet', id: w.destinationOutletId },
        currentHolder: { id: route.courier },
        lastScan: { type: 'OUT_FOR_DELIVERY' },
        signer: null,
      });
      expect(res.data.waybill.timeline.map((e: any) => e.type)).toEqual(['PICKED_UP', 'ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY']);
    });

    it.each<[string, string, string, string]>([
      ['an unknown number', 'NOT_FOUND', 'WAYBILL_NOT_FOUND', 'CD999999999990'],
      ['a malformed number', 'BAD_USER_INPUT', 'INVALID_WAYBILL_NO', "CD1' OR '1'='1"],
    ])('answers %s with %s (%s)', async (_name, code, reason, waybillNo) => {
      expect(firstError(await h.gql(as.agent(), LOOKUP, { no: waybillNo }))).toEqual({ code, reason });
    });
  });

  describe('personal data (脱敏)', () => {
    let no: string;
    beforeAll(async () => {
      const w = await buildWaybill(h.services, { createdAt: hoursAgo(30) });
      no = w.waybillNo;
      const route = routeOf(w);
      await h.services.scans.record([
        ...journey(no, route, hoursAgo(29), 4).slice(0, 5),
        scanOf(no, route, 'SIGNED', hoursAgo(2), { signer: { kind: 'FAMILY', name: '李小四' }, note: '家人代收，电话13998765432' }),
      ]);
    });

    it('shows an agent (pii:read) everything whole', async () => {
      const { waybill } = (await h.gql(as.agent(), LOOKUP, { no })).data;
      expect(waybill.recipient).toEqual({ name: '李四', phone: '13998765432', districtCode: '110105', address: '建国路88号SOHO现代城5号楼1201' });
      expect(waybill.signer).toEqual({ kind: 'FAMILY', name: '李小四' });
      expect(waybill.timeline[5]).toEqual({ type: 'SIGNED', signer: { name: '李小四' }, note: '家人代收，电话13998765432' });
    });

    it('masks names, phones, addresses (down to the district code) and numbers in notes for an analyst (no pii:read)', async () => {
      const res = await h.gql(as.analyst(), LOOKUP, { no });
      const { waybill } = res.data;
      expect(waybill.sender).toEqual({ name: '张*', phone: '138****1234', districtCode: '440305', address: '****' });
      expect(waybill.recipient).toEqual({ name: '李*', phone: '139****5432', districtCode: '110105', address: '****' });
      expect(waybill.signer).toEqual({ kind: 'FAMILY', name: '李**' });
      expect(waybill.timeline[5]).toEqual({ type: 'SIGNED', signer: { name: '李**' }, note: '家人代收，电话***' });
      const text = JSON.stringify(res);
      for (const secret of ['13812341234', '13998765432', '科技园路', '建国路', '李四', '张三', '李小四']) expect(text).not.toContain(secret);
    });
  });

  describe('waybills — lists', () => {
    const outlet = networkId();
    const made: string[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 7; i++) {
        const w = await buildWaybill(h.services, { originOutletId: outlet, createdAt: hoursAgo(100 - i) });
        made.push(w.waybillNo);
        if (i % 2 === 0) await h.services.scans.record([scanOf(w.waybillNo, routeOf(w), 'PICKED_UP', hoursAgo(10 + i))]);
      }
    });

    it('pages newest first without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res: any = await h.gql(as.analyst(), LIST, { filter: { outletId: outlet }, first: 3, after });
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.waybills.edges.map((e: any) => e.node.waybillNo));
        expect(res.data.waybills.pageInfo.hasPreviousPage).toBe(after !== null);
        after = res.data.waybills.pageInfo.hasNextPage ? res.data.waybills.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([...made].reverse());
    });

    it.each<[string, (made: string[]) => object, (made: string[]) => string[]]>([
      ['status', () => ({ statuses: ['IN_TRANSIT'] }), (m) => [m[6], m[4], m[2], m[0]]],
      ['creation time', () => ({ createdFrom: hoursAgo(96.5), createdTo: hoursAgo(94.5) }), (m) => [m[5], m[4]]],
      ['last scan time, latest first', () => ({ lastScanFrom: hoursAgo(14.5) }), (m) => [m[0], m[2], m[4]]],
    ])('filters by %s', async (_name, filter, expected) => {
      const res = await h.gql(as.analyst(), LIST, { filter: { outletId: outlet, ...filter(made) }, first: 20 });
      expect(res.errors).toBeUndefined();
      expect(res.data.waybills.edges.map((e: any) => e.node.waybillNo)).toEqual(expected(made));
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a page larger than the maximum', { first: 101 }, 'INVALID_PAGE_SIZE'],
      ['a cursor of another order', { after: encodeCursor(['W', 1, 'CD000000000019']) }, 'INVALID_CURSOR'],
      ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR'],
      ['both time filters', { filter: { createdFrom: hoursAgo(5), lastScanFrom: hoursAgo(5) } }, 'CONFLICTING_TIME_FILTERS'],
      ['a time range backwards', { filter: { createdFrom: hoursAgo(1), createdTo: hoursAgo(5) } }, 'INVALID_TIME_RANGE'],
      ['an outlet id that is none', { filter: { outletId: "1' OR '1'='1" } }, 'INVALID_REFERENCE_ID'],
    ])('refuses %s with BAD_USER_INPUT', async (_name, variables, reason) => {
      expect(firstError(await h.gql(as.analyst(), LIST, variables))).toEqual({ code: 'BAD_USER_INPUT', reason });
    });
  });
});
