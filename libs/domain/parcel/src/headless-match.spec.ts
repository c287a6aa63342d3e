import { chinaTime } from '@courierdesk/domain-sla';
import { thrownCode } from '@courierdesk/domain-core/testing';
import {
  compareDescriptions,
  descriptionTokens,
  HEADLESS_MATCH_POLICY,
  judgeHeadlessCandidate,
  rankHeadlessCandidates,
  routeOf,
  validateHeadlessMatchPolicy,
  weightTolerance,
  type HeadlessCandidate,
  type HeadlessQuery,
  type WaybillForMatch,
} from './headless-match';

const [ORIGIN, HUB1, HUB2, DEST, ELSEWHERE] = ['o-origin', 'h-1', 'h-2', 'o-dest', 'h-far'];
const at = (day: number, hour = 0) => chinaTime(2026, 3, day, hour);
// Picked up 1 March, hub 1 on the 2nd, hub 2 on the 3rd at 08:00 and 10:00 — then nothing (lost at hub 2).
const waybill: WaybillForMatch = {
  createdAt: at(1, 8),
  originOutletId: ORIGIN,
  destinationOutletId: DEST,
  weightGrams: 2000,
  visits: [
    { place: { kind: 'OUTLET', id: ORIGIN }, firstAt: at(1, 10), lastAt: at(1, 10) },
    { place: { kind: 'HUB', id: HUB1 }, firstAt: at(2, 6), lastAt: at(2, 9) },
    { place: { kind: 'HUB', id: HUB2 }, firstAt: at(3, 8), lastAt: at(3, 10) },
  ],
};
const route = routeOf(waybill);
const query: HeadlessQuery = { description: '蓝色纸箱 耐克运动鞋 Nike 42码', sizeCm: [40, 30, 15] };

let n = 0;
const parcel = (over: Partial<HeadlessCandidate> = {}): HeadlessCandidate => ({
  id: `p-${++n}`,
  parcelNo: `HP20260303${String(n).padStart(6, '0')}`,
  foundPlace: { kind: 'HUB', id: HUB2 },
  foundAt: at(3, 20),
  weightGrams: 2050,
  lengthCm: 41,
  widthCm: 30,
  heightCm: 14,
  packaging: '蓝色纸箱，胶带破损',
  contents: '一双耐克运动鞋 Nike 42码',
  ...over,
});
const judge = (over: Partial<HeadlessCandidate>, q = query) => judgeHeadlessCandidate(waybill, route, q, parcel(over));

describe('route (途经)', () => {
  it('holds every scanned place, the destination and the origin, with since when the waybill could be there', () => {
    expect(route.map((r) => [r.place.id, r.role, r.since])).toEqual([
      [ORIGIN, 'SCANNED', at(1, 10)],
      [HUB1, 'SCANNED', at(2, 6)],
      [HUB2, 'LAST_SCAN', at(3, 8)],
      [DEST, 'DESTINATION', at(3, 10)],
    ]);
  });

  it('a waybill never scanned can be at its origin outlet since creation, or its destination', () => {
    expect(routeOf({ ...waybill, visits: [] }).map((r) => [r.place.id, r.role])).toEqual([
      [DEST, 'DESTINATION'],
      [ORIGIN, 'ORIGIN'],
    ]);
  });
});

describe('hard exclusions (排除)', () => {
  const tolerance = weightTolerance(2000); // 200 g: 10 % and the minimum agree
  it.each<[string, Partial<HeadlessCandidate>, string | null]>([
    ['not on the route', { foundPlace: { kind: 'HUB', id: ELSEWHERE } }, 'NOT_ON_ROUTE'],
    ['same id but an outlet, not the hub', { foundPlace: { kind: 'OUTLET', id: HUB2 } }, 'NOT_ON_ROUTE'],
    ['found at hub 2 three hours before it arrived', { foundAt: at(3, 5) }, 'FOUND_BEFORE_ARRIVAL'],
    ['found at hub 2 exactly the slack (2 h) before it arrived', { foundAt: at(3, 6) }, null],
    ['found 30 days after it reached hub 2', { foundAt: new Date(at(3, 8).getTime() + 30 * 86_400_000) }, null],
    ['found 30 days and a minute after', { foundAt: new Date(at(3, 8).getTime() + 30 * 86_400_000 + 60_000) }, 'FOUND_TOO_LATE'],
    ['weight at 3 tolerances', { weightGrams: 2000 + 3 * tolerance }, null],
    ['weight 1 g past 3 tolerances', { weightGrams: 2000 + 3 * tolerance + 1 }, 'WEIGHT_FAR_OFF'],
    ['lighter by 3 tolerances and 1 g', { weightGrams: 2000 - 3 * tolerance - 1 }, 'WEIGHT_FAR_OFF'],
  ])('%s → %s', (_name, over, excluded) => expect(judge(over).excluded).toBe(excluded));
});

