import { chinaTime } from '@courierdesk/domain-sla';
import { insuranceFen, priceWith, quote, volumetricGrams, weightPrice, type Shipment } from './quote';
import { DEMO_TARIFFS, TARIFF_2026_1, TARIFF_2026_2 } from './tariff.versions';

const base: Shipment = { originDistrictCode: '440305', destinationDistrictCode: '110101', serviceLevel: 'STANDARD', weightGrams: 1000 };
const at = chinaTime(2026, 11, 20, 10);
const line = (s: Partial<Shipment>, code: string, tariff = TARIFF_2026_2) =>
  priceWith(tariff, { ...base, ...s }, at).lines.find((l) => l.code === code)?.amountFen ?? null;

describe('weight steps (首重 + 续重)', () => {
  // STANDARD FAR: first 1 kg 1500 fen, each started kg 800 fen. EXPRESS FAR: first 1 kg 2600, each started 0.5 kg 650.
  it.each([
    ['STANDARD', 1, 1500],
    ['STANDARD', 999, 1500],
    ['STANDARD', 1000, 1500],
    ['STANDARD', 1001, 2300],
    ['STANDARD', 2000, 2300],
    ['STANDARD', 2001, 3100],
    ['EXPRESS', 1000, 2600],
    ['EXPRESS', 1001, 3250],
    ['EXPRESS', 1500, 3250],
    ['EXPRESS', 1501, 3900],
  ] as const)('%s %i g costs %i fen', (serviceLevel, weightGrams, fen) => {
    expect(line({ serviceLevel, weightGrams }, 'FREIGHT')).toBe(fen);
  });

  it('counts steps and never charges below the first weight', () => {
    expect(weightPrice({ firstWeightGrams: 1000, firstFen: 500, stepGrams: 500, stepFen: 100 }, 2750)).toEqual({ fen: 900, steps: 4 });
  });
});

describe('volumetric against actual weight (体积重)', () => {
  // 40×30×20 = 24000 cm³: 3000 g at ÷8000 (STANDARD), 4000 g at ÷6000 (EXPRESS).
  const box = { length: 40, width: 30, height: 20 };
  it.each([
    ['STANDARD', 2999, 3000, 3000],
    ['STANDARD', 3000, 3000, 3000],
    ['STANDARD', 3001, 3000, 3001],
    ['EXPRESS', 2999, 4000, 4000],
  ] as const)('%s actual %i g: volumetric %i g, chargeable %i g', (serviceLevel, weightGrams, volumetric, chargeable) => {
    const price = priceWith(TARIFF_2026_2, { ...base, serviceLevel, weightGrams, dimensionsCm: box }, at);
    expect(price.volumetricWeightGrams).toBe(volumetric);
    expect(price.chargeableWeightGrams).toBe(chargeable);
  });

  it('rounds volumetric grams up', () => {
    expect(volumetricGrams({ length: 1, width: 1, height: 1 }, 8000)).toBe(1);
    expect(volumetricGrams({ length: 20, width: 20, height: 20 }, 8000)).toBe(1000);
  });

  it('without dimensions there is no volumetric weight', () => {
    expect(priceWith(TARIFF_2026_2, base, at).volumetricWeightGrams).toBeNull();
  });
});

describe('insurance fee (保价费): 0.5 % with a ¥1 minimum', () => {
  it.each([
    [0, 0],
    [1, 100],
    [19_899, 100],
    [19_900, 100],
    [20_000, 100],
    [20_100, 101],
    [20_099, 100],
    [100_000, 500],
    [1_000_000, 5000],
  ])('insured %i fen → %i fen', (insured, fee) => {
    expect(insuranceFen(insured, TARIFF_2026_2.insurance)).toBe(fee);
  });

  it('is a line only when insured', () => {
    expect(line({ insuredValueFen: 0 }, 'INSURANCE')).toBeNull();
    expect(line({ insuredValueFen: 50_000 }, 'INSURANCE')).toBe(250);
  });
});

