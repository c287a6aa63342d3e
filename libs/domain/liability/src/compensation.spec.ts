import fc from 'fast-check';
import { DAY_MS, chinaTime } from '@courierdesk/domain-sla';
import type { DistanceClass } from '@courierdesk/domain-parcel';
import { decideCompensation, type CompensationInput } from './compensation';
import { totalOf } from './decision';
import { LIABILITY_POLICY_2018, LIABILITY_POLICY_2024, type LiabilityPolicy } from './liability-policy';

const EVENT = chinaTime(2024, 6, 1, 12);
const PROMISED = chinaTime(2024, 6, 3, 18);
const MINUTE = 60_000;
const after = (at: Date, ms: number): Date => new Date(at.getTime() + ms);

/** ¥1,000 goods, ¥10 freight, ¥3 premium, ¥2 add-ons; the ¥30 cap (3×) was told to the shipper. */
const base = (more: Partial<CompensationInput> = {}): CompensationInput => ({
  kind: 'LOSS',
  eventAt: EVENT,
  actualValueFen: 100_000,
  fees: { serviceFeeFen: 1_000, insuranceFeeFen: 300, addOnFeesFen: 200 },
  now: chinaTime(2024, 6, 20),
  distance: 'CROSS_PROVINCE',
  shipperNotifiedOfCap: true,
  ...more,
});

describe('decideCompensation: loss, damage, partial loss (丢失、破损、内件短少)', () => {
  it.each<[string, Partial<CompensationInput>, string, number, string[]]>([
    // Insured (保价): the insured amount, never above the actual value.
    ['insured loss', { insuredValueFen: 50_000 }, 'COMPENSATE', 50_000, ['INSURED_COMPENSATION']],
    ['over-insured loss', { insuredValueFen: 150_000 }, 'COMPENSATE', 100_000, ['INSURED_COMPENSATION', 'ACTUAL_VALUE_LIMIT']],
    ['insured at exactly the value', { insuredValueFen: 100_000 }, 'COMPENSATE', 100_000, ['INSURED_COMPENSATION']],
    // Insured damage: insured × loss ÷ value.
    ['insured damage 30%', { kind: 'DAMAGE', insuredValueFen: 50_000, actualLossFen: 30_000 }, 'COMPENSATE', 15_000, ['INSURED_PROPORTIONAL']],
    ['over-insured damage', { kind: 'DAMAGE', insuredValueFen: 200_000, actualLossFen: 30_000 }, 'COMPENSATE', 30_000, ['INSURED_PROPORTIONAL', 'ACTUAL_LOSS_LIMIT']],
    ['insured partial loss, a third', { kind: 'PARTIAL_LOSS', actualValueFen: 30_000, insuredValueFen: 10_000, actualLossFen: 10_000 }, 'COMPENSATE', 3_333, ['INSURED_PROPORTIONAL']],
    // 101 × 100 ÷ 200 = 50.5 fen: half up to 51.
    ['insured half a fen rounds up', { kind: 'PARTIAL_LOSS', actualValueFen: 200, insuredValueFen: 101, actualLossFen: 100 }, 'COMPENSATE', 51, ['INSURED_PROPORTIONAL']],
    ['over-insured cut to the loss after rounding', { kind: 'PARTIAL_LOSS', actualValueFen: 2, insuredValueFen: 101, actualLossFen: 1 }, 'COMPENSATE', 1, ['INSURED_PROPORTIONAL', 'ACTUAL_LOSS_LIMIT']],
    ['insured damage, no loss', { kind: 'DAMAGE', insuredValueFen: 50_000, actualLossFen: 0 }, 'COMPENSATE', 0, ['INSURED_PROPORTIONAL']],
    // Uninsured: actual loss, capped at 3 × ¥10 only when the shipper was told, never for intent.
    ['uninsured loss, cap told', {}, 'COMPENSATE', 3_000, ['ACTUAL_LOSS', 'UNINSURED_CAP']],
    ['uninsured loss, cap not told', { shipperNotifiedOfCap: false }, 'COMPENSATE', 100_000, ['ACTUAL_LOSS']],
    ['uninsured loss, gross negligence', { intentOrGrossNegligence: true }, 'COMPENSATE', 100_000, ['ACTUAL_LOSS']],
    ['uninsured damage under the cap', { kind: 'DAMAGE', actualLossFen: 2_000 }, 'COMPENSATE', 2_000, ['ACTUAL_LOSS']],
    ['uninsured damage on the cap', { kind: 'DAMAGE', actualLossFen: 3_000 }, 'COMPENSATE', 3_000, ['ACTUAL_LOSS']],
    ['uninsured damage one fen over the cap', { kind: 'DAMAGE', actualLossFen: 3_001 }, 'COMPENSATE', 3_000, ['ACTUAL_LOSS', 'UNINSURED_CAP']],
    ['uninsured partial loss, cap told', { kind: 'PARTIAL_LOSS', actualLossFen: 40_000 }, 'COMPENSATE', 3_000, ['ACTUAL_LOSS', 'UNINSURED_CAP']],
    ['insured value 0 is uninsured', { insuredValueFen: 0, shipperNotifiedOfCap: false }, 'COMPENSATE', 100_000, ['ACTUAL_LOSS']],
    // Never more than claimed.
    ['claim below the due amount', { insuredValueFen: 50_000, claimedFen: 40_000 }, 'COMPENSATE', 40_000, ['INSURED_COMPENSATION', 'CLAIM_LIMIT']],
    ['claim above the due amount', { insuredValueFen: 50_000, claimedFen: 60_000, declaredValueFen: 100_000 }, 'COMPENSATE', 50_000, ['INSURED_COMPENSATION']],
  ])('%s', (_case, more, code, total, lines) => {
    const decision = decideCompensation(base(more));
    expect(decision.code).toBe(code);
    expect(decision.totalFen).toBe(total);
    expect(decision.lines.map((l) => l.code)).toEqual(lines);
    expect(totalOf(decision.lines)).toBe(decision.totalFen);
    expect(decision.payer).toBe('CARRIER');
  });

  it.each<[string, Partial<CompensationInput>, string]>([
    ['insured', { insuredValueFen: 50_000 }, 'INSURED'],
    ['cap told', {}, 'CAP_APPLIED'],
    ['cap not told', { shipperNotifiedOfCap: false }, 'CAP_NOT_NOTIFIED'],
    ['gross negligence', { intentOrGrossNegligence: true }, 'CAP_WAIVED_INTENT_OR_GROSS_NEGLIGENCE'],
    ['proportional', { kind: 'DAMAGE', insuredValueFen: 1, actualLossFen: 1 }, 'ROUNDING_HALF_UP'],
  ])('%s', (_case, more, code) => {
    expect(decideCompensation(base(more)).codes).toContain(code);
  });

  it('explains the cap to the customer in Chinese, with the amounts', () => {
    const { explanationZh } = decideCompensation(base());
    expect(explanationZh).toContain('未保价快件丢失，按实际损失1000.00元赔偿');
    expect(explanationZh).toContain('运费的3倍，即30.00元');
    expect(explanationZh).toContain('合计30.00元');
  });
});

