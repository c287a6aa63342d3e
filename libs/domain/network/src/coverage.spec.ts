import { coverageAnswer, coverageSentence, isServed, type CoverageAnswer, type CoverageFacts, type CoverageSentenceInput } from './coverage';

const facts = (over: Partial<CoverageFacts>): CoverageFacts => ({
  searched: false,
  areaCount: 0,
  coveredAreaCount: 0,
  hasDeliveringOutlet: false,
  stationCount: 0,
  best: null,
  ...over,
});
const covered = { covered: true };
const uncovered = { covered: false };

describe('coverageAnswer (派送范围)', () => {
  it.each<[string, Partial<CoverageFacts>, CoverageAnswer]>([
    ['matched area with a courier', { searched: true, areaCount: 3, coveredAreaCount: 2, best: covered }, 'SERVED'],
    ['matched area with a courier, stations too', { searched: true, areaCount: 3, coveredAreaCount: 2, stationCount: 4, best: covered }, 'SERVED'],
    ['matched area without a courier, a station in the district', { searched: true, areaCount: 2, coveredAreaCount: 1, stationCount: 1, best: uncovered }, 'SERVED_BY_PICKUP_ONLY'],
    ['matched area without a courier, no station', { searched: true, areaCount: 2, coveredAreaCount: 1, best: uncovered }, 'NO_COURIER'],
    ['text matching nothing in a served district', { searched: true, areaCount: 2, coveredAreaCount: 2 }, 'UNKNOWN_STREET'],
    ['text matching nothing, only an outlet in the district', { searched: true, hasDeliveringOutlet: true }, 'UNKNOWN_STREET'],
    ['no text, some area covered', { areaCount: 2, coveredAreaCount: 1 }, 'SERVED'],
    ['no text, areas but no courier anywhere, a station', { areaCount: 2, stationCount: 3 }, 'SERVED_BY_PICKUP_ONLY'],
    ['no text, areas but no courier anywhere, no station', { areaCount: 2 }, 'NO_COURIER'],
    ['no text, an outlet without areas', { hasDeliveringOutlet: true }, 'NO_COURIER'],
    ['only a station in the district', { stationCount: 1 }, 'SERVED_BY_PICKUP_ONLY'],
    ['only a station, text given (the text does not matter)', { searched: true, stationCount: 1 }, 'SERVED_BY_PICKUP_ONLY'],
    ['nothing at all', {}, 'NOT_SERVED'],
    ['nothing at all, text given', { searched: true }, 'NOT_SERVED'],
  ])('%s → %s', (_name, over, answer) => {
    expect(coverageAnswer(facts(over))).toBe(answer);
  });

  it.each<[Partial<CoverageFacts>, boolean]>([
    [{ areaCount: 1 }, true],
    [{ hasDeliveringOutlet: true }, true],
    [{ stationCount: 5 }, false],
    [{}, false],
  ])('served(%o) = %s', (over, served) => expect(isServed(facts(over))).toBe(served));

  it('answers SERVED or NO_COURIER only where the district is served', () => {
    const grid = [0, 1].flatMap((areaCount) =>
      [false, true].flatMap((hasDeliveringOutlet) =>
        [0, 2].flatMap((stationCount) =>
          [null, covered, uncovered].flatMap((best) => [false, true].map((searched) => facts({ areaCount, coveredAreaCount: areaCount, hasDeliveringOutlet, stationCount, best, searched }))),
        ),
      ),
    );
    for (const f of grid) {
      const answer = coverageAnswer(f);
      if (['SERVED', 'NO_COURIER', 'UNKNOWN_STREET'].includes(answer)) expect(isServed(f)).toBe(true);
      if (answer === 'SERVED_BY_PICKUP_ONLY') expect(f.stationCount).toBeGreaterThan(0);
      if (answer === 'NOT_SERVED') expect(isServed(f) || f.stationCount > 0).toBe(false);
    }
  });
});

const sentence = (over: Partial<CoverageSentenceInput>): CoverageSentenceInput => ({
  answer: 'SERVED',
  districtCode: '440305',
  districtName: '南山区',
  text: null,
  match: null,
  outletName: null,
  courierName: null,
  hasCourier: false,
  areaCount: 0,
  coveredAreaCount: 0,
  stationCount: 0,
  moreStations: false,
  ...over,
});
const yuehai = { streetName: '粤海街道', matched: '粤海街道', reason: 'STREET' as const };

