import { chinaTime } from '@courierdesk/domain-sla';
import { decideOverchargeRefund, type ChargeCheckFacts, type ChargeCheckLineFacts } from './overcharge';

const PICKUP = chinaTime(2026, 10, 28, 9);
const OUTLET = 'b3c1f1de-0000-4000-8000-000000000001';

const line = (code: string, allowedFen: number, chargedFen: number, verdict: string): ChargeCheckLineFacts => ({
  code,
  allowedFen,
  chargedFen,
  differenceFen: chargedFen - allowedFen,
  verdict,
  rule: `${code.toLowerCase()} rule`,
  ruleZh: `${code}规则`,
});

const check = (lines: ChargeCheckLineFacts[], verdict: string, refundOwedFen?: number): ChargeCheckFacts => ({
  tariffVersion: 'tariff-2026.2',
  pricedAt: PICKUP,
  lines,
  allowedTotalFen: lines.reduce((s, l) => s + l.allowedFen, 0),
  chargedTotalFen: lines.reduce((s, l) => s + l.chargedFen, 0),
  refundOwedFen: refundOwedFen ?? lines.reduce((s, l) => s + Math.max(0, l.chargedFen - l.allowedFen), 0),
  verdict,
  explanationZh: '核对',
});

describe('decideOverchargeRefund: charges above the tariff go back to the shipper (多收费退还)', () => {
  it.each<[string, ChargeCheckLineFacts[], string, string, string, number, string[]]>([
    ['freight overcharged', [line('FREIGHT', 1_000, 1_500, 'OVERCHARGED'), line('INSURANCE', 300, 300, 'MATCHES')], 'OVERCHARGED', 'REFUND', 'OVERCHARGED', 500, ['OVERCHARGE_FREIGHT']],
    ['upstairs fee not allowed', [line('FREIGHT', 1_000, 1_000, 'MATCHES'), line('UPSTAIRS', 0, 700, 'NOT_ALLOWED')], 'OVERCHARGED', 'REFUND', 'OVERCHARGED', 700, ['OVERCHARGE_UPSTAIRS']],
    ['two lines over', [line('FREIGHT', 1_000, 1_200, 'OVERCHARGED'), line('REMOTE_AREA', 0, 500, 'NOT_ALLOWED')], 'OVERCHARGED', 'REFUND', 'OVERCHARGED', 700, ['OVERCHARGE_FREIGHT', 'OVERCHARGE_REMOTE_AREA']],
    // Undercharges are never netted against an overcharge: the shipper gets back what was over.
    ['one over, one under', [line('FREIGHT', 1_000, 1_300, 'OVERCHARGED'), line('INSURANCE', 500, 0, 'UNDERCHARGED')], 'UNDERCHARGED', 'REFUND', 'OVERCHARGED', 300, ['OVERCHARGE_FREIGHT']],
    ['every charge right', [line('FREIGHT', 1_000, 1_000, 'MATCHES'), line('INSURANCE', 300, 300, 'MATCHES')], 'CORRECT', 'NOT_OVERCHARGED', 'CHARGES_CORRECT', 0, []],
    ['undercharged', [line('FREIGHT', 1_000, 800, 'UNDERCHARGED')], 'UNDERCHARGED', 'NOT_OVERCHARGED', 'UNDERCHARGED', 0, []],
  ])('%s → %s', (_, lines, verdict, code, reason, total, lineCodes) => {
    const d = decideOverchargeRefund({ check: check(lines, verdict), originOutletId: OUTLET });
    expect(d).toMatchObject({ code, reason, totalFen: total, tariffVersion: 'tariff-2026.2', ruleVersion: 'liability-2024.1', ruleCode: 'overcharge-refund' });
    expect(d.lines.map((l) => l.code)).toEqual(lineCodes);
    // The lines add up to the refund, and the refund is the check's own figure.
    expect(d.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(d.totalFen);
    expect(d.codes.slice(0, 2)).toEqual([code, reason]);
    expect(d.explanationZh).toContain('tariff-2026.2');
    expect(d.explanationEn).toContain('tariff-2026.2');
    if (code === 'REFUND') {
      expect(d).toMatchObject({ payee: 'SHIPPER', internalBearer: { kind: 'OUTLET', id: OUTLET } });
      expect(d.codes).toContain('BORNE_BY_ORIGIN_OUTLET');
    } else {
      expect(d).toMatchObject({ payee: null, internalBearer: null });
      expect(d.explanationZh).toContain('不予退款');
    }
  });

  it('names every overcharged line and the tariff, in Chinese and English', () => {
    const d = decideOverchargeRefund({ check: check([line('FREIGHT', 1_000, 1_200, 'OVERCHARGED'), line('UPSTAIRS', 0, 500, 'NOT_ALLOWED')], 'OVERCHARGED'), originOutletId: OUTLET });
    expect(d.explanationZh).toBe(
      '按运价版本tariff-2026.2（2026-10-28 09:00揽收时有效）核对，本票多收费用共7.00元，退还寄件人：运费多收2.00元（应收10.00元，实收12.00元；FREIGHT规则）；上楼费不应收取，多收5.00元（实收5.00元；UPSTAIRS规则）。',
    );
    expect(d.explanationEn).toBe(
      'Checked against tariff tariff-2026.2 (in force at pickup, 2026-10-28 09:00 China time): the waybill was overcharged ¥7.00 in all, refunded to the shipper: FREIGHT ¥2.00 overcharged (allowed ¥10.00, charged ¥12.00; freight rule); UPSTAIRS not allowed, ¥5.00 overcharged (charged ¥5.00; upstairs rule).',
    );
    expect(d.bearerExplanationZh).toContain(OUTLET);
  });

  it('uses the liability policy in force at pickup', () => {
    const old = decideOverchargeRefund({ check: { ...check([line('FREIGHT', 1_000, 1_100, 'OVERCHARGED')], 'OVERCHARGED'), pricedAt: chinaTime(2023, 5, 1) }, originOutletId: OUTLET });
    expect(old.ruleVersion).toBe('liability-2018.1');
  });

  it('flags a refund without a known origin outlet for HQ', () => {
    const d = decideOverchargeRefund({ check: check([line('FREIGHT', 1_000, 1_100, 'OVERCHARGED')], 'OVERCHARGED'), originOutletId: null });
    expect(d.internalBearer).toBeNull();
    expect(d.codes).toContain('INTERNAL_BEARER_UNKNOWN');
  });

  it.each<[string, ChargeCheckFacts | null, string, string]>([
    ['no charge check', null, 'WAYBILL_NOT_PRICED', 'CONFLICT'],
    ['refund above the lines', check([line('FREIGHT', 1_000, 1_100, 'OVERCHARGED')], 'OVERCHARGED', 200), 'CHARGE_CHECK_INCONSISTENT', 'CONFLICT'],
    ['overcharged but nothing owed', check([line('FREIGHT', 1_000, 1_000, 'MATCHES')], 'OVERCHARGED', 0), 'CHARGE_CHECK_INCONSISTENT', 'CONFLICT'],
    ['a fraction of a fen', check([line('FREIGHT', 1_000, 1_100.5, 'OVERCHARGED')], 'OVERCHARGED', 100), 'AMOUNT_NOT_INTEGER', 'BAD_USER_INPUT'],
  ])('%s → %s', (_, c, code, kind) => {
    expect(() => decideOverchargeRefund({ check: c, originOutletId: OUTLET })).toThrow(expect.objectContaining({ code, kind }));
  });
});
