import { chinaTime } from '@courierdesk/domain-sla';
import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity } from '@courierdesk/testing';
import { buildWaybill, journey, networkId, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { WAYBILL_COLUMNS } from '../waybill/waybill.row';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';

// Headless parcels (无头件) end to end on real PostgreSQL: register where found, lists by who may
// see them, a search that ranks the true parcel first among decoys, and the confirmation that
// relabels it with a scan.
const NOW = chinaTime(2026, 3, 10, 12);
const at = (day: number, hour = 0) => chinaTime(2026, 3, day, hour);
const [A, B, C, H1, H2] = [networkId(), networkId(), networkId(), networkId(), networkId()];
/** HQ customer service (总部客服) at the desk: reads and writes. */
const hq = () => testIdentity('hq-1', [Role.AGENT], [Scope.TRACKING_READ, Scope.TICKETS_WRITE, Scope.PERSONAL_DATA]);
/** A partner outlet's desk (加盟网点客服). */
const desk = (outletId: string) => testIdentity(`desk-${outletId}`, [Role.OUTLET_PARTNER], [Scope.TRACKING_READ, Scope.TICKETS_WRITE, Scope.PERSONAL_DATA], outletId);

const REGISTER = 'mutation ($input: RegisterHeadlessParcelInput!) { registerHeadlessParcel(input: $input) { id parcelNo status version foundLocation { __typename id } registeredBy } }';
const LIST = `query ($filter: HeadlessParcelFilter, $first: Int, $after: String) {
  headlessParcels(filter: $filter, first: $first, after: $after) { edges { node { id parcelNo } } pageInfo { hasNextPage endCursor } } }`;
const SEARCH = `mutation ($input: SearchHeadlessParcelsInput!) { searchHeadlessParcels(input: $input) {
  id waybillNo searchedBy policyVersion description candidateCount excludedCount
  proposals { rank score reasons { component points text } parcel { id parcelNo } } } }`;
const CONFIRM = `mutation ($input: ConfirmHeadlessMatchInput!) { confirmHeadlessMatch(input: $input) {
  scanEventId parcel { status version matchedAt matchedWaybill { waybillNo } }
  waybill { status lastScanAt currentLocation { __typename id } lastScan { type scannerEventId } } } }`;
const SEARCHES = `query ($no: String!) { waybill(waybillNo: $no) { contents headlessSearches(first: 5) { policyVersion proposals { rank parcel { id parcelNo } } } } }`;

const found = (over: object = {}) => ({
  foundPlaceKind: 'HUB', foundPlaceId: H2, foundAt: at(3, 20).toISOString(), weightGrams: 2050, lengthCm: 41, widthCm: 30, heightCm: 14,
  packaging: '蓝色纸箱，胶带破损', contents: '一双耐克运动鞋 42码', photoRef: 'evidence/2026/03/hp-truth.jpg', ...over,
});

describe('headless parcels (无头件)', () => {
  let h: TrackingHarness;
  let lost: string; // A → B, last scanned arriving at hub H2 on 3 March: lost there
  let delivered: string;
  const ids: Record<string, string> = {};

  const register = async (name: string, over: object, who = as.scanner()) => {
    const res = await h.gql(who, REGISTER, { input: found(over) });
    expect(res.errors).toBeUndefined();
    ids[name] = res.data.registerHeadlessParcel.id;
    return res.data.registerHeadlessParcel;
  };

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => NOW });
    const w = await buildWaybill(h.services, { originOutletId: A, destinationOutletId: B, weightGrams: 2000, createdAt: at(1, 8), contents: '蓝色纸箱 耐克运动鞋 42码' });
    const route = { ...routeOf(w), hub: H1 };
    await h.services.scans.record([
      scanOf(w.waybillNo, route, 'PICKED_UP', at(1, 10)),
      scanOf(w.waybillNo, route, 'ARRIVED_AT_HUB', at(2, 6)),
      scanOf(w.waybillNo, route, 'DEPARTED_HUB', at(2, 9)),
      scanOf(w.waybillNo, route, 'ARRIVED_AT_HUB', at(3, 8), { location: { kind: 'HUB', id: H2 } }),
    ]);
    lost = w.waybillNo;
    const d = await buildWaybill(h.services, { originOutletId: A, destinationOutletId: B, createdAt: at(1, 8) });
    await h.services.scans.record(journey(d.waybillNo, { ...routeOf(d), hub: H1 }, at(1, 9), 5));
    delivered = d.waybillNo;
  });
  afterAll(() => h.stop());

  describe('registerHeadlessParcel', () => {
    it('registers at a hub with network-wide reach: a readable number, OPEN, version 1', async () => {
      const parcel = await register('truth', {});
      expect(parcel).toMatchObject({ status: 'OPEN', version: 1, foundLocation: { __typename: 'TransitCentre', id: H2 }, registeredBy: 'scanner-1' });
      expect(parcel.parcelNo).toMatch(/^HP20260310\d{6}$/);
      // The decoys: heavier, at an outlet off the route, before the waybill got there, later with similar words, other goods.
      await register('heavier', { weightGrams: 2600 });
      await register('off route', { foundPlaceKind: 'OUTLET', foundPlaceId: C }, desk(C));
      await register('too early', { foundAt: at(3, 4).toISOString() });
      await register('later, similar words', { foundAt: at(9, 10).toISOString(), packaging: '纸箱', contents: '耐克运动鞋' }, hq());
      await register('other goods', { packaging: '白色编织袋', contents: '儿童毛绒玩具', weightGrams: 1900 });
    });

    it.each<[string, object, string]>([
      ['a zero length', { lengthCm: 0 }, 'INVALID_HEADLESS_PARCEL_INPUT'],
      ['a side of 501 cm', { heightCm: 501 }, 'INVALID_HEADLESS_PARCEL_INPUT'],
      ['no weight', { weightGrams: 0 }, 'INVALID_HEADLESS_PARCEL_INPUT'],
      ['found tomorrow', { foundAt: at(11, 12).toISOString() }, 'INVALID_HEADLESS_PARCEL_INPUT'],
      ['a photo reference that walks up', { photoRef: '../../etc/passwd' }, 'INVALID_HEADLESS_PARCEL_INPUT'],
      ['a place that is no network id', { foundPlaceId: 'hub-7' }, 'INVALID_REFERENCE_ID'],
      ['packaging of 201 characters', { packaging: '箱'.repeat(201) }, 'INVALID_TEXT'],
    ])('refuses %s (BAD_USER_INPUT)', async (_name, over, reason) => {
      const res = await h.gql(as.scanner(), REGISTER, { input: found(over) });
      expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason });
    });

    it('holds an outlet-bound caller to its own outlet, and wants reach from the others', async () => {
      for (const input of [{ foundPlaceKind: 'OUTLET', foundPlaceId: A }, { foundPlaceKind: 'HUB', foundPlaceId: C }]) {
        expect(firstError(await h.gql(desk(C), REGISTER, { input: found(input) }))).toEqual({ code: 'FORBIDDEN', reason: 'HEADLESS_PLACE_OUTSIDE_OUTLET' });
        expect(firstError(await h.gql(as.outletScanner(C), REGISTER, { input: found(input) }))).toEqual({ code: 'FORBIDDEN', reason: 'HEADLESS_PLACE_OUTSIDE_OUTLET' });
      }
      for (const who of [as.bareScanner(), as.analyst(), as.agent()]) {
        expect(firstError(await h.gql(who, REGISTER, { input: found() }))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      }
    });
  });

  describe('lists (无头件列表)', () => {
    it('shows HQ every parcel, newest found first, in pages', async () => {
      const first = await h.gql(hq(), LIST, { first: 4 });
      const second = await h.gql(hq(), LIST, { first: 4, after: first.data.headlessParcels.pageInfo.endCursor });
      const all = [...first.data.headlessParcels.edges, ...second.data.headlessParcels.edges].map((e: any) => e.node.id);
      expect(all).toHaveLength(6);
      expect(all[0]).toBe(ids['later, similar words']);
      expect(new Set(all).size).toBe(6);
      expect(second.data.headlessParcels.pageInfo.hasNextPage).toBe(false);
    });

    it('filters by place, status and found time', async () => {
      const list = async (filter: object) => (await h.gql(as.analyst(), LIST, { filter })).data.headlessParcels.edges.map((e: any) => e.node.id).sort();
      expect(await list({ placeId: C })).toEqual([ids['off route']]);
      expect(await list({ placeId: H2, foundFrom: '2026-03-03T10:00:00+08:00', foundTo: '2026-03-04' })).toEqual([ids.truth, ids.heavier, ids['other goods']].sort());
      expect(await list({ status: 'MATCHED' })).toEqual([]);
      expect(firstError(await h.gql(hq(), LIST, { filter: { foundFrom: '2026-03-05', foundTo: '2026-03-04' } }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_TIME_RANGE' });
    });

    it('shows an outlet only the parcels found there, by list and by id', async () => {
      const own = await h.gql(desk(C), LIST, {});
      expect(own.data.headlessParcels.edges.map((e: any) => e.node.id)).toEqual([ids['off route']]);
      expect((await h.gql(desk(C), LIST, { filter: { placeId: H2 } })).data.headlessParcels.edges).toEqual([]);
      expect(firstError(await h.gql(desk(C), 'query ($id: ID!) { headlessParcel(id: $id) { id } }', { id: ids.truth }))).toEqual({ code: 'NOT_FOUND', reason: 'HEADLESS_PARCEL_NOT_FOUND' });
      expect((await h.gql(hq(), 'query ($id: ID!) { headlessParcel(id: $id) { parcelNo packaging } }', { id: ids.truth })).data.headlessParcel.packaging).toBe('蓝色纸箱，胶带破损');
    });
  });

  describe('searchHeadlessParcels (查找无头件)', () => {
    it('ranks the true parcel first among the decoys, and records the search', async () => {
      const res = await h.gql(hq(), SEARCH, { input: { waybillNo: lost, sizeCm: [15, 40, 30] } });
      expect(res.errors).toBeUndefined();
      const search = res.data.searchHeadlessParcels;
      expect(search).toMatchObject({ waybillNo: lost, searchedBy: 'hq-1', policyVersion: 'headless-match-2026.1', description: '蓝色纸箱 耐克运动鞋 42码' });
      const ranked = search.proposals.map((p: any) => p.parcel.id);
      expect(ranked[0]).toBe(ids.truth);
      expect(ranked).not.toContain(ids['off route']);
      expect(ranked).not.toContain(ids['too early']);
      expect(search.excludedCount).toBe(1);
      expect(search.proposals.map((p: any) => p.rank)).toEqual(ranked.map((_: string, i: number) => i + 1));
      expect(search.proposals[0].reasons.map((r: any) => r.component)).toEqual(['PLACE', 'TIME', 'WEIGHT', 'SIZE', 'WORDS']);
      const [stored] = await h.ds.query('SELECT count(*)::int AS n FROM headless_match_proposal WHERE search_id = $1', [search.id]);
      expect(stored.n).toBe(ranked.length);
    });

    it('lets a partner search for its own waybill, never another outlet’s, and analysts not at all', async () => {
      expect((await h.gql(desk(A), SEARCH, { input: { waybillNo: lost, description: '运动鞋' } })).data.searchHeadlessParcels.proposals[0].parcel.id).toBeDefined();
      expect(firstError(await h.gql(desk(C), SEARCH, { input: { waybillNo: lost } }))).toEqual({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
      expect(firstError(await h.gql(as.analyst(), SEARCH, { input: { waybillNo: lost } }))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
    });

    it('refuses a delivered waybill: nothing is lost', async () => {
      expect(firstError(await h.gql(hq(), SEARCH, { input: { waybillNo: delivered } }))).toEqual({ code: 'CONFLICT', reason: 'WAYBILL_FINISHED' });
    });

    it('shows the searches on the waybill to whoever sees it; to no other outlet by any path', async () => {
      const mine = await h.gql(desk(A), SEARCHES, { no: lost });
      expect(mine.data.waybill.contents).toBe('蓝色纸箱 耐克运动鞋 42码');
      expect(mine.data.waybill.headlessSearches).toHaveLength(2);
      expect(mine.data.waybill.headlessSearches[1].proposals[0].parcel.id).toBe(ids.truth);
      expect(firstError(await h.gql(desk(C), SEARCHES, { no: lost }))).toEqual({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
      const entities = await h.gql(desk(C), 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { headlessSearches { proposals { parcel { id } } } } } }', {
        reps: [{ __typename: 'Waybill', waybillNo: lost }],
      });
      expect(entities.data._entities).toEqual([null]);
      expect(JSON.stringify(entities)).not.toContain(ids.truth);
    });
  });

  describe('confirmHeadlessMatch (确认认领)', () => {
    it('is HQ’s: a partner is refused', async () => {
      expect(firstError(await h.gql(desk(A), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids.truth } }))).toEqual({ code: 'FORBIDDEN', reason: 'HEADLESS_CONFIRM_HQ_ONLY' });
    });

    it('needs the parcel proposed for this waybill, at the version seen', async () => {
      expect(firstError(await h.gql(hq(), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids['too early'] } }))).toEqual({ code: 'NOT_FOUND', reason: 'HEADLESS_PROPOSAL_NOT_FOUND' });
      expect(firstError(await h.gql(hq(), CONFIRM, { input: { waybillNo: delivered, headlessParcelId: ids.truth } }))).toEqual({ code: 'NOT_FOUND', reason: 'HEADLESS_PROPOSAL_NOT_FOUND' });
      expect(firstError(await h.gql(hq(), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids.truth, expectedVersion: 7 } }))).toEqual({ code: 'CONFLICT', reason: 'HEADLESS_PARCEL_VERSION_CONFLICT' });
    });

    it('matches the parcel and relabels it with an arrival scan at the hub where it was found, moving the waybill', async () => {
      const res = await h.gql(hq(), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids.truth, expectedVersion: 1 } });
      expect(res.errors).toBeUndefined();
      const { parcel, waybill, scanEventId } = res.data.confirmHeadlessMatch;
      expect(parcel).toEqual({ status: 'MATCHED', version: 2, matchedAt: NOW.toISOString(), matchedWaybill: { waybillNo: lost } });
      expect(waybill).toMatchObject({ status: 'IN_TRANSIT', lastScanAt: NOW.toISOString(), currentLocation: { __typename: 'TransitCentre', id: H2 }, lastScan: { type: 'ARRIVED_AT_HUB' } });
      expect(waybill.lastScan.scannerEventId).toMatch(/^headless-HP\d{14}$/);
      expect(scanEventId).toBeTruthy();
      const [row] = await h.ds.query('SELECT event_count, last_scan_at FROM waybill WHERE waybill_no = $1', [lost]);
      expect(row).toEqual({ event_count: 5, last_scan_at: NOW });
    });

    it('refuses a second confirmation, and a second parcel for the same waybill (CONFLICT)', async () => {
      expect(firstError(await h.gql(hq(), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids.truth } }))).toEqual({ code: 'CONFLICT', reason: 'HEADLESS_PARCEL_NOT_OPEN' });
      expect(firstError(await h.gql(hq(), CONFIRM, { input: { waybillNo: lost, headlessParcelId: ids.heavier } }))).toEqual({ code: 'CONFLICT', reason: 'WAYBILL_ALREADY_MATCHED' });
      const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM scan_event WHERE waybill_no = $1 AND scanner_event_id LIKE 'headless-%'`, [lost]);
      expect(n).toBe(1);
      expect((await h.gql(hq(), LIST, { filter: { status: 'MATCHED' } })).data.headlessParcels.edges.map((e: any) => e.node.id)).toEqual([ids.truth]);
    });
  });

  describe('N+1 guard', () => {
    it('reads searches, proposals and parcels in one statement each, for 3 or 12 waybills', async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 12; i++) {
        const outlet = networkId();
        const w = await buildWaybill(h.services, { originOutletId: outlet, weightGrams: 1000, createdAt: at(5, 8), contents: '书' });
        await h.services.headlessParcels.register('hub-1', { outletId: null }, { foundPlaceKind: 'OUTLET', foundPlaceId: outlet, foundAt: at(6, 8), weightGrams: 1000, lengthCm: 20, widthCm: 15, heightCm: 5, contents: '书' });
        const [row] = await h.ds.query(`SELECT ${WAYBILL_COLUMNS} FROM waybill w WHERE w.waybill_no = $1`, [w.waybillNo]);
        await h.services.headlessMatches.search('hq-1', row, { description: '书' });
        await h.services.headlessMatches.search('hq-1', row, { description: '一本书' });
        numbers.push(w.waybillNo);
      }
      const query = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { headlessSearches(first: 2) { searchedAt proposals { rank parcel { parcelNo foundLocation { id } } } } } } }';
      const count = async (n: number) => {
        h.queries.reset();
        const res = await h.gql(hq(), query, { reps: numbers.slice(0, n).map((waybillNo) => ({ __typename: 'Waybill', waybillNo })) });
        expect(res.errors).toBeUndefined();
        expect(res.data._entities.every((w: any) => w.headlessSearches.length === 2 && w.headlessSearches[0].proposals[0].parcel.parcelNo)).toBe(true);
        return h.queries.count;
      };
      // The waybill rows, their searches, the searches' proposals, the proposed parcels.
      expect(await count(3)).toBe(4);
      expect(await count(12)).toBe(4);
    });
  });
});