describe('coverageSentence (答复话术)', () => {
  it.each<[string, Partial<CoverageSentenceInput>, string, string]>([
    [
      'served, matched street, courier, two stations',
      { match: yuehai, outletName: '南山区科技园网点', courierName: '张三', hasCourier: true, stationCount: 2 },
      '440305 南山区 粤海街道: 由 南山区科技园网点 派送，快递员 张三；区内自提点 2 个',
      '440305 南山区 粤海街道: delivered by 南山区科技园网点, courier 张三; 2 self pick-up stations in the district',
    ],
    [
      'served by landmark, courier name masked',
      { match: { streetName: '粤海街道', matched: '海岸城', reason: 'LANDMARK' }, outletName: '科技园网点', courierName: '张*', hasCourier: true },
      '440305 南山区 粤海街道 海岸城: 由 科技园网点 派送，快递员 张*',
      '440305 南山区 粤海街道 海岸城: delivered by 科技园网点, courier 张*',
    ],
    [
      'served, courier name withheld',
      { match: yuehai, outletName: '科技园网点', courierName: null, hasCourier: true },
      '440305 南山区 粤海街道: 由 科技园网点 派送，有快递员',
      '440305 南山区 粤海街道: delivered by 科技园网点, a courier assigned',
    ],
    [
      'served, no text',
      { areaCount: 12, coveredAreaCount: 10, stationCount: 1 },
      '440305 南山区: 有派送：12 个承包区，其中 10 个有快递员；区内自提点 1 个',
      '440305 南山区: served: 12 delivery areas, 10 with a courier; 1 self pick-up station in the district',
    ],
    [
      'matched area without courier, stations',
      { answer: 'SERVED_BY_PICKUP_ONLY', match: yuehai, outletName: '科技园网点', stationCount: 20, moreStations: true },
      '440305 南山区 粤海街道: 由 科技园网点 派送，但片区暂无快递员，请到自提点取件；区内自提点 20 个以上',
      '440305 南山区 粤海街道: delivered by 科技园网点, but the area has no courier: collect the parcel at a self pick-up station; 20+ self pick-up stations in the district',
    ],
    [
      'only a station',
      { answer: 'SERVED_BY_PICKUP_ONLY', districtCode: '500229', districtName: '城口县', stationCount: 1 },
      '500229 城口县: 不派送上门，请到自提点取件；区内自提点 1 个',
      '500229 城口县: no door delivery: collect the parcel at a self pick-up station; 1 self pick-up station in the district',
    ],
    [
      'no courier, no station',
      { answer: 'NO_COURIER', match: yuehai, outletName: '科技园网点' },
      '440305 南山区 粤海街道: 由 科技园网点 派送，但暂无快递员，包裹在网点等候派送',
      '440305 南山区 粤海街道: delivered by 科技园网点, but no courier is assigned: the parcel waits at the outlet',
    ],
    [
      'no courier, no match',
      { answer: 'NO_COURIER' },
      '440305 南山区: 有派送网点，但暂无快递员，包裹在网点等候派送',
      '440305 南山区: an outlet delivers here, but no courier is assigned: the parcel waits at the outlet',
    ],
    ['not served', { answer: 'NOT_SERVED', districtCode: '540102', districtName: '城关区' }, '540102 城关区: 不在派送范围（超区）', '540102 城关区: outside the delivery range'],
    [
      'unknown street',
      { answer: 'UNKNOWN_STREET', text: '不存在路', stationCount: 2 },
      '440305 南山区: 未找到“不存在路”所在的承包区，请核实街道或附近地标；区内自提点 2 个',
      '440305 南山区: no delivery area found for "不存在路": check the street or a landmark nearby; 2 self pick-up stations in the district',
    ],
  ])('%s', (_name, over, zh, en) => {
    expect(coverageSentence(sentence(over), 'zh')).toBe(zh);
    expect(coverageSentence(sentence(over), 'en')).toBe(en);
  });

  it('starts every answer with the district code and name', () => {
    for (const answer of ['SERVED', 'SERVED_BY_PICKUP_ONLY', 'NO_COURIER', 'NOT_SERVED', 'UNKNOWN_STREET'] as const) {
      for (const language of ['zh', 'en'] as const) expect(coverageSentence(sentence({ answer }), language)).toMatch(/^440305 南山区: \S/);
    }
  });
});
