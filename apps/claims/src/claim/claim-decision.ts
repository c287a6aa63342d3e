import type { ScanEvent, ScanLocation } from '@courierdesk/domain-parcel';
import {
  assertClaimEvidence,
  assertClaimFiledInTime,
  bearingPlace,
  claimIncident,
  custodyChain,
  decideCompensation,
  decideOverchargeRefund,
  decideReturnFreight,
  isLostParcelClaim,
  type AmountLine,
  type ClaimKind,
  type EvidenceClaimKind,
  type Exemption,
  type HeadlessSearchFacts,
  type LiabilityPolicies,
  type RefusalCause,
} from '@courierdesk/domain-liability';
import type { TicketFacts } from '../graph/ticket-facts';
import type { WaybillFacts } from '../graph/waybill-facts';

/**
 * The decision as stored on the claim (`claim.decision`): the library's records as they were made,
 * and every fact they were made from, so the decision can be read, explained and replayed — never
 * recomputed on read. The app decides nothing here: it gathers facts and calls the library.
 */
export interface StoredDecision {
  /** COMPENSATION (decideCompensation), RETURN_FREIGHT (decideReturnFreight) or OVERCHARGE_REFUND (decideOverchargeRefund). */
  rule: 'COMPENSATION' | 'RETURN_FREIGHT' | 'OVERCHARGE_REFUND';
  code: string;
  ruleCode: string;
  ruleVersion: string;
  explanationZh: string;
  /** The explanation in English, for the rules that give one (an overcharge refund). */
  explanationEn?: string;
  /** An overcharge refund: the tariff version in force at pickup that the charges were checked against. */
  tariffVersion?: string;
  codes: string[];
  lines: AmountLine[];
  totalFen: number;
  /** What the network pays or refunds the claimant: the compensation total; for return freight the freight when the carrier bears it, else 0 (the shipper is billed); for an overcharge the refund owed. */
  payableFen: number;
  treatedAs: string | null;
  insured: boolean;
  /** Return freight: whom the network bills (null: nobody), who bears it in the end, whether the shipper may also claim damages. */
  billed: string | null;
  bearer: string | null;
  shipperMayClaimDamages: boolean | null;
  /** The outlet or transit centre that bears a carrier fault internally (内部责任), from the scan history; null when none or undetermined. */
  bearing: {
    code: string;
    place: ScanLocation | null;
    courierId: string | null;
    lastGoodPlace: ScanLocation | null;
    ruleVersion: string;
    explanationZh: string;
    codes: string[];
  } | null;
  evidence: { ruleVersion: string; codes: string[] };
  facts: DecisionFacts;
}

/** The facts a decision was made from (JSON: times as ISO strings). */
export interface DecisionFacts {
  eventAt: string;
  promisedAt: string | null;
  deliveredAt: string | null;
  distance: string | null;
  serviceLevel: string;
  declaredValueFen: number | null;
  insuredValueFen: number;
  serviceFeeFen: number;
  actualValueFen: number | null;
  actualLossFen: number | null;
  claimedFen: number;
  notifiedOfCap: boolean;
  intentOrGrossNegligence: boolean;
  exemption: string | null;
  refusalCause: string | null;
  clearedPlaceIds: string[];
  scans: number;
  /** An overcharge refund: the charges and tracking's charge check as read (times as ISO strings). */
  charges?: { code: string; amountFen: number }[];
  chargeCheck?: (Omit<NonNullable<WaybillFacts['chargeCheck']>, 'pricedAt'> & { pricedAt: string }) | null;
  /** A lost parcel: the headless-parcel search (无头件查找) the decision saw; null when none was made. */
  headlessSearch?: RecordedHeadlessSearch | null;
}

/** A headless-parcel search (无头件查找) as a claim records it (JSON: the time as an ISO string). */
export interface RecordedHeadlessSearch {
  id: string;
  searchedAt: string;
  candidateCount: number;
  policyVersion: string;
}

