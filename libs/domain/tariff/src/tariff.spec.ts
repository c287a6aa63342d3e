import { validateTariff, type Tariff } from './tariff';
import { DEMO_TARIFFS, TARIFF_2026_1, TARIFF_2026_2 } from './tariff.versions';

describe('validateTariff', () => {
  it.each(DEMO_TARIFFS.map((t) => [t.version, t] as const))('%s is a complete tariff', (_, tariff) => {
    expect(validateTariff(tariff)).toBe(tariff);
  });

  it('the two demo versions differ only in the oversize threshold', () => {
    const { version: _a, effectiveFrom: _b, oversize: o1, ...rest1 } = TARIFF_2026_1;
    const { version: _c, effectiveFrom: _d, oversize: o2, ...rest2 } = TARIFF_2026_2;
    expect(rest2).toEqual(rest1);
    expect([o1.longestSideOverCm, o2.longestSideOverCm]).toEqual([250, 320]);
  });

  const broken = (patch: (t: Tariff) => Tariff) => patch(TARIFF_2026_2);
  it.each([
    ['a version not named like tariff-2026.2', broken((t) => ({ ...t, version: '2026' })), 'version'],
    ['a missing rate', broken((t) => ({ ...t, rates: { ...t.rates, EXPRESS: { ...t.rates.EXPRESS, FAR: undefined as never } } })), 'rates.EXPRESS.FAR'],
    ['a zero step', broken((t) => ({ ...t, rates: { ...t.rates, STANDARD: { ...t.rates.STANDARD, SAME_CITY: { ...t.rates.STANDARD.SAME_CITY, stepGrams: 0 } } } })), 'rates.STANDARD.SAME_CITY'],
    ['a fractional price', broken((t) => ({ ...t, rates: { ...t.rates, STANDARD: { ...t.rates.STANDARD, FAR: { ...t.rates.STANDARD.FAR, stepFen: 1.5 } } } })), 'rates.STANDARD.FAR'],
    ['an unknown remote province', broken((t) => ({ ...t, remoteProvinces: ['99'] })), 'remoteProvinces'],
    ['insurance above 100 %', broken((t) => ({ ...t, insurance: { rateBasisPoints: 10_001, minimumFen: 0 } })), 'insurance'],
    ['a 3-digit remote prefix', broken((t) => ({ ...t, remoteArea: { districtPrefixes: ['310'], fen: 1 } })), 'remoteArea'],
    ['no oversize threshold', broken((t) => ({ ...t, oversize: { longestSideOverCm: 0, fen: 1 } })), 'oversize'],
    ['a zero divisor', broken((t) => ({ ...t, volumetricDivisor: { ...t.volumetricDivisor, ECONOMY: 0 } })), 'volumetricDivisor.ECONOMY'],
  ])('%s is refused', (_, tariff, path) => {
    expect(() => validateTariff(tariff)).toThrow(expect.objectContaining({ code: 'INVALID_TARIFF', details: expect.objectContaining({ path }) }));
  });
});
