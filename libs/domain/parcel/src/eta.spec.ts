import { chinaTime } from '@courierdesk/domain-sla';
import { DEFAULT_TRANSIT_HOURS, EtaInput, cityOf, distanceClass, estimateDelivery, laneKey, laneOf, percentile } from './eta';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('lanes (线路)', () => {
  it.each([
    ['440305', '110105', '440300-110100'],
    ['440305', '440306', '440300-440300'],
    ['441900', '442000', '441900-442000'],
    ['440300', '310115', '440300-310100'],
    [' ４４０３０５ ', '110105', '440300-110100'],
  ])('laneKey(%s, %s) → %s', (from, to, key) => expect(laneKey(from, to)).toBe(key));

  it.each(['440000', '4403', '990101', ''])('rejects %j', (code) => expect(thrownCode(() => cityOf(code))).toBe('INVALID_LANE'));

  it.each([
    ['440305', '440306', 'SAME_CITY'],
    ['440305', '440106', 'SAME_PROVINCE'],
    ['440305', '110105', 'CROSS_PROVINCE'],
  ])('%s → %s is %s', (from, to, distance) => expect(distanceClass(laneOf(from, to))).toBe(distance));

  it.each([
    [{ originCity: '440305', destinationCity: '440300' }],
    [{ originCity: '440000', destinationCity: '440300' }],
    [{ originCity: '4403', destinationCity: '440300' }],
  ])('distanceClass rejects %o', (lane) => expect(thrownCode(() => distanceClass(lane))).toBe('INVALID_LANE'));
});

describe('percentile (linear interpolation between closest ranks)', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2.5],
    [[4, 1, 3, 2], 50, 2.5],
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 100, 5],
    [[1, 2, 3, 4, 5], 25, 2],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 10, 19],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 91],
    [[24, 24, 24], 90, 24],
  ])('%j at p%d → %d', (values, p, expected) => expect(percentile(values, p)).toBeCloseTo(expected, 10));

  it('is monotonic in p', () => {
    const values = [30, 12, 55, 41, 18, 72, 26, 33];
    for (let p = 1; p <= 100; p++) expect(percentile(values, p)).toBeGreaterThanOrEqual(percentile(values, p - 1));
  });

  it.each([
    [[], 50, 'EMPTY_SAMPLE'],
    [[1], -1, 'INVALID_ETA_INPUT'],
    [[1], 101, 'INVALID_ETA_INPUT'],
    [[1], NaN, 'INVALID_ETA_INPUT'],
    [[1, NaN], 50, 'INVALID_ETA_INPUT'],
  ])('%j at p%d → %s', (values, p, code) => expect(thrownCode(() => percentile(values, p))).toBe(code));
});

describe('estimateDelivery (预计送达时间)', () => {
  const shippedAt = chinaTime(2024, 3, 1, 10);
  const crossProvince = { originCity: '440300', destinationCity: '110100' };
  const hours = (at: Date) => (at.getTime() - shippedAt.getTime()) / 3_600_000;
  const history = (n: number) => [...Array(n)].map((_, i) => 40 + i); // 40, 41, … hours
  const estimate = (more: Partial<EtaInput>) =>
    estimateDelivery({ shippedAt, lane: crossProvince, serviceLevel: 'STANDARD', history: [], ...more });

  it.each([
    ['30 samples: the lane median and p10–p90', history(30), 'LANE_HISTORY', 'MEDIUM', 54.5, 42.9, 66.1],
    ['120 samples: high confidence', history(120), 'LANE_HISTORY', 'HIGH', 99.5, 51.9, 147.1],
    ['29 samples: not enough, the default', history(29), 'SERVICE_LEVEL_DEFAULT', 'LOW', 72, 36, 144],
    ['no history', [], 'SERVICE_LEVEL_DEFAULT', 'LOW', 72, 36, 144],
    ['bad values are left out', [...history(29), -5, 0, NaN, Infinity], 'SERVICE_LEVEL_DEFAULT', 'LOW', 72, 36, 144],
  ])('%s', (_label, values, source, confidence, expected, earliest, latest) => {
    const result = estimate({ history: values });
    expect(result).toMatchObject({ source, confidence, samples: Math.min(values.length, values.filter((v) => Number.isFinite(v) && v > 0).length) });
    expect([hours(result.expectedAt), hours(result.earliest), hours(result.latest)].map((h) => Math.round(h * 10) / 10)).toEqual([expected, earliest, latest]);
    expect(result.earliest.getTime()).toBeLessThanOrEqual(result.expectedAt.getTime());
    expect(result.latest.getTime()).toBeGreaterThanOrEqual(result.expectedAt.getTime());
  });

  it.each([
    ['STANDARD', '440300', 'SAME_CITY', 24],
    ['STANDARD', '440600', 'SAME_PROVINCE', 48],
    ['STANDARD', '110100', 'CROSS_PROVINCE', 72],
    ['EXPRESS', '440300', 'SAME_CITY', 12],
    ['EXPRESS', '110100', 'CROSS_PROVINCE', 48],
    ['ECONOMY', '440600', 'SAME_PROVINCE', 72],
    ['ECONOMY', '110100', 'CROSS_PROVINCE', 120],
  ] as const)('default for %s to %s (%s) is %d h', (serviceLevel, destinationCity, distance, expected) => {
    const result = estimate({ serviceLevel, lane: { originCity: '440300', destinationCity } });
    expect(result).toMatchObject({ distanceClass: distance, source: 'SERVICE_LEVEL_DEFAULT' });
    expect(hours(result.expectedAt)).toBe(expected);
    expect(DEFAULT_TRANSIT_HOURS[serviceLevel][distance]).toBe(expected);
  });

  it('says where the estimate comes from', () => {
    expect(estimate({ history: history(3) }).basis).toBe(
      'only 3 past STANDARD parcels on lane 440300-110100 (need 30): STANDARD default for CROSS_PROVINCE (72 h), band ×0.5–×2',
    );
    expect(estimate({ history: [30, 50, 40], minSamples: 3 }).basis).toBe(
      'median of 3 past STANDARD parcels on lane 440300-110100 (40 h); band is their 10th–90th percentile',
    );
    // An agent reads it aloud: hours to one decimal, never a float's tail.
    expect(estimate({ history: [23.7105555, 23.7105555, 23.7105555], minSamples: 3 }).basis).toContain('(23.7 h)');
  });

  it.each([
    ['an invalid shippedAt', { shippedAt: new Date('x') }, 'INVALID_DATE'],
    ['minSamples 0', { minSamples: 0 }, 'INVALID_ETA_INPUT'],
    ['an unknown service level', { serviceLevel: 'ROCKET' as never }, 'INVALID_ETA_INPUT'],
    ['a province as city', { lane: { originCity: '440000', destinationCity: '110100' } }, 'INVALID_LANE'],
  ])('rejects %s', (_label, more, code) => expect(thrownCode(() => estimate(more))).toBe(code));
});
