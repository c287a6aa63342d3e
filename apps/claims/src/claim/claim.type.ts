import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ClaimStatus, Exemption, isLostParcelClaim, RefusalCause } from '@courierdesk/domain-liability';
import { EvidenceKind } from '@courierdesk/domain-ticket';
import type { RecordOwner } from '@courierdesk/domain-network';
import { listSize, PersonalData } from '@courierdesk/platform-subgraph';
import type { ClaimParties } from '../common/access';
import { MAX_ACCEPTED_KINDS, MAX_DECISION_CODES, MAX_DECISION_LINES } from '../common/list-bounds';
import { Claimant, ClaimType } from '../common/enums';
import type { ClaimRow } from './claim.row';
import type { StoredDecision } from './claim-decision';

/** One line of an amount's breakdown (金额明细). */
@ObjectType({ description: 'One line of an amount’s breakdown (金额明细): what it is, how much, under which rule. A deduction (a cap) is negative.' })
export class AmountLine {
  @Field({ description: 'Stable code of the line, e.g. INSURED_COMPENSATION, UNINSURED_CAP, SERVICE_FEE_WAIVED, RETURN_FREIGHT.' })
  code: string;

  @Field(() => Float, { description: 'Whole fen; negative only for a deduction from an earlier line.' })
  amountFen: number;

  @Field({ description: 'The rule that produced the line, e.g. compensation.uninsured-cap.' })
  ruleCode: string;
}

/** The outlet or transit centre that bears a carrier fault internally (内部责任). */
@ObjectType({ description: 'Which outlet or transit centre bears the carrier’s fault internally (责任网点/分拨中心), from the scan history.' })
export class BearingPlace {
  @Field({ description: 'BORNE_BY_PLACE, or UNDETERMINED (every place cleared itself: HQ arbitrates).' })
  code: string;

  @Field(() => String, { nullable: true, description: 'OUTLET or HUB; null when undetermined.' })
  placeKind: string | null;

  @Field(() => ID, { nullable: true, description: 'The outlet’s or transit centre’s id.' })
  placeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The courier, when the fault was on a delivery round.' })
  courierId: string | null;

  @Field({ description: 'Why, in Chinese.' })
  explanationZh: string;

  @Directive(listSize(MAX_DECISION_CODES))
  @Field(() => [String], { description: 'Stable codes: the outcome, the incident, each fact used.' })
  codes: string[];

  @Field()
  ruleVersion: string;
}

/** A claim's liability decision (理赔判定), as the liability library made it. */
@ObjectType({ description: 'The liability decision (理赔判定) as the rules made it, with the rule version in force at the claim’s event; never recomputed on read.' })
export class ClaimDecision {
  @Field({ description: 'COMPENSATION, RETURN_FREIGHT or OVERCHARGE_REFUND.' })
  rule: string;

  @Field({ description: 'The outcome: COMPENSATE, SERVICE_FEE_WAIVED, EXEMPT, NOT_LATE; BILL_SHIPPER or CARRIER_BEARS for return freight; REFUND or NOT_OVERCHARGED for an overcharge.' })
  code: string;

  @Field()
  ruleCode: string;

  @Field({ description: 'The policy version applied, e.g. liability-2024.1: the one in force when the event happened.' })
  ruleVersion: string;

  @Field({ description: 'The explanation a customer can read (给客户的说明).' })
  explanationZh: string;

  @Field(() => String, { nullable: true, description: 'The explanation in English, for the rules that give one (an overcharge refund); null otherwise.' })
  explanationEn: string | null;

  @Field(() => String, { nullable: true, description: 'An overcharge refund: the tariff version in force at pickup the charges were checked against (e.g. tariff-2026.2); null otherwise.' })
  tariffVersion: string | null;

  @Directive(listSize(MAX_DECISION_CODES))
  @Field(() => [String], { description: 'Stable codes for programs: the outcome first, then every fact the rule used.' })
  codes: string[];

  @Directive(listSize(MAX_DECISION_LINES))
  @Field(() => [AmountLine])
  lines: AmountLine[];

  @Field(() => Float, { description: 'Sum of the lines, in fen.' })
  totalFen: number;

  @Field(() => Float, { description: 'What the network pays or refunds the claimant, in fen: the compensation; for return freight the freight when the carrier bears it, else 0.' })
  payableFen: number;

  @Field(() => String, { nullable: true, description: 'LOSS for a thorough delay of a parcel still missing (彻底延误按丢失处理); else the claim’s kind.' })
  treatedAs: string | null;

  @Field()
  insured: boolean;

  @Field(() => String, { nullable: true, description: 'Return freight: the party the network bills (its contracting party); null when it bills nobody.' })
  billed: string | null;