/** The search as a claim records it; null for none. */
export const recordedSearch = (search: HeadlessSearchFacts | null | undefined): RecordedHeadlessSearch | null =>
  search ? { id: search.id, searchedAt: search.searchedAt.toISOString(), candidateCount: search.candidateCount, policyVersion: search.policyVersion } : null;

/** What a claim says, as the decision reads it. */
export interface ClaimFacts {
  kind: string;
  claimedFen: number;
  filedAt: Date;
  refusalCause: string | null;
  actualValueFen: number | null;
  actualLossFen: number | null;
  /** Recorded at filing: tracking stops showing the promise once the parcel is delivered. */
  promisedAt: Date | null;
  notifiedOfCap: boolean;
  intentOrGrossNegligence: boolean;
  exemption: string | null;
}

const BAD_ORDER = new Set(['DAMAGED', 'LOST', 'CONTAMINATED']);

/**
 * When the claim's event happened (事发时间), whose policy version the library applies: a delay's
 * promised time; a loss's last sighting; damage or partial loss when first reported (a damage scan),
 * else at delivery; an overcharge when the waybill was priced (pickup); a refusal when the consignee
 * refused. The filing, when the scans say nothing.
 */
export function eventTimeOf(claim: ClaimFacts, waybill: WaybillFacts, promisedAt: Date | null): Date {
  const scans = [...waybill.scans].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime());
  const last = scans.at(-1)?.eventTime ?? null;
  switch (claim.kind) {
    case 'DELAY':
      return promisedAt ?? claim.filedAt;
    case 'LOSS':
      return last ?? waybill.createdAt;
    case 'DAMAGE':
    case 'PARTIAL_LOSS':
      return scans.find((s) => s.problemCode !== null && BAD_ORDER.has(s.problemCode))?.eventTime ?? waybill.signedAt ?? last ?? claim.filedAt;
    case 'OVERCHARGE':
      return waybill.chargeCheck?.pricedAt ?? waybill.createdAt;
    default:
      return (
        scans.find((s) => s.type === 'DELIVERY_FAILED' && (s.failureReason === 'REFUSED' || s.failureReason === 'COD_REFUSED'))?.eventTime ??
        scans.find((s) => s.type === 'RETURN_STARTED')?.eventTime ??
        claim.filedAt
      );
  }
}

/** The promise the rules use: tracking's while the parcel is on its way, else the one recorded when the claim was filed. */
const promiseOf = (claim: ClaimFacts, waybill: WaybillFacts): Date | null => waybill.promisedAt ?? claim.promisedAt;

/**
 * Throws the library's codes for a claim that cannot be taken: filed past its deadline
 * (CLAIM_FILED_TOO_LATE, counted from delivery, or the promise for a parcel never delivered — no
 * deadline runs before either is known), and bad amounts (NEGATIVE_AMOUNT, AMOUNT_NOT_INTEGER,
 * CLAIM_ABOVE_DECLARED_VALUE, LOSS_ABOVE_VALUE, PROMISED_TIME_REQUIRED, UNKNOWN_REFUSAL_CAUSE) by
 * a dry run of the decision on the filing's facts.
 */
export function assertClaimAcceptable(claim: ClaimFacts, waybill: WaybillFacts, now: Date, policies: LiabilityPolicies | undefined): void {
  const promisedAt = promiseOf(claim, waybill);
  if (waybill.signedAt || promisedAt) assertClaimFiledInTime({ deliveredAt: waybill.signedAt, promisedAt, filedAt: claim.filedAt, policies });
  decideClaimFacts(claim, waybill, null, now, policies, { checkEvidence: null });
}

/** The evidence on file, as the library reads it. */
export interface EvidenceOnFile {
  item: string;
  kind: string;
}