describe('oversize (超长附加费) before and after 2026-10-01', () => {
  const side = (cm: number) => ({ dimensionsCm: { length: cm, width: 30, height: 20 }, weightGrams: 60_000 });
  it.each([
    [TARIFF_2026_1, 250, null],
    [TARIFF_2026_1, 251, 3000],
    [TARIFF_2026_1, 300, 3000],
    [TARIFF_2026_1, 320, 3000],
    [TARIFF_2026_2, 250, null],
    [TARIFF_2026_2, 251, null],
    [TARIFF_2026_2, 300, null],
    [TARIFF_2026_2, 320, null],
    [TARIFF_2026_2, 321, 3000],
  ])('%s, longest side %i cm → %p', (tariff, cm, fen) => {
    expect(line(side(cm), 'OVERSIZE', tariff)).toBe(fen);
  });

  it('any side may be the longest', () => {
    expect(line({ dimensionsCm: { length: 10, width: 10, height: 330 } }, 'OVERSIZE')).toBe(3000);
  });

  it.each([
    [chinaTime(2026, 9, 30, 23, 59), 'tariff-2026.1', 3000],
    [chinaTime(2026, 10, 1), 'tariff-2026.2', null],
  ])('a 280 cm parcel quoted at %s: %s', (when, version, fen) => {
    const price = quote(DEMO_TARIFFS, { ...base, ...side(280) }, when);
    expect(price.tariffVersion).toBe(version);
    expect(price.lines.find((l) => l.code === 'OVERSIZE')?.amountFen ?? null).toBe(fen);
  });

  it('before the first version there is no tariff', () => {
    expect(() => quote(DEMO_TARIFFS, base, chinaTime(2025, 12, 31))).toThrow(expect.objectContaining({ code: 'NO_POLICY_IN_FORCE' }));
  });
});

describe('remote areas and delivery upstairs', () => {
  it.each([
    ['310151', 1000],
    ['440523', 1000],
    ['310101', null],
    ['650102', null],
  ])('destination %s: remote-area surcharge %p', (destinationDistrictCode, fen) => {
    expect(line({ destinationDistrictCode }, 'REMOTE_AREA')).toBe(fen);
  });

  it.each([
    [29_999, 3, null],
    [30_000, 3, 1500],
    [30_000, 0, null],
    [45_000, 6, 3000],
  ])('%i g carried up %i floors → %p', (weightGrams, upstairsFloors, fen) => {
    expect(line({ weightGrams, upstairsFloors }, 'UPSTAIRS')).toBe(fen);
  });

  it('volumetric weight makes freight too', () => {
    expect(line({ weightGrams: 10_000, dimensionsCm: { length: 100, width: 60, height: 40 }, upstairsFloors: 2 }, 'UPSTAIRS')).toBe(1000);
  });
});

describe('a price', () => {
  it('totals its lines and names its version and zone', () => {
    const price = priceWith(
      TARIFF_2026_1,
      { ...base, destinationDistrictCode: '310151', weightGrams: 31_000, dimensionsCm: { length: 260, width: 40, height: 40 }, insuredValueFen: 300_000, upstairsFloors: 2 },
      at,
    );
    expect(price.tariffVersion).toBe('tariff-2026.1');
    expect(price.zone).toBe('FAR');
    expect(price.lines.map((l) => l.code)).toEqual(['FREIGHT', 'INSURANCE', 'REMOTE_AREA', 'OVERSIZE', 'UPSTAIRS']);
    expect(price.totalFen).toBe(price.lines.reduce((s, l) => s + l.amountFen, 0));
    // 260×40×40 ÷ 8000 = 52 kg volumetric over 31 kg actual: 1500 + 51 × 800.
    expect(price.lines[0].amountFen).toBe(1500 + 51 * 800);
    expect(price.lines[0].ruleZh).toContain('体积重');
  });

  it.each([
    [{ weightGrams: 0 }, 'INVALID_WEIGHT'],
    [{ weightGrams: 1.5 }, 'INVALID_WEIGHT'],
    [{ weightGrams: 1_000_001 }, 'INVALID_WEIGHT'],
    [{ dimensionsCm: { length: 0, width: 1, height: 1 } }, 'INVALID_DIMENSIONS'],
    [{ dimensionsCm: { length: 1001, width: 1, height: 1 } }, 'INVALID_DIMENSIONS'],
    [{ insuredValueFen: -1 }, 'INVALID_AMOUNT'],
    [{ upstairsFloors: 61 }, 'INVALID_FLOORS'],
    [{ originDistrictCode: '440000' }, 'DISTRICT_CODE_REQUIRED'],
  ])('%p is refused with %s', (bad, code) => {
    expect(() => priceWith(TARIFF_2026_2, { ...base, ...bad } as Shipment, at)).toThrow(expect.objectContaining({ code }));
  });
});