describe('points per component', () => {
  const points = (over: Partial<HeadlessCandidate>, component: string, q = query) => judge(over, q).reasons.find((r) => r.component === component)?.points;

  it.each<[string, Partial<HeadlessCandidate>, number]>([
    ['where it was last scanned', {}, 30],
    ['the destination outlet', { foundPlace: { kind: 'OUTLET', id: DEST } }, 24],
    ['an earlier hub', { foundPlace: { kind: 'HUB', id: HUB1 } }, 18],
  ])('place: %s → %s', (_name, over, expected) => expect(points(over, 'PLACE')).toBe(expected));

  it.each<[string, number, number]>([
    ['the same weight', 2000, 25],
    ['200 g off (the tolerance: half points)', 2200, 12.5],
    ['201 g off (outside: none, not excluded)', 1799, 0],
  ])('weight: %s → %s', (_name, grams, expected) => expect(points({ weightGrams: grams }, 'WEIGHT')).toBe(expected));

  it('weight tolerance is 10 % or 200 g, whichever is more', () => {
    expect([weightTolerance(500), weightTolerance(2000), weightTolerance(10_000)]).toEqual([200, 200, 1000]);
  });

  it.each<[string, [number, number, number], number]>([
    ['same size turned on its side', [15, 40, 30], 10],
    ['each dimension 2 cm off (the minimum tolerance)', [42, 32, 17], 10],
    ['one dimension 3 cm off', [40, 30, 18], 6.7],
    ['all far off', [80, 60, 40], 0],
  ])('size: %s → %s', (_name, [l, w, h], expected) => expect(points({ lengthCm: l, widthCm: w, heightCm: h }, 'SIZE', { ...query, sizeCm: [40, 30, 15] })).toBe(expected));

  it('size earns nothing and says nothing when the customer gave none', () => {
    expect(points({}, 'SIZE', { description: query.description })).toBeUndefined();
  });

  it('time decays from the last scan over the window', () => {
    expect(points({ foundAt: at(3, 10) }, 'TIME')).toBe(20);
    expect(points({ foundAt: new Date(at(3, 10).getTime() + 15 * 86_400_000) }, 'TIME')).toBe(10);
  });
});

describe('descriptions (托寄物描述): Chinese by character bigrams and whole words', () => {
  it('cuts Han runs into bigrams and keeps Latin words, full-width folded', () => {
    expect([...descriptionTokens('蓝色纸箱 ＮＩＫＥ鞋')].sort()).toEqual(['nike', '纸箱', '色纸', '蓝色', '鞋'].sort());
  });

  it.each<[string, string, string, number]>([
    ['identical', '耐克运动鞋', '耐克运动鞋', 1],
    // 3 of 4 bigrams (not the junction 鞋耐), and the one whole word is not verbatim: 0.6 × 0.75.
    ['words in another order, no spaces', '运动鞋耐克', '耐克的运动鞋一双', 0.45],
    ['nothing shared', '手机壳', '毛绒玩具', 0],
    ['no query', '', '耐克', -1],
  ])('%s', (_name, q, described, expected) => {
    const result = compareDescriptions(q || null, described);
    if (expected < 0) expect(result).toBeNull();
    else expect(result!.share).toBeCloseTo(expected, 5);
  });

  it('names the whole words found', () => {
    expect(compareDescriptions('蓝色 纸箱 iPhone', '蓝色纸箱装 iphone 手机')!.matched).toEqual(['蓝色', '纸箱', 'iphone']);
  });
});

