import type { DistanceClass } from '@courierdesk/domain-parcel';
import { assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import { CLAIM_KINDS, CLAIM_KIND_NAMES_ZH, EXEMPTION_NAMES_ZH, type ClaimKind, type Exemption } from './claim.vocabulary';
import { totalOf, type AmountLine, type DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies, type LiabilityPolicy } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';
import { assertFen, formatYuan, mulDivFen } from './money';
import { delayFacts, type DelayFacts } from './delay';

/** What the shipper paid for the shipment, split the way the rules need it (费用构成), in fen. */
export interface ShipmentFees {
  /** The freight proper, the service fee (运费/服务费): waived on delay, the base of the uninsured cap. */
  serviceFeeFen: number;
  /** The insurance premium (保价费): never waived on delay. */
  insuranceFeeFen: number;
  /** Add-on service fees (增值服务费, e.g. signature return): never waived on delay. */
  addOnFeesFen: number;
}

/** The facts of a compensation claim. Money in whole fen. */
export interface CompensationInput {
  kind: ClaimKind;
  /** When the loss or damage happened or was found; for a delay, the promised time. The policy in force then applies. */
  eventAt: Date;
  /** The goods' actual value (实际价值), the whole parcel. */
  actualValueFen: number;
  /** The actual loss (实际损失) for DAMAGE and PARTIAL_LOSS; LOSS and a delay treated as loss lose the whole value. */
  actualLossFen?: number | null;
  /** The value the shipper declared on the waybill (声明价值), when one was. */
  declaredValueFen?: number | null;
  /** The insured amount (保价金额); null or 0 when not insured. */
  insuredValueFen?: number | null;
  fees: ShipmentFees;
  /** What the claimant asks for; the payout never exceeds it. */
  claimedFen?: number | null;
  /** The promised delivery time (承诺送达时间); required for DELAY. */
  promisedAt?: Date | null;
  deliveredAt?: Date | null;
  now: Date;
  /** From the lane: same city, same province or across provinces (thorough-delay days differ). */
  distance: DistanceClass;
  /** The shipper was told of the uninsured cap when shipping (告知赔偿限额). */
  shipperNotifiedOfCap: boolean;
  /** The carrier acted with intent or gross negligence (故意或重大过失): no cap. */
  intentOrGrossNegligence?: boolean;
  exemption?: Exemption | null;
  policies?: LiabilityPolicies;
}

/** The outcome of a compensation claim (赔偿结果). */
export type CompensationCode = 'COMPENSATE' | 'SERVICE_FEE_WAIVED' | 'EXEMPT' | 'NOT_LATE';

/** A compensation decision: who pays how much, line by line, under which rule version. */
export interface CompensationDecision extends DecisionRecord {
  code: CompensationCode;
  kind: ClaimKind;
  /** LOSS for an undelivered parcel past the thorough-delay threshold, else `kind`. */
  treatedAs: ClaimKind;
  insured: boolean;
  /** The carrier pays every compensation; internally `bearingPlace` says which outlet bears it. */
  payer: 'CARRIER';
  /** Sum of `lines`. */
  totalFen: number;
  lines: AmountLine[];
  delay: DelayFacts | null;
}

const RULE = 'compensation';

/**
 * Decides a compensation claim (理赔赔偿) for loss, damage, partial loss or delay, insured (保价) or
 * not, under the policy in force at `eventAt`:
 * - insured loss: the insured amount, never above the actual value; insured damage or partial loss:
 *   insured × loss ÷ value (rounded to the fen by the policy), never above the actual loss;
 * - uninsured: the actual loss, capped at the policy's multiple of the service fee only when the
 *   shipper was told of the cap, and never for intent or gross negligence;
 * - ordinary delay: the service fee waived (not the premium or add-on fees); a thorough delay of a
 *   parcel still not delivered is treated as loss;
 * - exemptions: none paid, except force majeure, where an insured parcel is still paid and the
 *   freight of a lost parcel refunded (Civil Code art. 835; Postal Law art. 48);
 * - never more than the claimant asked for.
 * Throws AMOUNT_NOT_INTEGER, NEGATIVE_AMOUNT, LOSS_ABOVE_VALUE, CLAIM_ABOVE_DECLARED_VALUE,
 * PROMISED_TIME_REQUIRED, UNKNOWN_CLAIM_KIND.
 */
export function decideCompensation(input: CompensationInput): CompensationDecision {
  if (!CLAIM_KINDS.includes(input.kind)) {
    throw new LiabilityRuleError('UNKNOWN_CLAIM_KIND', `unknown claim kind ${input.kind}`, { kind: input.kind, allowed: CLAIM_KINDS });
  }
  const now = assertValidDate(input.now, 'now');
  const policy = liabilityPolicyAt(assertValidDate(input.eventAt, 'eventAt'), input.policies);
  const value = assertFen(input.actualValueFen, 'actualValueFen');
  const serviceFee = assertFen(input.fees?.serviceFeeFen, 'fees.serviceFeeFen');
  assertFen(input.fees?.insuranceFeeFen, 'fees.insuranceFeeFen');
  assertFen(input.fees?.addOnFeesFen, 'fees.addOnFeesFen');
  const insuredValue = input.insuredValueFen == null ? 0 : assertFen(input.insuredValueFen, 'insuredValueFen');
  const declared = input.declaredValueFen == null ? null : assertFen(input.declaredValueFen, 'declaredValueFen');
  const claimed = input.claimedFen == null ? null : assertFen(input.claimedFen, 'claimedFen');
  if (claimed !== null && declared !== null && claimed > declared) {
    throw new LiabilityRuleError('CLAIM_ABOVE_DECLARED_VALUE', `the claim ${formatYuan(claimed)} is above the declared value ${formatYuan(declared)}`, {
      claimedFen: claimed,
      declaredValueFen: declared,
    });
  }
  const insured = insuredValue > 0;

  let delay: DelayFacts | null = null;
  let treatedAs: ClaimKind = input.kind;
  if (input.kind === 'DELAY') {
    if (!input.promisedAt) throw new LiabilityRuleError('PROMISED_TIME_REQUIRED', 'a delay claim needs the promised delivery time', {});
    const promisedAt = assertValidDate(input.promisedAt, 'promisedAt');
    const deliveredAt = input.deliveredAt ? assertValidDate(input.deliveredAt, 'deliveredAt') : null;
    delay = delayFacts(promisedAt, deliveredAt, now, input.distance, policy);
    // A parcel that did arrive is not lost, however late: the thorough-delay option is the
    // customer's while it is still missing.
    if (delay.thorough && !delay.delivered) treatedAs = 'LOSS';
  }
  const loss = treatedAs === 'LOSS' ? value : input.kind === 'DELAY' ? 0 : assertFen(input.actualLossFen, 'actualLossFen');
  if (loss > value) {
    throw new LiabilityRuleError('LOSS_ABOVE_VALUE', `the loss ${formatYuan(loss)} is above the goods' value ${formatYuan(value)}`, {
      actualLossFen: loss,
      actualValueFen: value,
    });
  }

  const ctx: Ctx = { input, policy, insured, insuredValue, value, loss, serviceFee, claimed, treatedAs, delay, codes: [], lines: [], zh: [] };
  if (delay) ctx.codes.push(delay.thorough ? 'THOROUGH_DELAY' : 'ORDINARY_DELAY');
  if (treatedAs === 'LOSS' && input.kind === 'DELAY') ctx.codes.push('THOROUGH_DELAY_AS_LOSS');
  const exemption = input.exemption ?? null;

  let code: CompensationCode;
  if (input.kind === 'DELAY' && delay && delay.lateHours === 0) {
    code = 'NOT_LATE';
    ctx.zh.push(`快件未超过承诺送达时间（${formatChinaTime(input.promisedAt as Date)}），不属于延误。`);
  } else if (exemption !== null && !(exemption === 'FORCE_MAJEURE' && insured && treatedAs !== 'DELAY')) {
    code = 'EXEMPT';
    ctx.codes.push(`EXEMPT_${exemption}`);
    ctx.zh.push(`因${EXEMPTION_NAMES_ZH[exemption]}，快递公司依法不承担赔偿责任。`);
    if (exemption === 'FORCE_MAJEURE' && treatedAs === 'LOSS') refundFreight(ctx);
  } else if (treatedAs === 'DELAY') {
    code = 'SERVICE_FEE_WAIVED';
    ctx.lines.push({ code: 'SERVICE_FEE_WAIVED', amountFen: serviceFee, ruleCode: `${RULE}.delay-fee-waiver` });
    ctx.zh.push(
      `快件延误${delay!.delayDays}天，免除本票运费${formatYuan(serviceFee)}（保价费和增值服务费不在免除范围内）。`,
    );
  } else {
    code = 'COMPENSATE';
    if (exemption === 'FORCE_MAJEURE') {
      ctx.codes.push('FORCE_MAJEURE_INSURED_PAID');
      ctx.zh.push('虽因不可抗力造成损失，保价快件仍按保价赔偿。');
    }
    if (insured) insuredCompensation(ctx);
    else uninsuredCompensation(ctx);
    if (exemption === 'FORCE_MAJEURE' && treatedAs === 'LOSS') refundFreight(ctx);
  }
  limitToClaim(ctx);
  const totalFen = totalOf(ctx.lines);
  ctx.zh.push(`合计${formatYuan(totalFen)}。`);
  return {
    code,
    kind: input.kind,
    treatedAs,
    insured,
    payer: 'CARRIER',
    totalFen,
    lines: ctx.lines,
    delay,
    ruleCode: RULE,
    ruleVersion: policy.version,
    explanationZh: ctx.zh.join(''),
    codes: [code, `KIND_${input.kind}`, insured ? 'INSURED' : 'UNINSURED', ...ctx.codes],
  };
}

interface Ctx {
  input: CompensationInput;
  policy: LiabilityPolicy;
  insured: boolean;
  insuredValue: number;
  value: number;
  loss: number;
  serviceFee: number;
  claimed: number | null;
  treatedAs: ClaimKind;
  delay: DelayFacts | null;
  codes: string[];
  lines: AmountLine[];
  zh: string[];
}

function insuredCompensation(ctx: Ctx): void {
  const { insuredValue, value, loss, policy } = ctx;
  if (ctx.treatedAs === 'LOSS') {
    ctx.lines.push({ code: 'INSURED_COMPENSATION', amountFen: insuredValue, ruleCode: `${RULE}.insured-loss` });
    ctx.zh.push(`保价快件丢失，按保价金额${formatYuan(insuredValue)}赔偿`);
    // Insurance makes good a loss, it does not make a profit: over-insured pays the actual value.
    if (insuredValue > value) {
      ctx.lines.push({ code: 'ACTUAL_VALUE_LIMIT', amountFen: value - insuredValue, ruleCode: `${RULE}.insured-not-above-value` });
      ctx.codes.push('ACTUAL_VALUE_LIMIT');
      ctx.zh.push(`，但不超过实际价值${formatYuan(value)}`);
    }
    ctx.zh.push('。');
    return;
  }
  const share = value === 0 ? 0 : mulDivFen(insuredValue, loss, value, policy.rounding);
  ctx.lines.push({ code: 'INSURED_PROPORTIONAL', amountFen: share, ruleCode: `${RULE}.insured-proportional` });
  ctx.codes.push(`ROUNDING_${policy.rounding}`);
  ctx.zh.push(
    `保价快件${CLAIM_KIND_NAMES_ZH[ctx.treatedAs]}，按保价金额${formatYuan(insuredValue)}×损失${formatYuan(loss)}÷实际价值${formatYuan(value)}赔偿${formatYuan(share)}（${ROUNDING_ZH[policy.rounding]}）`,
  );
  if (share > loss) {
    ctx.lines.push({ code: 'ACTUAL_LOSS_LIMIT', amountFen: loss - share, ruleCode: `${RULE}.insured-not-above-value` });
    ctx.codes.push('ACTUAL_LOSS_LIMIT');
    ctx.zh.push(`，但不超过实际损失${formatYuan(loss)}`);
  }
  ctx.zh.push('。');
}

const ROUNDING_ZH: Readonly<Record<LiabilityPolicy['rounding'], string>> = {
  HALF_UP: '四舍五入到分',
  HALF_EVEN: '银行家舍入到分',
  DOWN: '舍去分以下',
};

function uninsuredCompensation(ctx: Ctx): void {
  const { loss, serviceFee, policy, input } = ctx;
  ctx.lines.push({ code: 'ACTUAL_LOSS', amountFen: loss, ruleCode: `${RULE}.uninsured-actual-loss` });
  ctx.zh.push(`未保价快件${CLAIM_KIND_NAMES_ZH[ctx.treatedAs]}，按实际损失${formatYuan(loss)}赔偿`);
  const cap = policy.uninsuredCapFreightMultiple * serviceFee;
  if (input.intentOrGrossNegligence) {
    ctx.codes.push('CAP_WAIVED_INTENT_OR_GROSS_NEGLIGENCE');
    ctx.zh.push('；因快递公司故意或重大过失，不适用赔偿限额');
  } else if (!input.shipperNotifiedOfCap) {
    ctx.codes.push('CAP_NOT_NOTIFIED');
    ctx.zh.push('；寄件时未告知赔偿限额，不适用限额');
  } else if (loss > cap) {
    ctx.lines.push({ code: 'UNINSURED_CAP', amountFen: cap - loss, ruleCode: `${RULE}.uninsured-cap` });
    ctx.codes.push('CAP_APPLIED');
    ctx.zh.push(`；寄件时已告知未保价赔偿上限为运费的${policy.uninsuredCapFreightMultiple}倍，即${formatYuan(cap)}`);
  }
  ctx.zh.push('。');
}

function refundFreight(ctx: Ctx): void {
  ctx.lines.push({ code: 'FREIGHT_REFUND', amountFen: ctx.serviceFee, ruleCode: `${RULE}.force-majeure-freight-refund` });
  ctx.codes.push('FREIGHT_REFUNDED');
  ctx.zh.push(`运费${formatYuan(ctx.serviceFee)}予以退还。`);
}

function limitToClaim(ctx: Ctx): void {
  const total = totalOf(ctx.lines);
  if (ctx.claimed !== null && total > ctx.claimed) {
    ctx.lines.push({ code: 'CLAIM_LIMIT', amountFen: ctx.claimed - total, ruleCode: `${RULE}.not-above-claim` });
    ctx.codes.push('CLAIM_LIMIT');
    ctx.zh.push(`以申请金额${formatYuan(ctx.claimed)}为限。`);
  }
}
