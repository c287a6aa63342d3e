import { chinaTime } from '@courierdesk/domain-sla';
import { checkCharges, type ChargedLine } from './charge-check';
import { priceWith, type Shipment } from './quote';
import { DEMO_TARIFFS, TARIFF_2026_2 } from './tariff.versions';

// A 280 cm rolled carpet, 20 kg, Shenzhen → Beijing, STANDARD: FAR zone.
const carpet: Shipment = {
  originDistrictCode: '440305',
  destinationDistrictCode: '110101',
  serviceLevel: 'STANDARD',
  weightGrams: 20_000,
  dimensionsCm: { length: 280, width: 30, height: 30 },
};
const freight = priceWith(TARIFF_2026_2, carpet, chinaTime(2026, 11, 1)).lines[0].amountFen;
const after = chinaTime(2026, 11, 12, 9);
const before = chinaTime(2026, 9, 12, 9);

describe('checkCharges', () => {
  it('a parcel charged the old oversize rule after the change is overcharged, by the rule in force at pickup', () => {
    const charged: ChargedLine[] = [{ code: 'FREIGHT', amountFen: freight }, { code: 'OVERSIZE', amountFen: 3000 }];
    const check = checkCharges(DEMO_TARIFFS, carpet, charged, after);
    expect(check.tariffVersion).toBe('tariff-2026.2');
    expect(check.verdict).toBe('OVERCHARGED');
    expect(check.refundOwedFen).toBe(3000);
    const oversize = check.lines.find((l) => l.code === 'OVERSIZE')!;
    expect(oversize).toMatchObject({ allowedFen: 0, chargedFen: 3000, differenceFen: 3000, verdict: 'NOT_ALLOWED' });
    expect(oversize.rule).toContain('not over 320 cm');
    expect(oversize.rule).toContain('tariff-2026.1 allowed it');
    expect(oversize.ruleZh).toContain('乱收费');
    expect(check.explanationZh).toContain('多收 30.00元');
  });

  it('the same charge before the change was right', () => {
    const charged: ChargedLine[] = [{ code: 'FREIGHT', amountFen: freight }, { code: 'OVERSIZE', amountFen: 3000 }];
    const check = checkCharges(DEMO_TARIFFS, carpet, charged, before);
    expect(check.tariffVersion).toBe('tariff-2026.1');
    expect(check.verdict).toBe('CORRECT');
    expect(check.refundOwedFen).toBe(0);
    expect(check.lines.every((l) => l.verdict === 'MATCHES')).toBe(true);
  });

  it.each([
    ['exact', freight, 'MATCHES', 'CORRECT', 0],
    ['one fen over', freight + 1, 'OVERCHARGED', 'OVERCHARGED', 1],
    ['one fen under', freight - 1, 'UNDERCHARGED', 'UNDERCHARGED', 0],
  ])('freight %s', (_, amountFen, lineVerdict, verdict, refund) => {
    const check = checkCharges(DEMO_TARIFFS, carpet, [{ code: 'FREIGHT', amountFen }], after);
    expect(check.lines).toHaveLength(1);
    expect(check.lines[0].verdict).toBe(lineVerdict);
    expect(check.verdict).toBe(verdict);
    expect(check.refundOwedFen).toBe(refund);
  });

  it('never nets an undercharge against an overcharge', () => {
    const box: Shipment = { ...carpet, weightGrams: 5_000, dimensionsCm: null, upstairsFloors: 4 };
    const boxFreight = priceWith(TARIFF_2026_2, box, after).lines[0].amountFen;
    const check = checkCharges(DEMO_TARIFFS, box, [{ code: 'FREIGHT', amountFen: boxFreight - 500 }, { code: 'UPSTAIRS', amountFen: 1000 }], after);
    expect(check.refundOwedFen).toBe(1000);
    expect(check.allowedTotalFen - check.chargedTotalFen).toBe(-500);
    expect(check.lines.find((l) => l.code === 'UPSTAIRS')).toMatchObject({ verdict: 'NOT_ALLOWED' });
    expect(check.lines.find((l) => l.code === 'UPSTAIRS')!.rule).toContain('part of the service under 30 kg');
  });

  it('stairs on freight nobody asked to carry up are not allowed either', () => {
    const check = checkCharges(DEMO_TARIFFS, carpet, [{ code: 'FREIGHT', amountFen: freight }, { code: 'UPSTAIRS', amountFen: 1000 }], after);
    expect(check.lines.find((l) => l.code === 'UPSTAIRS')).toMatchObject({ verdict: 'NOT_ALLOWED', rule: expect.stringContaining('no delivery upstairs was asked for') });
  });

  it('a line the tariff allows but was not charged is listed as undercharged', () => {
    const check = checkCharges(DEMO_TARIFFS, { ...carpet, insuredValueFen: 100_000 }, [{ code: 'FREIGHT', amountFen: freight }], after);
    expect(check.lines.find((l) => l.code === 'INSURANCE')).toMatchObject({ allowedFen: 500, chargedFen: 0, verdict: 'UNDERCHARGED' });
  });

  it('lines total what they list', () => {
    const check = checkCharges(DEMO_TARIFFS, carpet, [{ code: 'FREIGHT', amountFen: freight + 200 }, { code: 'REMOTE_AREA', amountFen: 1000 }], after);
    expect(check.chargedTotalFen).toBe(freight + 1200);
    expect(check.allowedTotalFen).toBe(freight);
    expect(check.refundOwedFen).toBe(1200);
  });

  it.each([
    [[{ code: 'TIP', amountFen: 1 }], 'UNKNOWN_CHARGE_CODE'],
    [[{ code: 'FREIGHT', amountFen: 1 }, { code: 'FREIGHT', amountFen: 1 }], 'DUPLICATE_CHARGE_LINE'],
    [[{ code: 'FREIGHT', amountFen: -1 }], 'INVALID_AMOUNT'],
    [[{ code: 'FREIGHT', amountFen: 0.5 }], 'INVALID_AMOUNT'],
  ])('%p is refused with %s', (lines, code) => {
    expect(() => checkCharges(DEMO_TARIFFS, carpet, lines as ChargedLine[], after)).toThrow(expect.objectContaining({ code }));
  });
});
