import { AreaCandidate, matchAreas, normalizeAreaText } from './area-match';
import { thrownCode } from '@courierdesk/domain-core/testing';

const areas: AreaCandidate[] = [
  {
    id: 'a-nanshan',
    districtCode: '440305',
    streetCode: '440305002',
    streetName: '南山街道',
    name: '南山街道片区',
    landmarks: [
      { name: '南山第一小学', kind: 'SCHOOL' },
      { name: '南山花园小区', kind: 'RESIDENTIAL' },
    ],
  },
  {
    id: 'a-yuehai',
    districtCode: '440305',
    streetCode: '440305006',
    streetName: '粤海街道',
    name: '粤海街道片区',
    landmarks: [
      { name: '深圳大学', kind: 'SCHOOL' },
      { name: '深南大道9988号', kind: 'MAJOR_CUSTOMER' },
      { name: '科技园社区卫生服务中心', kind: 'UNIT' },
    ],
  },
  {
    id: 'a-xili',
    districtCode: '440305',
    streetCode: '440305008',
    streetName: '西丽街道',
    name: '西丽片区',
    landmarks: [{ name: '深圳中学西丽校区', kind: 'SCHOOL' }],
  },
  {
    id: 'a-futian',
    districtCode: '440304',
    streetCode: '440304001',
    streetName: '南园街道',
    name: '南园片区',
    landmarks: [{ name: '南山花园小区', kind: 'RESIDENTIAL' }],
  },
];

const ranked = (text: string, districtCode?: string) =>
  matchAreas({ text, districtCode }, areas).map((m) => [m.area.id, m.reason, m.quality, m.matched]);

describe('matchAreas', () => {
  it.each([
    ['南山街道', undefined, [['a-nanshan', 'STREET', 'EXACT', '南山街道']]],
    ['南山', '440305', [['a-nanshan', 'STREET', 'CORE', '南山街道']]],
    [' 南山 街道 ', '440305', [['a-nanshan', 'STREET', 'EXACT', '南山街道']]],
    ['南山镇', '440305', [['a-nanshan', 'STREET', 'CORE', '南山街道']]],
    ['粤海', '440305', [['a-yuehai', 'STREET', 'CORE', '粤海街道']]],
    ['深圳大学', '440305', [['a-yuehai', 'LANDMARK', 'EXACT', '深圳大学']]],
    ['科技园南区深南大道9988号', '440305', [['a-yuehai', 'LANDMARK', 'CONTAINS', '深南大道9988号']]],
    ['深南大道９９８８号', '440305', [['a-yuehai', 'LANDMARK', 'EXACT', '深南大道9988号']]],
    ['440305008', undefined, [['a-xili', 'STREET', 'EXACT', '440305008']]],
    ['西丽片区', '440300', [['a-xili', 'AREA_NAME', 'EXACT', '西丽片区']]],
    ['深圳中学', '440305', [['a-xili', 'LANDMARK', 'CONTAINS', '深圳中学西丽校区']]],
    [
      '深圳',
      '440305',
      [
        ['a-yuehai', 'LANDMARK', 'CORE', '深圳大学'],
        ['a-xili', 'LANDMARK', 'CONTAINS', '深圳中学西丽校区'],
      ],
    ],
    [
      '南山花园小区',
      '440000',
      [
        ['a-futian', 'LANDMARK', 'EXACT', '南山花园小区'],
        ['a-nanshan', 'LANDMARK', 'EXACT', '南山花园小区'],
      ],
    ],
    [
      '广东省深圳市南山区粤海街道深南大道9988号',
      undefined,
      [['a-yuehai', 'LANDMARK', 'CONTAINS', '深南大道9988号']],
    ],
  ])('%s in %s → %j', (text, district, expected) => expect(ranked(text, district)).toEqual(expected));

  it.each([
    ['北京大学', '440305'],
    ['南', '440305'],
    ['南山街道', '110101'],
    ['深圳大学', '440304'],
  ])('%s in %s → no match', (text, district) => expect(ranked(text, district)).toEqual([]));

  it('does not match 深圳大学 with 深圳中学: same core, different kind of school', () =>
    expect(ranked('深圳大学', '440305').map((r) => r[0])).toEqual(['a-yuehai']));

  it('ranks a core match above a mere substring and prefers the street on equal evidence', () => {
    const result = matchAreas({ text: '南山' }, areas);
    expect(result.map((m) => [m.area.id, m.reason, m.quality])).toEqual([
      ['a-nanshan', 'STREET', 'CORE'],
      ['a-futian', 'LANDMARK', 'CONTAINS'],
    ]);
    expect(result[0].score).toBeGreaterThan(result[1].score);
  });

  it('prefers the longest match inside an address', () => {
    const [best, next] = matchAreas({ text: '南山街道深南大道9988号' }, areas);
    expect([best.area.id, best.matched]).toEqual(['a-yuehai', '深南大道9988号']);
    expect([next.area.id, next.matched]).toEqual(['a-nanshan', '南山街道']);
  });

  it('is deterministic: ties fall back to area id whatever the input order', () => {
    const forward = matchAreas({ text: '南山花园小区' }, areas).map((m) => m.area.id);
    const backward = matchAreas({ text: '南山花园小区' }, [...areas].reverse()).map((m) => m.area.id);
    expect(backward).toEqual(forward);
  });

  it('honours a limit', () => expect(matchAreas({ text: '南山花园小区' }, areas, { limit: 1 })).toHaveLength(1));

  it.each([[''], ['  '], ['，。']])('rejects empty text %j', (text) =>
    expect(thrownCode(() => matchAreas({ text }, areas))).toBe('EMPTY_SEARCH_TEXT'));

  it('rejects a bad division code', () =>
    expect(thrownCode(() => matchAreas({ text: '南山', districtCode: '44' }, areas))).toBe('INVALID_DISTRICT_CODE'));
});

describe('normalizeAreaText', () => {
  it.each([
    ['南山 街道', '南山街道'],
    ['ＡＢＣ大厦', 'abc大厦'],
    ['中国（上海）自由贸易试验区', '中国上海自由贸易试验区'],
    ['深南大道９９８８号', '深南大道9988号'],
    ['科技园·南区\u3000', '科技园南区'],
  ])('%s → %s', (text, expected) => expect(normalizeAreaText(text)).toBe(expected));
});