/**
 * The claim's decision by the library: the evidence checked first (EVIDENCE_MISSING when a required
 * item is not on file), then compensation or return freight on the waybill's facts from the graph,
 * and the place that bears a carrier fault from the scan history (and the ticket's evidence: an
 * outlet that proved it in time is cleared). Every rule runs by the policy version in force at the
 * claim's event, so re-deciding an old claim after a rule change gives the same answer.
 */
export function decideClaimFacts(
  claim: ClaimFacts,
  waybill: WaybillFacts,
  ticket: TicketFacts | null,
  now: Date,
  policies: LiabilityPolicies | undefined,
  options: { checkEvidence: readonly EvidenceOnFile[] | null },
): StoredDecision {
  const kind = claim.kind as EvidenceClaimKind;
  const insured = waybill.insuredValueFen > 0;
  const evidence = options.checkEvidence
    ? assertClaimEvidence({ kind, insured, provided: options.checkEvidence as never, at: claim.filedAt, policies })
    : { ruleVersion: '', codes: [] as string[] };
  const promisedAt = promiseOf(claim, waybill);
  const eventAt = eventTimeOf(claim, waybill, promisedAt);
  const cleared = ticket?.evidenceOutcome === 'FOR_OUTLET' && ticket.responsibleOutletId ? [ticket.responsibleOutletId] : [];
  const bearing = placeOf(claim, waybill.scans, eventAt, waybill.signedAt ?? now, cleared, policies);
  const facts: DecisionFacts = {
    eventAt: eventAt.toISOString(),
    promisedAt: promisedAt?.toISOString() ?? null,
    deliveredAt: waybill.signedAt?.toISOString() ?? null,
    distance: waybill.distance,
    serviceLevel: waybill.serviceLevel,
    declaredValueFen: waybill.declaredValueFen,
    insuredValueFen: waybill.insuredValueFen,
    serviceFeeFen: waybill.fees.serviceFeeFen,
    actualValueFen: claim.actualValueFen,
    actualLossFen: claim.actualLossFen,
    claimedFen: claim.claimedFen,
    notifiedOfCap: claim.notifiedOfCap,
    intentOrGrossNegligence: claim.intentOrGrossNegligence,
    exemption: claim.exemption,
    refusalCause: claim.refusalCause,
    clearedPlaceIds: cleared,
    scans: waybill.scans.length,
  };
  const common = { bearing, evidence: { ruleVersion: evidence.ruleVersion, codes: evidence.codes }, facts };

  if (kind === 'OVERCHARGE') {
    // The refund comes from tracking's charge check alone: the amount the claimant asks for is recorded, never used.
    const d = decideOverchargeRefund({ check: waybill.chargeCheck ?? null, originOutletId: waybill.originOutletId, policies });
    const check = waybill.chargeCheck ?? null;
    facts.charges = (waybill.charges ?? []).map((c) => ({ code: c.code, amountFen: c.amountFen }));
    facts.chargeCheck = check ? { ...check, pricedAt: check.pricedAt.toISOString() } : null;
    return {
      rule: 'OVERCHARGE_REFUND',
      code: d.code,
      ruleCode: d.ruleCode,
      ruleVersion: d.ruleVersion,
      explanationZh: d.explanationZh + d.bearerExplanationZh,
      explanationEn: d.explanationEn,
      tariffVersion: d.tariffVersion,
      codes: d.codes,
      lines: d.lines,
      totalFen: d.totalFen,
      payableFen: d.totalFen,
      treatedAs: null,
      insured,
      billed: null,
      bearer: d.code === 'REFUND' ? 'CARRIER' : null,
      shipperMayClaimDamages: null,
      ...common,
      bearing: d.internalBearer
        ? { code: 'BORNE_BY_PLACE', place: d.internalBearer, courierId: null, lastGoodPlace: null, ruleVersion: d.ruleVersion, explanationZh: d.bearerExplanationZh, codes: ['BORNE_BY_ORIGIN_OUTLET'] }
        : null,
    };
  }

  if (kind === 'RETURN_FREIGHT') {
    // ASSUMPTION: the return leg is charged as the outbound leg was (the waybill's freight); the
    // network's return tariff, when it has one, belongs in tracking's facts.
    const d = decideReturnFreight({
      cause: claim.refusalCause as RefusalCause,
      returnFreightFen: waybill.fees.serviceFeeFen,
      refusedAt: eventAt,
      faultPlace: bearing?.place ?? null,
      policies,
    });
    return {
      rule: 'RETURN_FREIGHT',
      code: d.code,
      ruleCode: d.ruleCode,
      ruleVersion: d.ruleVersion,
      explanationZh: d.explanationZh + (bearing && d.internalBearer ? bearing.explanationZh : ''),
      codes: d.codes,
      lines: d.lines,
      totalFen: d.totalFen,
      payableFen: d.code === 'CARRIER_BEARS' ? d.totalFen : 0,
      treatedAs: null,
      insured,
      billed: d.billed,
      bearer: d.bearer,
      shipperMayClaimDamages: d.shipperMayClaimDamages,
      ...common,
      bearing: d.internalBearer ? bearing : null,
    };
  }

  const d = decideCompensation({
    kind: kind as ClaimKind,
    eventAt,
    // The goods' value is the claimant's to prove (PROOF_OF_VALUE evidence); without one stated, the declared value.
    actualValueFen: claim.actualValueFen ?? waybill.declaredValueFen ?? claim.claimedFen,
    actualLossFen: claim.actualLossFen,
    declaredValueFen: waybill.declaredValueFen,
    insuredValueFen: waybill.insuredValueFen,
    fees: waybill.fees,
    claimedFen: claim.claimedFen,
    promisedAt,
    deliveredAt: waybill.signedAt,
    now,
    distance: waybill.distance ?? 'CROSS_PROVINCE',
    shipperNotifiedOfCap: claim.notifiedOfCap,
    intentOrGrossNegligence: claim.intentOrGrossNegligence,
    exemption: (claim.exemption as Exemption | null) ?? null,
    policies,
  });
  const carrierPays = d.totalFen > 0 && d.code !== 'EXEMPT';
  if (isLostParcelClaim(kind, d.treatedAs)) facts.headlessSearch = recordedSearch(waybill.headlessSearch);
  return {
    rule: 'COMPENSATION',
    code: d.code,
    ruleCode: d.ruleCode,
    ruleVersion: d.ruleVersion,
    explanationZh: d.explanationZh + (carrierPays && bearing ? bearing.explanationZh : ''),
    codes: d.codes,
    lines: d.lines,
    totalFen: d.totalFen,
    payableFen: d.totalFen,
    treatedAs: d.treatedAs,
    insured: d.insured,
    billed: null,
    bearer: d.code === 'EXEMPT' ? null : 'CARRIER',
    shipperMayClaimDamages: null,
    ...common,
    bearing: carrierPays ? bearing : null,
  };
}

/** The place that bears the claim's incident (bearingPlace), or null when the scans cannot place it. */
function placeOf(
  claim: ClaimFacts,
  scans: readonly ScanEvent[],
  at: Date,
  until: Date,
  clearedPlaceIds: string[],
  policies: LiabilityPolicies | undefined,
): StoredDecision['bearing'] {
  const incident = claimIncident(claim.kind as EvidenceClaimKind, claim.refusalCause as RefusalCause | null);
  if (!incident || custodyChain(scans).length === 0) return null;
  const b = bearingPlace(scans, { kind: incident, at, until, clearedPlaceIds, policies });
  return {
    code: b.code,
    place: b.place,
    courierId: b.courierId,
    lastGoodPlace: b.lastGoodPlace,
    ruleVersion: b.ruleVersion,
    explanationZh: b.explanationZh,
    codes: b.codes,
  };
}
