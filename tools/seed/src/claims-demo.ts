import { liabilityPolicyAt, RefusalCause, type RefusalCause as RefusalCauseValue } from '@courierdesk/domain-liability';

/**
 * A demo waybill as the claims desk picks from it: the facts claims reads of the graph
 * (apps/claims graph/waybill-facts.ts), without the scans — the loader's directory reads those for
 * the waybills picked. Read from tracking's rows by the loader.
 */
export interface ClaimDemoWaybill {
  waybillNo: string;
  /** Tracking's status (IN_TRANSIT, DELIVERED, RETURNED …). */
  status: string;
  /** SAME_CITY, SAME_PROVINCE, CROSS_PROVINCE; null when the lane key is not two city codes. */
  distance: string | null;
  /** The declared value (声明价值); null when none. */
  declaredValueFen: number | null;
  /** The insured amount (保价金额); 0 when not insured. */
  insuredValueFen: number;
  /** The freight (运费). */
  freightFen: number;
  originOutletId: string | null;
  destinationOutletId: string | null;
  /** The promise (承诺送达) while the parcel is on its way; null once delivered, in a locker or returning. */
  promisedAt: Date | null;
  /** Refused by the consignee (a DELIVERY_FAILED scan with REFUSED, or a return started on REFUSED). */
  refused: boolean;
}

/** A demo ticket a claim may start from (工单). */
export interface ClaimDemoTicket {
  id: string;
  waybillNo: string | null;
  kind: string;
  reason: string;
  responsibleOutletId: string | null;
  counterpartOutletId: string | null;
}

/** One piece of claim evidence (理赔材料). */
export interface DemoClaimEvidence {
  item: string;
  kind: string;
  storageRef: string;
  description: string;
}

/** What fileClaim is given (the GraphQL input's fields). */
export interface DemoClaimInput {
  ticketId?: string | null;
  waybillNo?: string | null;
  kind: string;
  claimant: string;
  claimedFen: number;
  actualValueFen?: number | null;
  actualLossFen?: number | null;
  refusalCause?: string | null;
  description?: string | null;
}

/** HQ's findings at the decision (decideClaim's input without the claim and version). */
export interface DemoFindings {
  notifiedOfCap: boolean;
  intentOrGrossNegligence?: boolean;
  exemption?: string | null;
  note?: string | null;
}

/**
 * One demo claim: filed, its evidence added, reviewed and decided by HQ; then left UNDER_REVIEW
 * with its decision, or approved, or approved and paid through the payout with `payoutKey`.
 */
export interface DemoClaimCase {
  /** What the case shows (for counts and tests), e.g. RETURN_FREIGHT:NO_REASON, LOSS:INSURED. */
  label: string;
  input: DemoClaimInput;
  evidence: DemoClaimEvidence[];
  findings: DemoFindings;
  end: 'DECIDED' | 'APPROVED' | 'PAID';
  /** The payout's idempotency key (幂等键) when the case ends PAID. */
  payoutKey: string | null;
}

/** The demo fine on the partner outlet, disputed by it: an arbitration case left open for HQ (仲裁). */
export interface DemoDisputedFine {
  outletId: string;
  reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE';
  ticketId: string | null;
  waybillNo: string | null;
  note: string;
  evidenceRefs: string[];
  dispute: { statement: string; evidenceRefs: string[] };
}

/** The whole demo: claims in filing order, and the disputed fine. */
export interface ClaimsDemoPlan {
  claims: DemoClaimCase[];
  fine: DemoDisputedFine;
}

/** Options of {@link planClaimsDemo}. */
export interface ClaimsDemoOptions {
  /** The demo partner outlet: party to the claims where a waybill allows, and the fined outlet. */
  partnerOutletId: string;
  /** The decisions' clock: delays are measured against it. */
  now: Date;
}

const DAY_MS = 86_400_000;