describe('decideCompensation: delay (延误) and thorough delay (彻底延误)', () => {
  const delay = (distance: DistanceClass, late: number, delivered: boolean, more: Partial<CompensationInput> = {}): CompensationInput =>
    base({
      kind: 'DELAY',
      eventAt: PROMISED,
      promisedAt: PROMISED,
      distance,
      deliveredAt: delivered ? after(PROMISED, late) : null,
      now: after(PROMISED, late),
      ...more,
    });

  it.each<[DistanceClass, number, boolean, string, string, number]>([
    // Ordinary delay: only the ¥10 service fee, not the ¥3 premium or ¥2 add-ons.
    ['CROSS_PROVINCE', 1 * DAY_MS, true, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['CROSS_PROVINCE', MINUTE, true, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['CROSS_PROVINCE', 0, true, 'NOT_LATE', 'DELAY', 0],
    ['CROSS_PROVINCE', -DAY_MS, true, 'NOT_LATE', 'DELAY', 0],
    // Same city: 2 days is a delay, 3 days still undelivered is treated as loss (uninsured, cap told: ¥30).
    ['SAME_CITY', 2 * DAY_MS, false, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['SAME_CITY', 3 * DAY_MS - MINUTE, false, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['SAME_CITY', 3 * DAY_MS, false, 'COMPENSATE', 'LOSS', 3_000],
    // Within or between provinces: 6 vs 7 days.
    ['SAME_PROVINCE', 6 * DAY_MS, false, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['SAME_PROVINCE', 7 * DAY_MS, false, 'COMPENSATE', 'LOSS', 3_000],
    ['CROSS_PROVINCE', 6 * DAY_MS, false, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['CROSS_PROVINCE', 7 * DAY_MS - MINUTE, false, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
    ['CROSS_PROVINCE', 7 * DAY_MS, false, 'COMPENSATE', 'LOSS', 3_000],
    // Delivered after the threshold: it arrived, so it is not lost; the fee is waived.
    ['SAME_CITY', 4 * DAY_MS, true, 'SERVICE_FEE_WAIVED', 'DELAY', 1_000],
  ])('%s, %i ms late, delivered %s → %s as %s, %i fen', (distance, late, delivered, code, treatedAs, total) => {
    const decision = decideCompensation(delay(distance, late, delivered));
    expect(decision).toMatchObject({ code, treatedAs, totalFen: total });
    expect(totalOf(decision.lines)).toBe(total);
    if (code !== 'NOT_LATE') expect(decision.codes).toContain(decision.delay?.thorough ? 'THOROUGH_DELAY' : 'ORDINARY_DELAY');
  });

  it('reports the days late and the threshold of the lane', () => {
    const decision = decideCompensation(delay('SAME_CITY', 2 * DAY_MS + 5 * 3_600_000, false));
    expect(decision.delay).toEqual({ lateHours: 53, delayDays: 2, thresholdDays: 3, thorough: false, delivered: false });
    expect(decision.explanationZh).toContain('快件延误2天，免除本票运费10.00元');
  });

  it('pays a thorough delay of an insured parcel as an insured loss', () => {
    const decision = decideCompensation(delay('SAME_CITY', 3 * DAY_MS, false, { insuredValueFen: 80_000 }));
    expect(decision).toMatchObject({ code: 'COMPENSATE', treatedAs: 'LOSS', totalFen: 80_000 });
    expect(decision.codes).toContain('THOROUGH_DELAY_AS_LOSS');
  });

  it('ignores a delivery recorded after `now` (not yet happened for this evaluation)', () => {
    const decision = decideCompensation(delay('SAME_CITY', 3 * DAY_MS, false, { deliveredAt: after(PROMISED, 5 * DAY_MS) }));
    expect(decision.treatedAs).toBe('LOSS');
  });
});

describe('decideCompensation: exemptions (免责)', () => {
  it.each<[string, Partial<CompensationInput>, string, number, string[]]>([
    // Force majeure: nothing for an uninsured parcel, but the freight of a lost one is refunded.
    ['force majeure, uninsured loss', { exemption: 'FORCE_MAJEURE' }, 'EXEMPT', 1_000, ['FREIGHT_REFUND']],
    ['force majeure, insured loss', { exemption: 'FORCE_MAJEURE', insuredValueFen: 50_000 }, 'COMPENSATE', 51_000, ['INSURED_COMPENSATION', 'FREIGHT_REFUND']],
    ['force majeure, insured damage', { exemption: 'FORCE_MAJEURE', kind: 'DAMAGE', insuredValueFen: 50_000, actualLossFen: 20_000 }, 'COMPENSATE', 10_000, ['INSURED_PROPORTIONAL']],
    ['force majeure, uninsured damage', { exemption: 'FORCE_MAJEURE', kind: 'DAMAGE', actualLossFen: 20_000 }, 'EXEMPT', 0, []],
    ['goods’ own nature, insured loss', { exemption: 'GOODS_NATURE', insuredValueFen: 50_000 }, 'EXEMPT', 0, []],
    ['shipper’s fault', { exemption: 'SHIPPER_FAULT', kind: 'DAMAGE', actualLossFen: 20_000 }, 'EXEMPT', 0, []],
    ['consignee’s fault', { exemption: 'CONSIGNEE_FAULT', insuredValueFen: 50_000 }, 'EXEMPT', 0, []],
    [
      'force majeure delay',
      { exemption: 'FORCE_MAJEURE', kind: 'DELAY', promisedAt: PROMISED, deliveredAt: after(PROMISED, DAY_MS), now: after(PROMISED, DAY_MS) },
      'EXEMPT',
      0,
      [],
    ],
  ])('%s', (_case, more, code, total, lines) => {
    const decision = decideCompensation(base(more));
    expect(decision).toMatchObject({ code, totalFen: total });
    expect(decision.lines.map((l) => l.code)).toEqual(lines);
    if (code === 'EXEMPT') expect(decision.codes).toContain(`EXEMPT_${more.exemption}`);
  });
});

describe('decideCompensation: versions', () => {
  // A later (hypothetical) version with a 5× cap must not change a case whose event came before it.
  const v2025: LiabilityPolicy = { ...LIABILITY_POLICY_2024, version: 'liability-2025.1', effectiveFrom: chinaTime(2025, 1, 1), uninsuredCapFreightMultiple: 5 };
  const policies = [LIABILITY_POLICY_2018, LIABILITY_POLICY_2024, v2025];

  it.each([
    [chinaTime(2024, 3, 31, 23, 59), 'liability-2018.1', 3_000],
    [chinaTime(2024, 4, 1), 'liability-2024.1', 3_000],
    [chinaTime(2024, 12, 31, 23, 59), 'liability-2024.1', 3_000],
    [chinaTime(2025, 1, 1), 'liability-2025.1', 5_000],
  ])('an event at %s is judged by %s (%i fen)', (eventAt, version, total) => {
    // Re-evaluated today (2026): the event's version, not today's.
    const decision = decideCompensation(base({ eventAt, now: chinaTime(2026, 1, 1), policies }));
    expect(decision).toMatchObject({ ruleVersion: version, totalFen: total, ruleCode: 'compensation' });
  });
});

describe('decideCompensation: refused facts', () => {
  it.each<[string, Partial<CompensationInput>, string]>([
    ['loss above the value', { kind: 'DAMAGE', actualLossFen: 100_001 }, 'LOSS_ABOVE_VALUE'],
    ['claim above the declared value', { claimedFen: 50_001, declaredValueFen: 50_000 }, 'CLAIM_ABOVE_DECLARED_VALUE'],
    ['delay without a promise', { kind: 'DELAY' }, 'PROMISED_TIME_REQUIRED'],
    ['damage without its loss', { kind: 'DAMAGE' }, 'AMOUNT_NOT_INTEGER'],
    ['yuan with a fraction', { actualValueFen: 99.5 }, 'AMOUNT_NOT_INTEGER'],
    ['negative insured value', { insuredValueFen: -1 }, 'NEGATIVE_AMOUNT'],
    ['negative premium', { fees: { serviceFeeFen: 1_000, insuranceFeeFen: -1, addOnFeesFen: 0 } }, 'NEGATIVE_AMOUNT'],
    ['unknown kind', { kind: 'THEFT' as never }, 'UNKNOWN_CLAIM_KIND'],
    ['event before any policy', { eventAt: chinaTime(2017, 1, 1) }, 'NO_POLICY_IN_FORCE'],
  ])('%s', (_case, more, code) => {
    expect(() => decideCompensation(base(more))).toThrow(expect.objectContaining({ code }));
  });
});

describe('decideCompensation: invariants', () => {
  const arbitrary = fc.record({
    kind: fc.constantFrom('LOSS', 'DAMAGE', 'PARTIAL_LOSS', 'DELAY' as const),
    value: fc.integer({ min: 0, max: 10_000_000 }),
    lossShare: fc.double({ min: 0, max: 1, noNaN: true }),
    insured: fc.option(fc.integer({ min: 0, max: 20_000_000 })),
    serviceFee: fc.integer({ min: 0, max: 100_000 }),
    notified: fc.boolean(),
    gross: fc.boolean(),
    exemption: fc.option(fc.constantFrom('FORCE_MAJEURE', 'GOODS_NATURE', 'SHIPPER_FAULT', 'CONSIGNEE_FAULT' as const)),
    lateMinutes: fc.integer({ min: -3_000, max: 15_000 }),
    delivered: fc.boolean(),
    distance: fc.constantFrom('SAME_CITY', 'SAME_PROVINCE', 'CROSS_PROVINCE' as const),
    claimed: fc.option(fc.integer({ min: 0, max: 20_000_000 })),
  });

  it('the lines sum to the total, every line is whole fen, and the total never exceeds the value plus the freight refund', () => {
    fc.assert(
      fc.property(arbitrary, (a) => {
        const now = after(PROMISED, a.lateMinutes * MINUTE);
        const decision = decideCompensation(
          base({
            kind: a.kind,
            actualValueFen: a.value,
            actualLossFen: Math.floor(a.value * a.lossShare),
            insuredValueFen: a.insured,
            fees: { serviceFeeFen: a.serviceFee, insuranceFeeFen: 0, addOnFeesFen: 0 },
            shipperNotifiedOfCap: a.notified,
            intentOrGrossNegligence: a.gross,
            exemption: a.exemption,
            promisedAt: PROMISED,
            deliveredAt: a.delivered ? now : null,
            now,
            distance: a.distance,
            claimedFen: a.claimed,
          }),
        );
        expect(totalOf(decision.lines)).toBe(decision.totalFen);
        for (const line of decision.lines) expect(Number.isSafeInteger(line.amountFen)).toBe(true);
        expect(decision.totalFen).toBeGreaterThanOrEqual(0);
        expect(decision.totalFen).toBeLessThanOrEqual(Math.max(a.value, a.serviceFee) + a.serviceFee);
        if (a.claimed !== null) expect(decision.totalFen).toBeLessThanOrEqual(a.claimed);
        if (decision.code === 'EXEMPT') expect(decision.totalFen).toBeLessThanOrEqual(a.serviceFee);
      }),
      { numRuns: 500 },
    );
  });
});