  @Field(() => String, { nullable: true, description: 'The party that bears the cost in the end: SHIPPER, CONSIGNEE, CARRIER, MERCHANT_OR_PLATFORM.' })
  bearer: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Return freight after damage in carriage: the shipper may also claim damages.' })
  shipperMayClaimDamages: boolean | null;

  @Field(() => BearingPlace, { nullable: true, description: 'For a carrier fault, the place that bears it internally; null otherwise.' })
  bearing: BearingPlace | null;

  @Field({ description: 'The claim’s event time whose rule version applies (事发时间).' })
  eventAt: Date;
}

/** The headless-parcel search (无头件查找) a lost parcel's claim relied on. */
@ObjectType({ description: 'A headless-parcel search (无头件查找) made for the claim’s waybill, as the claim last saw it (tracking’s Waybill.headlessSearches).' })
export class ClaimHeadlessSearch {
  @Field(() => ID, { description: 'Tracking’s id of the search.' })
  searchId: string;

  @Field()
  searchedAt: Date;

  @Field(() => Int, { description: 'How many unlabelled parcels the search proposed as candidates.' })
  candidateCount: number;

  @Field({ description: 'The search policy version applied.' })
  policyVersion: string;
}

/** A piece of claim evidence (理赔材料). */
@ObjectType({ description: 'A piece of evidence on file for a claim: which required item it is offered as, and where the file is stored.' })
export class ClaimEvidence {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The item it is offered as, e.g. PROOF_OF_VALUE, DAMAGE_PHOTO, INSURANCE_RECEIPT.' })
  item: string;

  @Field(() => EvidenceKind)
  kind: string;

  @Field({ description: 'Where the file is stored (the file itself never passes through the graph).' })
  storageRef: string;

  @PersonalData<ClaimEvidence>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (e) => e.owner })
  @Field(() => String, { nullable: true, description: 'What the file shows; long numbers masked without pii:read.' })
  description: string | null;

  /** The claim's parties: its origin and destination outlets own the customer's text. */
  owner: RecordOwner;

  @Field()
  addedBy: string;

  @Field()
  addedAt: Date;
}

/** One item of evidence a claim kind asks for (理赔材料清单). */
@ObjectType({ description: 'One item of evidence a claim of this kind asks for, by the rule version in force at filing.' })
export class ClaimEvidenceRequirement {
  @Field()
  item: string;

  @Field({ description: 'ALWAYS, IF_INSURED, or OPTIONAL.' })
  need: string;

  @Directive(listSize(MAX_ACCEPTED_KINDS))
  @Field(() => [EvidenceKind])
  accepted: string[];

  @Field()
  nameZh: string;
}

/** One line of a claim's audit trail (理赔操作记录). */
@ObjectType({ description: 'One line of the audit trail: who, when, what; a field change with from → to.' })
export class ClaimHistoryLine {
  @Field()
  at: Date;

  @Field()
  actor: string;

  @Field()
  type: string;