// Keep clear of the threshold: the decision runs a few hundred ms after the plan.
const MARGIN_MS = 3_600_000;

const AWAITING = new Set(['IN_TRANSIT', 'ARRIVED_AT_OUTLET', 'EXCEPTION', 'DELIVERY_FAILED', 'HELD', 'OUT_FOR_DELIVERY']);

// What each refusal's customer says (拒收原因), short, as an agent types it.
const REFUSAL_WORDS: Readonly<Record<RefusalCauseValue, string>> = {
  NOT_AS_DESCRIBED: '收件人称商品颜色、型号与页面描述不符，当场拒收。',
  CARRIER_DELAY: '承诺次日达，晚到四天，收件人已另行购买，拒收。',
  COURIER_MISCONDUCT: '快递员电话中态度恶劣，收件人拒收并投诉。',
  NO_REASON: '收件人未说明原因拒收。',
  DAMAGED_IN_CARRIAGE: '外箱压塌、内件破碎，收件人当面拒收。',
  PLATFORM_NO_REASON_RETURN: '平台七天无理由退货商品，收件人拒收。',
};

const doc = (item: string, ref: string, description: string): DemoClaimEvidence => ({ item, kind: 'DOCUMENT', storageRef: ref, description });

/**
 * The demo claims (演示理赔), planned from the demo waybills and tickets — pure and deterministic for
 * one list and `now`: a return-freight claim for each refusal cause (拒收退回运费), a lost insured and
 * a lost uninsured parcel (丢失, 保价/未保价), a damaged parcel (破损) from a ticket, approved and paid
 * with its chargeback to the outlet that bears it, an ordinary and a thorough delay (延误/彻底延误),
 * and a fine on the partner outlet disputed by it, under arbitration (罚款申诉、仲裁). Waybills are
 * picked whose facts fit (refused ones for return freight, late ones still on their way for loss
 * and delay, a delivered one for damage), the partner's own first, then by waybill number. A case
 * without a fitting waybill is left out.
 */
