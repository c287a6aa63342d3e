import { assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import { CHARGE_NAMES_ZH } from '@courierdesk/domain-tariff';
import type { AmountLine, DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';
import { assertFen, formatYuan } from './money';
import type { InternalBearer } from './parties';

/** One line of tracking's charge check (收费核对): what the tariff allowed and what was charged for one charge code. */
export interface ChargeCheckLineFacts {
  code: string;
  allowedFen: number;
  chargedFen: number;
  differenceFen: number;
  /** MATCHES, OVERCHARGED, UNDERCHARGED or NOT_ALLOWED (charged for something the tariff does not allow). */
  verdict: string;
  /** The tariff rule that allowed the amount, in English and in Chinese. */
  rule: string;
  ruleZh: string;
}

/** Tracking's check of a waybill's charges against the tariff in force at pickup (运价核对), as the graph gives it. */
export interface ChargeCheckFacts {
  /** The tariff version in force at pickup, e.g. tariff-2026.2. */
  tariffVersion: string;
  /** Pickup, or the order time without a pickup scan: the tariff in force then applies. */
  pricedAt: Date;
  lines: ChargeCheckLineFacts[];
  allowedTotalFen: number;
  chargedTotalFen: number;
  /** The sum of the lines' overcharges; undercharges are never netted against it. */
  refundOwedFen: number;
  /** CORRECT, OVERCHARGED or UNDERCHARGED. */
  verdict: string;
  explanationZh: string;
}

/** What decideOverchargeRefund needs: the graph's facts only, never an amount a client gives. */
export interface OverchargeRefundInput {
  /** Tracking's charge check; null when the waybill cannot be priced (WAYBILL_NOT_PRICED). */
  check: ChargeCheckFacts | null;
  /** The waybill's origin outlet: it collected the money, so it bears the refund internally. */
  originOutletId: string | null;
  policies?: LiabilityPolicies;
}

/** Why an overcharge refund is owed or not: the stable reason of the outcome. */
export type OverchargeReason = 'OVERCHARGED' | 'CHARGES_CORRECT' | 'UNDERCHARGED';

/** An overcharge refund decision (多收费退还): how much goes back to the shipper, line by line, and who bears it. */
export interface OverchargeRefundDecision extends DecisionRecord {
  /** REFUND when anything was charged above the tariff, else NOT_OVERCHARGED (the claim is rejected). */
  code: 'REFUND' | 'NOT_OVERCHARGED';
  reason: OverchargeReason;
  /** Who gets the refund: the shipper, who paid the charges; null when nothing is refunded. */
  payee: 'SHIPPER' | null;
  tariffVersion: string;
  pricedAt: Date;
  /** One line per overcharged charge code, `OVERCHARGE_<code>`: charged minus allowed. */
  lines: AmountLine[];
  /** The refund: the check's refundOwedFen, the sum of the lines. */
  totalFen: number;
  /** The place that bears the refund internally: the origin outlet, which collected the money; null when unknown or nothing is refunded. */
  internalBearer: InternalBearer | null;
  /** Why the origin outlet bears it, in Chinese; empty when none does. */
  bearerExplanationZh: string;
  /** The explanation in English, for HQ and the partner outlet. */
  explanationEn: string;
}

const RULE = 'overcharge-refund';

// The tariff's own names of its charge lines; a code it does not know is named by itself.
const nameZh = (code: string): string => (CHARGE_NAMES_ZH as Readonly<Record<string, string>>)[code] ?? code;
const yuanEn = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;

/**
 * Decides an overcharge refund (多收费退还) from tracking's charge check alone: the refund owed
 * (every line charged above what the tariff allowed, undercharges never netted) goes back to the
 * shipper, who paid; the origin outlet, which collected it, bears it internally. Nothing owed
 * (the check says CORRECT or UNDERCHARGED) is NOT_OVERCHARGED with its reason, CHARGES_CORRECT or
 * UNDERCHARGED. The liability policy version is the one in force at pricing (pickup). Throws
 * WAYBILL_NOT_PRICED without a check, CHARGE_CHECK_INCONSISTENT when the refund is not the sum of
 * the lines' overcharges, AMOUNT_NOT_INTEGER and NEGATIVE_AMOUNT for bad amounts.
 */
export function decideOverchargeRefund(input: OverchargeRefundInput): OverchargeRefundDecision {
  const check = input.check;
  if (!check) throw new LiabilityRuleError('WAYBILL_NOT_PRICED', 'the waybill has no charge check: tracking cannot price it against a tariff', {});
  const pricedAt = assertValidDate(check.pricedAt, 'pricedAt');
  const policy = liabilityPolicyAt(pricedAt, input.policies);
  const owed = assertFen(check.refundOwedFen, 'refundOwedFen');
  const over = check.lines
    .map((l) => ({ line: l, fen: assertFen(l.chargedFen, `${l.code}.chargedFen`) - assertFen(l.allowedFen, `${l.code}.allowedFen`) }))
    .filter((o) => o.fen > 0);
  const sum = over.reduce((total, o) => total + o.fen, 0);
  if (sum !== owed || (owed === 0 && check.verdict === 'OVERCHARGED')) {
    throw new LiabilityRuleError('CHARGE_CHECK_INCONSISTENT', `the charge check owes ${owed} fen but its lines overcharge ${sum} fen (verdict ${check.verdict})`, {
      refundOwedFen: owed,
      linesOverchargeFen: sum,
      verdict: check.verdict,
    });
  }
  const tariff = `${check.tariffVersion}（${formatChinaTime(pricedAt)}揽收时有效）`;
  const tariffEn = `${check.tariffVersion} (in force at pickup, ${formatChinaTime(pricedAt)} China time)`;
  const common = { ruleCode: RULE, ruleVersion: policy.version, tariffVersion: check.tariffVersion, pricedAt };

  if (owed === 0) {
    const reason: OverchargeReason = check.verdict === 'UNDERCHARGED' ? 'UNDERCHARGED' : 'CHARGES_CORRECT';
    const totals = `应收${formatYuan(check.allowedTotalFen)}，实收${formatYuan(check.chargedTotalFen)}`;
    const totalsEn = `allowed ${yuanEn(check.allowedTotalFen)}, charged ${yuanEn(check.chargedTotalFen)}`;
    return {
      ...common,
      code: 'NOT_OVERCHARGED',
      reason,
      payee: null,
      lines: [],
      totalFen: 0,
      internalBearer: null,
      bearerExplanationZh: '',
      explanationZh:
        reason === 'UNDERCHARGED'
          ? `按运价版本${tariff}核对，本票实收低于应收（${totals}），没有多收的费用，不予退款。`
          : `按运价版本${tariff}核对，本票各项收费与运价相符（${totals}），没有多收的费用，不予退款。`,
      explanationEn:
        reason === 'UNDERCHARGED'
          ? `Checked against tariff ${tariffEn}: the waybill was charged less than the tariff allows (${totalsEn}); nothing was overcharged, so nothing is refunded.`
          : `Checked against tariff ${tariffEn}: every charge matches the tariff (${totalsEn}); nothing was overcharged, so nothing is refunded.`,
      codes: ['NOT_OVERCHARGED', reason, `CHECK_${check.verdict}`],
    };
  }

  const linesZh = over.map(({ line, fen }) =>
    line.allowedFen === 0
      ? `${nameZh(line.code)}不应收取，多收${formatYuan(fen)}（实收${formatYuan(line.chargedFen)}；${line.ruleZh}）`
      : `${nameZh(line.code)}多收${formatYuan(fen)}（应收${formatYuan(line.allowedFen)}，实收${formatYuan(line.chargedFen)}；${line.ruleZh}）`,
  );
  const linesEn = over.map(({ line, fen }) =>
    line.allowedFen === 0
      ? `${line.code} not allowed, ${yuanEn(fen)} overcharged (charged ${yuanEn(line.chargedFen)}; ${line.rule})`
      : `${line.code} ${yuanEn(fen)} overcharged (allowed ${yuanEn(line.allowedFen)}, charged ${yuanEn(line.chargedFen)}; ${line.rule})`,
  );
  const bearer: InternalBearer | null = input.originOutletId ? { kind: 'OUTLET', id: input.originOutletId } : null;
  const codes = ['REFUND', 'OVERCHARGED', `CHECK_${check.verdict}`, 'PAYEE_SHIPPER', ...over.map(({ line }) => `OVERCHARGED_${line.code}`)];
  codes.push(bearer ? 'BORNE_BY_ORIGIN_OUTLET' : 'INTERNAL_BEARER_UNKNOWN');
  return {
    ...common,
    code: 'REFUND',
    reason: 'OVERCHARGED',
    payee: 'SHIPPER',
    lines: over.map(({ line, fen }) => ({ code: `OVERCHARGE_${line.code}`, amountFen: fen, ruleCode: `${RULE}.${line.code.toLowerCase().replace(/_/g, '-')}` })),
    totalFen: owed,
    internalBearer: bearer,
    bearerExplanationZh: bearer ? `多收的费用由始发网点 ${bearer.id} 收取，由其承担退款。` : '',
    explanationZh: `按运价版本${tariff}核对，本票多收费用共${formatYuan(owed)}，退还寄件人：${linesZh.join('；')}。`,
    explanationEn: `Checked against tariff ${tariffEn}: the waybill was overcharged ${yuanEn(owed)} in all, refunded to the shipper: ${linesEn.join('; ')}.`,
    codes,
  };
}
