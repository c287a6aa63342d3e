import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { EvidenceKind } from '@courierdesk/domain-ticket';
import { Exemption, RefusalCause } from '@courierdesk/domain-liability';
import { Claimant, ClaimType } from '../common/enums';

/** A new claim (提交理赔). */
@InputType({ description: 'A new claim, from a ticket or for a waybill. The waybill’s facts (values, freight, scans) are read from the graph, never taken from here.' })
export class FileClaimInput {
  @Field(() => ID, { nullable: true, description: 'The ticket the claim starts from; its waybill is the claim’s.' })
  ticketId?: string | null;

  @Field(() => String, { nullable: true, description: 'The waybill (运单号); needed without a ticket, and must match the ticket’s when both are given.' })
  waybillNo?: string | null;

  @Field(() => ClaimType)
  kind: string;

  @Field(() => Claimant)
  claimant: string;

  @Field(() => Float, { description: 'What the claimant asks for, in whole fen (not above the declared value where one was declared).' })
  claimedFen: number;

  @Field(() => Float, { nullable: true, description: 'The goods’ actual value (实际价值), whole fen; to be proven (PROOF_OF_VALUE).' })
  actualValueFen?: number | null;

  @Field(() => Float, { nullable: true, description: 'Damage and partial loss: the actual loss (实际损失), whole fen, not above the value.' })
  actualLossFen?: number | null;

  @Field(() => RefusalCause, { nullable: true, description: 'Return freight: why the consignee refused.' })
  refusalCause?: string | null;

  @Field(() => String, { nullable: true, description: 'What happened, up to 4,000 characters.' })
  description?: string | null;
}

/** A piece of evidence for a claim (理赔材料). */
@InputType()
export class AddClaimEvidenceInput {
  @Field(() => ID)
  claimId: string;

  @Field({ description: 'The item it is offered as (see Claim.evidenceRequirements), e.g. PROOF_OF_VALUE.' })
  item: string;

  @Field(() => EvidenceKind)
  kind: string;

  @Field({ description: 'Where the uploaded file is stored.' })
  storageRef: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

/** Reviewing a claim's evidence (审核材料). */
@InputType()
export class ReviewClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => Int, { description: 'The version you read; someone else’s change in between is CONFLICT.' })
  version: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Deciding a claim (理赔判定): HQ's findings; every amount comes from the rules. */
@InputType({ description: 'HQ’s findings for the decision; the amounts, parties and bearing place come from the liability rules on the graph’s facts.' })
export class DecideClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'The shipper was told of the uninsured cap when shipping (告知赔偿限额).' })
  notifiedOfCap: boolean;

  @Field({ nullable: true, description: 'The carrier acted with intent or gross negligence (故意或重大过失): no cap.' })
  intentOrGrossNegligence?: boolean;

  @Field(() => Exemption, { nullable: true, description: 'Why the carrier is not liable, when it is not (免责事由).' })
  exemption?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Approving or withdrawing a claim. */
@InputType()
export class ClaimVersionInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Rejecting a claim (拒赔). */
@InputType()
export class RejectClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Why, for the claimant and the audit trail.' })
  reason: string;
}
