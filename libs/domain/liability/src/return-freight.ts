import type { ScanLocation } from '@courierdesk/domain-parcel';
import { assertValidDate } from '@courierdesk/domain-sla';
import type { AmountLine, DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';
import { assertFen, formatYuan } from './money';
import { PARTY_NAMES_ZH, placeNameZh, type Party } from './parties';

/** Why the consignee refused the parcel (拒收原因), as the rule on return freight distinguishes them. */
export const RefusalCause = {
  /** Goods not as the merchant described (货不对板). */
  NOT_AS_DESCRIBED: 'NOT_AS_DESCRIBED',
  /** The carrier was late (物流延误). */
  CARRIER_DELAY: 'CARRIER_DELAY',
  /** The courier behaved badly (快递员服务态度恶劣). */
  COURIER_MISCONDUCT: 'COURIER_MISCONDUCT',
  /** Refused without a reason (无故拒收). */
  NO_REASON: 'NO_REASON',
  /** Goods damaged in carriage (运输途中破损). */
  DAMAGED_IN_CARRIAGE: 'DAMAGED_IN_CARRIAGE',
  /** Sold with a platform's 7-day no-reason return (七天无理由退货). */
  PLATFORM_NO_REASON_RETURN: 'PLATFORM_NO_REASON_RETURN',
} as const;
/** Why the consignee refused the parcel (拒收原因). */
export type RefusalCause = (typeof RefusalCause)[keyof typeof RefusalCause];

/** All refusal causes, in declaration order. */
export const REFUSAL_CAUSES: readonly RefusalCause[] = Object.values(RefusalCause);

/** One row of the return-freight table: who is billed, who bears it, and why. */
export interface ReturnFreightRule {
  /** The party the network bills for the return leg; null when the network bills nobody (its own fault). */
  billed: Party | null;
  /** The party that bears the cost in the end. */
  bearer: Party;
  /** The shipper may also claim damages from the carrier (托运人可另行索赔). */
  shipperMayClaimDamages: boolean;
  /** Why, in Chinese, for the customer. */
  whyZh: string;
}

/**
 * Who pays return freight on a refusal (拒收退回运费), the table of DOMAIN.md as data. The network
 * bills its contracting party, the shipper, whenever the fault is not its own; whether the shipper
 * recovers it from the consignee or the platform is between them (sales contract, platform rules).
 */
export const RETURN_FREIGHT_RULES: Readonly<Record<RefusalCause, ReturnFreightRule>> = {
  NOT_AS_DESCRIBED: { billed: 'SHIPPER', bearer: 'SHIPPER', shipperMayClaimDamages: false, whyZh: '商品与描述不符，责任在寄件人' },
  CARRIER_DELAY: { billed: null, bearer: 'CARRIER', shipperMayClaimDamages: false, whyZh: '快递延误，责任在快递公司' },
  COURIER_MISCONDUCT: { billed: null, bearer: 'CARRIER', shipperMayClaimDamages: false, whyZh: '快递员服务不当，责任在快递公司' },
  NO_REASON: { billed: 'SHIPPER', bearer: 'CONSIGNEE', shipperMayClaimDamages: false, whyZh: '收件人无故拒收，责任在收件人' },
  DAMAGED_IN_CARRIAGE: { billed: null, bearer: 'CARRIER', shipperMayClaimDamages: true, whyZh: '货物在运输途中破损，责任在快递公司' },
  PLATFORM_NO_REASON_RETURN: {
    billed: 'SHIPPER',
    bearer: 'MERCHANT_OR_PLATFORM',
    shipperMayClaimDamages: false,
    whyZh: '商品支持七天无理由退货，运费按商家或平台规则承担，不由消费者承担',
  },
};

/** What decideReturnFreight needs. */
export interface ReturnFreightInput {
  cause: RefusalCause;
  /** Freight of the return leg, in fen. */
  returnFreightFen: number;
  /** When the consignee refused: the policy in force then applies. */
  refusedAt: Date;
  /** For a carrier fault, the outlet or transit centre at fault (from `bearingPlace`); null when not yet known. */
  faultPlace?: ScanLocation | null;
  policies?: LiabilityPolicies;
}

/** Who pays the return freight of a refused parcel, and why. */
export interface ReturnFreightDecision extends DecisionRecord {
  code: 'BILL_SHIPPER' | 'CARRIER_BEARS';
  cause: RefusalCause;
  billed: Party | null;
  bearer: Party;
  /** For a carrier fault, the outlet or transit centre that bears it internally; null otherwise or when unknown. */
  internalBearer: ScanLocation | null;
  shipperMayClaimDamages: boolean;
  totalFen: number;
  lines: AmountLine[];
}

/**
 * Decides who pays the return freight of a refused parcel (拒收退回运费) by the cause of refusal,
 * under the policy in force at the refusal. A carrier fault without a known place gets the code
 * INTERNAL_BEARER_UNKNOWN: HQ arbitrates (仲裁) which outlet bears it. Throws UNKNOWN_REFUSAL_CAUSE,
 * AMOUNT_NOT_INTEGER, NEGATIVE_AMOUNT.
 */
export function decideReturnFreight(input: ReturnFreightInput): ReturnFreightDecision {
  const rule = RETURN_FREIGHT_RULES[input.cause];
  if (!rule) {
    throw new LiabilityRuleError('UNKNOWN_REFUSAL_CAUSE', `unknown refusal cause ${input.cause}`, { cause: input.cause, allowed: REFUSAL_CAUSES });
  }
  const amount = assertFen(input.returnFreightFen, 'returnFreightFen');
  const policy = liabilityPolicyAt(assertValidDate(input.refusedAt, 'refusedAt'), input.policies);
  const carrierFault = rule.bearer === 'CARRIER';
  const internalBearer = carrierFault ? (input.faultPlace ?? null) : null;
  const ruleCode = `return-freight.${input.cause.toLowerCase().replace(/_/g, '-')}`;
  const codes: string[] = [carrierFault ? 'CARRIER_BEARS' : 'BILL_SHIPPER', `CAUSE_${input.cause}`, `BEARER_${rule.bearer}`];
  if (rule.shipperMayClaimDamages) codes.push('SHIPPER_MAY_CLAIM_DAMAGES');
  if (carrierFault && internalBearer === null) codes.push('INTERNAL_BEARER_UNKNOWN');

  const parts = [`退回运费${formatYuan(amount)}：${rule.whyZh}。`];
  if (rule.billed === 'SHIPPER' && rule.bearer !== 'SHIPPER') {
    parts.push(`快递公司向寄件人收取，最终由${PARTY_NAMES_ZH[rule.bearer]}承担（寄件人可另行追偿）。`);
  } else if (rule.billed === 'SHIPPER') {
    parts.push('由寄件人支付。');
  } else {
    parts.push('不向寄件人或收件人收取。');
    if (internalBearer) parts.push(`内部由${placeNameZh(internalBearer)}承担。`);
    if (rule.shipperMayClaimDamages) parts.push('寄件人还可就货物损失另行索赔。');
  }
  return {
    code: carrierFault ? 'CARRIER_BEARS' : 'BILL_SHIPPER',
    cause: input.cause,
    billed: rule.billed,
    bearer: rule.bearer,
    internalBearer,
    shipperMayClaimDamages: rule.shipperMayClaimDamages,
    totalFen: amount,
    lines: [{ code: 'RETURN_FREIGHT', amountFen: amount, ruleCode }],
    ruleCode,
    ruleVersion: policy.version,
    explanationZh: parts.join(''),
    codes,
  };
}