describe('ranking (排序)', () => {
  it('ranks the true parcel first among decoys, and leaves out the excluded', () => {
    const truth = parcel({ id: 'truth' });
    const decoys = [
      parcel({ id: 'heavier', weightGrams: 2600 }),
      parcel({ id: 'wrong place', foundPlace: { kind: 'HUB', id: ELSEWHERE } }),
      parcel({ id: 'too early', foundAt: at(2, 12) }),
      parcel({ id: 'later, similar words', foundAt: at(20, 10), contents: '耐克运动鞋' }),
      parcel({ id: 'same words, other size', lengthCm: 60, widthCm: 50, heightCm: 40 }),
      parcel({ id: 'other goods', packaging: '白色编织袋', contents: '儿童毛绒玩具' }),
      parcel({ id: 'earlier hub', foundPlace: { kind: 'HUB', id: HUB1 }, foundAt: at(2, 8) }),
    ];
    for (const order of [[truth, ...decoys], [...decoys, truth], [...decoys.slice(3), truth, ...decoys.slice(0, 3)]]) {
      const { proposals, excluded } = rankHeadlessCandidates(waybill, query, order);
      expect(proposals[0].candidate.id).toBe('truth');
      expect(excluded).toBe(2);
      expect(proposals.map((p) => p.candidate.id)).not.toContain('wrong place');
      expect(proposals.map((p) => p.score)).toEqual([...proposals.map((p) => p.score)].sort((a, b) => b - a));
    }
  });

  it('explains every point: the reasons add up to the score', () => {
    const [best] = rankHeadlessCandidates(waybill, query, [parcel()]).proposals;
    expect(best.reasons.map((r) => r.component)).toEqual(['PLACE', 'TIME', 'WEIGHT', 'SIZE', 'WORDS']);
    expect(best.reasons.reduce((s, r) => s + r.points, 0)).toBeCloseTo(best.score, 1);
    expect(best.reasons.find((r) => r.component === 'WORDS')!.text).toContain('蓝色纸箱');
  });

  it('orders ties by time to the last scan, then parcel number, whatever the input order', () => {
    const a = parcel({ id: 'a', parcelNo: 'HP20260303000002' });
    const b = parcel({ id: 'b', parcelNo: 'HP20260303000001' });
    const later = parcel({ id: 'later', parcelNo: 'HP20260303000000', foundAt: at(3, 21) });
    const ids = (list: HeadlessCandidate[]) => rankHeadlessCandidates(waybill, { description: null }, list).proposals.map((p) => p.candidate.id);
    // Equal points (time points round to the same tenth) but 'later' was found an hour later.
    expect(ids([a, b, later])).toEqual(['b', 'a', 'later']);
    expect(ids([later, a, b])).toEqual(['b', 'a', 'later']);
  });

  it('keeps at most the policy’s number of proposals', () => {
    const many = Array.from({ length: 25 }, () => parcel());
    expect(rankHeadlessCandidates(waybill, query, many).proposals).toHaveLength(HEADLESS_MATCH_POLICY.maxProposals);
  });
});

describe('policy', () => {
  it('is versioned and valid', () => {
    expect(validateHeadlessMatchPolicy(HEADLESS_MATCH_POLICY).version).toBe('headless-match-2026.1');
  });

  it.each<[string, object]>([
    ['no version', { version: ' ' }],
    ['zero weight tolerance', { weightTolerance: { ratio: 0, minGrams: 200 } }],
    ['exclusion inside the tolerance', { weightExclusionFactor: 0.5 }],
    ['no window', { windowDays: 0 }],
    ['no proposals', { maxProposals: 0 }],
  ])('refuses %s', (_name, over) => {
    expect(thrownCode(() => validateHeadlessMatchPolicy({ ...HEADLESS_MATCH_POLICY, ...over }))).toBe('INVALID_HEADLESS_MATCH_POLICY');
  });
});