  @Field(() => String, { nullable: true })
  field: string | null;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

/** A compensation claim (理赔单). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A claim (理赔单): loss, damage, partial loss, delay or return freight on a waybill, decided by the liability rules from the graph’s facts.' })
export class Claim implements ClaimParties {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human number (理赔单号), e.g. CL20261202-000123: unique, never reused; numbers may skip.' })
  number: string;

  @Field(() => ClaimType)
  kind: string;

  @Field(() => Claimant)
  claimant: string;

  @Field(() => ClaimStatus)
  status: string;

  @Field(() => Int, { description: 'Optimistic lock: send it back with every change; a change by someone else in between is CONFLICT (CLAIM_VERSION_CONFLICT).' })
  version: number;

  @Field({ description: 'The waybill (运单号); the Waybill itself is `waybill`.' })
  waybillNo: string;

  @Field(() => ID, { nullable: true, description: 'The ticket the claim was filed from; the Ticket itself is `ticket`.' })
  ticketId: string | null;

  @Field(() => Float, { description: 'What the claimant asks for, in whole fen (Float: GraphQL’s Int is 32-bit; every value is a whole number below 2^53).' })
  claimedFen: number;

  @Field(() => Float, { nullable: true, description: 'The goods’ actual value the claimant states (实际价值), in fen.' })
  actualValueFen: number | null;

  @Field(() => Float, { nullable: true, description: 'The actual loss the claimant states (实际损失) for damage and partial loss, in fen.' })
  actualLossFen: number | null;

  @Field(() => RefusalCause, { nullable: true, description: 'Return freight: why the consignee refused.' })
  refusalCause: string | null;

  @Field(() => Boolean, { nullable: true, description: 'HQ’s finding at decision: the shipper was told of the uninsured cap when shipping.' })
  notifiedOfCap: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'HQ’s finding at decision: the carrier acted with intent or gross negligence (no cap).' })
  intentOrGrossNegligence: boolean | null;

  @Field(() => Exemption, { nullable: true, description: 'HQ’s finding at decision: why the carrier is not liable.' })
  exemption: string | null;

  @PersonalData<Claim>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (c) => claimOwner(c) })
  @Field(() => String, { nullable: true, description: 'What the claimant says happened; long numbers masked without pii:read.' })
  description: string | null;

  @Field()
  filedAt: Date;

  @Field()
  filedBy: string;

  @Field(() => Date, { nullable: true, description: 'First reviewed (受理确认; statutory: within 24 hours).' })
  acknowledgedAt: Date | null;

  @Field(() => ClaimDecision, { nullable: true, description: 'The liability decision; null until decided.' })
  decision: ClaimDecision | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'The rule version of the decision.' })
  ruleVersion: string | null;

  @Field(() => Float, { nullable: true, description: 'What approval agreed to pay, in fen (the decision’s payable amount).' })
  approvedFen: number | null;

  @Field(() => String, { nullable: true, description: 'OUTLET or HUB: the kind of place that bears the fault internally.' })
  bearingPlaceKind: string | null;

  @Field(() => ID, { nullable: true })
  bearingPlaceId: string | null;

  @Field(() => Date, { nullable: true, description: 'When approved: the payment clock starts (赔付时限: 7 days).' })
  agreedAt: Date | null;

  @Field(() => Date, { nullable: true })
  paidAt: Date | null;

  @PersonalData<Claim>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (c) => claimOwner(c) })
  @Field(() => String, { nullable: true, description: 'Why HQ rejected it; long numbers masked without pii:read.' })
  rejectionReason: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => ClaimHeadlessSearch, {
    nullable: true,
    description:
      'A lost parcel (LOSS, or a thorough delay treated as loss): the newest headless-parcel search (无头件查找) seen on the waybill when the claim was filed, decided, approved or paid; approval and payment need one. Null for other kinds and when none was made.',
  })
  headlessSearch: ClaimHeadlessSearch | null;

  @Field()
  updatedAt: Date;

  originOutletId: string | null;
  destinationOutletId: string | null;
  storedDecision: StoredDecision | null;
  /** The promised delivery time recorded at filing (the filing window of an undelivered parcel runs from it). */
  promisedAt: Date | null;
}

/** The GraphQL view of a decision record. */
export function toDecision(stored: StoredDecision): ClaimDecision {
  const bearing = stored.bearing
    ? Object.assign(new BearingPlace(), {
        code: stored.bearing.code,
        placeKind: stored.bearing.place?.kind ?? null,
        placeId: stored.bearing.place?.id ?? null,
        courierId: stored.bearing.courierId,
        explanationZh: stored.bearing.explanationZh,
        codes: stored.bearing.codes,
        ruleVersion: stored.bearing.ruleVersion,
      })
    : null;
  return Object.assign(new ClaimDecision(), {
    rule: stored.rule,
    code: stored.code,
    ruleCode: stored.ruleCode,
    ruleVersion: stored.ruleVersion,
    explanationZh: stored.explanationZh,
    explanationEn: stored.explanationEn ?? null,
    tariffVersion: stored.tariffVersion ?? null,
    codes: stored.codes,
    lines: stored.lines.map((l) => Object.assign(new AmountLine(), l)),
    totalFen: stored.totalFen,
    payableFen: stored.payableFen,
    treatedAs: stored.treatedAs,
    insured: stored.insured,
    billed: stored.billed,
    bearer: stored.bearer,
    shipperMayClaimDamages: stored.shipperMayClaimDamages,
    bearing,
    eventAt: new Date(stored.facts.eventAt),
  });
}

/** Whose customer text a claim holds: its waybill's origin and destination outlets. */
export const claimOwner = (claim: { originOutletId: string | null; destinationOutletId: string | null }): RecordOwner => ({
  outletIds: [claim.originOutletId, claim.destinationOutletId].filter((id): id is string => id !== null),
});

/** The GraphQL view of a claim row. */
export function toClaim(row: ClaimRow): Claim {
  const search = row.headlessSearch && isLostParcelClaim(row.kind, row.decision?.treatedAs) ? row.headlessSearch : null;
  return Object.assign(new Claim(), {
    ...row,
    storedDecision: row.decision,
    decision: row.decision ? toDecision(row.decision) : null,
    headlessSearch: search
      ? Object.assign(new ClaimHeadlessSearch(), { searchId: search.id, searchedAt: new Date(search.searchedAt), candidateCount: search.candidateCount, policyVersion: search.policyVersion })
      : null,
  });
}