export function planClaimsDemo(waybills: readonly ClaimDemoWaybill[], tickets: readonly ClaimDemoTicket[], options: ClaimsDemoOptions): ClaimsDemoPlan {
  const now = options.now.getTime();
  const partner = options.partnerOutletId;
  const isPartners = (w: ClaimDemoWaybill) => w.originOutletId === partner || w.destinationOutletId === partner;
  // The partner's waybills first (its token then sees claims), each group by number.
  const sorted = [...waybills].sort((a, b) => Number(isPartners(b)) - Number(isPartners(a)) || (a.waybillNo < b.waybillNo ? -1 : 1));
  const byNo = new Map(sorted.map((w) => [w.waybillNo, w]));
  const used = new Set<string>();
  const take = (fits: (w: ClaimDemoWaybill) => boolean): ClaimDemoWaybill | null => {
    const found = sorted.find((w) => !used.has(w.waybillNo) && fits(w)) ?? null;
    if (found) used.add(found.waybillNo);
    return found;
  };
  const lateMs = (w: ClaimDemoWaybill) => (w.promisedAt ? now - w.promisedAt.getTime() : -Infinity);
  // The thorough-delay days (彻底延误) of the rules in force now: a promise in the last few days falls under them.
  const thoroughDays = liabilityPolicyAt(options.now).thoroughDelayDays;
  const thresholdMs = (w: ClaimDemoWaybill) => thoroughDays[(w.distance ?? 'CROSS_PROVINCE') as keyof typeof thoroughDays] * DAY_MS;
  const stillOnItsWay = (w: ClaimDemoWaybill) => AWAITING.has(w.status) && w.promisedAt !== null;
  const claims: DemoClaimCase[] = [];

  // 拒收退回运费: one refused parcel per cause; the freight of the return leg is what is at stake.
  for (const cause of Object.values(RefusalCause)) {
    const w = take((x) => x.refused && x.freightFen > 0);
    if (!w) break;
    claims.push({
      label: `RETURN_FREIGHT:${cause}`,
      input: { waybillNo: w.waybillNo, kind: 'RETURN_FREIGHT', claimant: 'SENDER', claimedFen: w.freightFen, refusalCause: cause, description: REFUSAL_WORDS[cause] },
      evidence: [{ item: 'REFUSAL_CAUSE_PROOF', kind: cause === 'COURIER_MISCONDUCT' ? 'RECORDING' : 'PHOTO', storageRef: `demo/claims/${w.waybillNo}/refusal`, description: '拒收原因证明' }],
      findings: { notifiedOfCap: false },
      end: 'DECIDED',
      payoutKey: null,
    });
  }

  // 保价快件丢失: late, still missing, insured; the insured amount within the actual (declared) value.
  // Scanned somewhere on the way (not a parcel never picked up): the hubs on its route are where a
  // parcel that lost its label would turn up, so the headless-parcel demo searches around it.
  const insured =
    take((w) => stillOnItsWay(w) && w.status !== 'CREATED' && lateMs(w) > DAY_MS && w.insuredValueFen > 0 && (w.declaredValueFen ?? 0) >= w.insuredValueFen) ??
    take((w) => stillOnItsWay(w) && lateMs(w) > DAY_MS && w.insuredValueFen > 0 && (w.declaredValueFen ?? 0) >= w.insuredValueFen);
  if (insured) {
    claims.push({
      label: 'LOSS:INSURED',
      input: { waybillNo: insured.waybillNo, kind: 'LOSS', claimant: 'SENDER', claimedFen: insured.insuredValueFen, actualValueFen: insured.declaredValueFen, description: '保价快件多日无物流更新，寄件人申报丢失。' },
      evidence: [doc('PROOF_OF_VALUE', `demo/claims/${insured.waybillNo}/invoice`, '购物发票'), doc('INSURANCE_RECEIPT', `demo/claims/${insured.waybillNo}/insurance`, '保价凭证')],
      findings: { notifiedOfCap: true, note: '网点及分拨中心均查无此件，按丢失处理。' },
      end: 'DECIDED',
      payoutKey: null,
    });
  }

  // 未保价快件丢失: the shipper was told of the cap, so the freight multiple caps the actual value.
  const uninsured = take((w) => stillOnItsWay(w) && lateMs(w) > DAY_MS && w.insuredValueFen === 0 && (w.declaredValueFen ?? 0) > w.freightFen * 3 && w.freightFen > 0);
  if (uninsured) {
    claims.push({
      label: 'LOSS:UNINSURED',
      input: { waybillNo: uninsured.waybillNo, kind: 'LOSS', claimant: 'SENDER', claimedFen: uninsured.declaredValueFen as number, actualValueFen: uninsured.declaredValueFen, description: '未保价快件丢失，寄件人按商品价值索赔。' },
      evidence: [doc('PROOF_OF_VALUE', `demo/claims/${uninsured.waybillNo}/order`, '订单截图')],
      findings: { notifiedOfCap: true, note: '寄件时已告知未保价赔偿限额。' },
      end: 'DECIDED',
      payoutKey: null,
    });
  }

  // 破损: from a damage ticket on a delivered parcel (a problem parcel first, the complaints stay for the README's walk-through).
  const damageTickets = tickets
    .filter((t) => t.reason === 'DAMAGED' && t.waybillNo && byNo.get(t.waybillNo)?.status === 'DELIVERED' && !used.has(t.waybillNo))
    .sort((a, b) => Number(b.kind === 'PROBLEM_PARCEL') - Number(a.kind === 'PROBLEM_PARCEL') || ((a.waybillNo as string) < (b.waybillNo as string) ? -1 : 1));
  const damageTicket = damageTickets[0] ?? null;
  const damaged = damageTicket ? take((w) => w.waybillNo === damageTicket.waybillNo) : take((w) => w.status === 'DELIVERED');
  if (damaged) {
    const value = damaged.declaredValueFen ?? 30_000;
    const loss = Math.max(1, Math.round(value * 0.4));
    claims.push({
      label: 'DAMAGE:PAID',
      input: {
        ticketId: damageTicket?.id ?? null,
        waybillNo: damageTicket ? null : damaged.waybillNo,
        kind: 'DAMAGE',
        claimant: 'RECIPIENT',
        claimedFen: loss,
        actualValueFen: value,
        actualLossFen: loss,
        description: '外包装破损，内件摔坏，维修报价为商品价值的四成。',
      },
      evidence: [
        { item: 'DAMAGE_PHOTO', kind: 'PHOTO', storageRef: `demo/claims/${damaged.waybillNo}/damage`, description: '外包装、内件及面单照片' },
        doc('PROOF_OF_VALUE', `demo/claims/${damaged.waybillNo}/invoice`, '购物发票'),
        ...(damaged.insuredValueFen > 0 ? [doc('INSURANCE_RECEIPT', `demo/claims/${damaged.waybillNo}/insurance`, '保价凭证')] : []),
        doc('REPAIR_QUOTE', `demo/claims/${damaged.waybillNo}/repair`, '维修报价单'),
      ],
      findings: { notifiedOfCap: true, note: '破损照片与签收记录一致。' },
      end: 'PAID',
      payoutKey: `demo-payout-${damaged.waybillNo}`,
    });
  }

  // 延误: late, still on its way, well short of a thorough delay: the freight is waived.
  const late = take((w) => stillOnItsWay(w) && lateMs(w) > DAY_MS && lateMs(w) < thresholdMs(w) - DAY_MS && w.freightFen > 0);
  if (late) {
    claims.push({
      label: 'DELAY:ORDINARY',
      input: { waybillNo: late.waybillNo, kind: 'DELAY', claimant: 'RECIPIENT', claimedFen: late.freightFen, description: '超过承诺时间仍未送达，客户要求免运费。' },
      evidence: [],
      findings: { notifiedOfCap: false },
      end: 'APPROVED',
      payoutKey: null,
    });
  }

  // 彻底延误: past the lane's threshold and still missing: treated as loss.
  const thorough = take((w) => stillOnItsWay(w) && lateMs(w) >= thresholdMs(w) + MARGIN_MS && (w.declaredValueFen ?? 0) > 0);
  if (thorough) {
    claims.push({
      label: 'DELAY:THOROUGH',
      input: { waybillNo: thorough.waybillNo, kind: 'DELAY', claimant: 'SENDER', claimedFen: thorough.declaredValueFen as number, actualValueFen: thorough.declaredValueFen, description: '超过承诺时间多日仍未送达（彻底延误），寄件人按丢失索赔。' },
      evidence: [],
      findings: { notifiedOfCap: false },
      end: 'DECIDED',
      payoutKey: null,
    });
  }

  // 不上楼罚款: the partner lost a "not delivered upstairs" case on evidence and disputes the fine.
  const upstairs = tickets
    .filter((t) => t.reason === 'NOT_DELIVERED_UPSTAIRS' && t.responsibleOutletId === partner)
    .sort((a, b) => ((a.waybillNo ?? '') < (b.waybillNo ?? '') ? -1 : 1))[0];
  const fine: DemoDisputedFine = {
    outletId: partner,
    reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE',
    ticketId: upstairs?.id ?? null,
    waybillNo: upstairs?.waybillNo ?? null,
    note: '客户投诉未送货上门，网点未在举证时限内提供照片或录音。',
    evidenceRefs: ['demo/fines/not-upstairs/complaint-recording'],
    dispute: { statement: '快递员已送货上门，客户当时不在家，经电话同意放在门口；通话记录已上传。', evidenceRefs: ['demo/fines/not-upstairs/call-log'] },
  };
  return { claims, fine };
}
