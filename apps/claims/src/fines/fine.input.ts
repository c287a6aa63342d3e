import { Field, Float, ID, InputType } from 'type-graphql';
import { ArbitrationOutcomeEnum, FineReasonEnum } from './fine.type';

/** issueFine's argument (开罚单). */
@InputType({ description: 'A fine on an outlet. Schedule reasons take the amount in force when the case arose; OTHER needs amountFen and a note.' })
export class IssueFineInput {
  @Field(() => ID)
  outletId: string;

  @Field(() => FineReasonEnum)
  reason: string;

  @Field(() => Float, { nullable: true, description: 'OTHER only: a positive whole number of fen.' })
  amountFen?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the case arose (the ticket opened); default now. The schedule in force then applies.' })
  caseAt?: Date | null;

  @Field(() => ID, { nullable: true })
  claimId?: string | null;

  @Field(() => ID, { nullable: true })
  ticketId?: string | null;

  @Field(() => String, { nullable: true })
  waybillNo?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 20 references of the evidence behind the fine.' })
  evidenceRefs?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters; required for OTHER.' })
  note?: string | null;
}

/** disputeFine's argument (申诉). */
@InputType({ description: 'The fined outlet’s dispute: its statement and evidence. Opens an arbitration case that HQ decides.' })
export class DisputeFineInput {
  @Field(() => ID)
  fineId: string;

  @Field({ description: '1–2,000 characters.' })
  statement: string;

  @Field(() => [String], { nullable: true })
  evidenceRefs?: string[] | null;
}

/** decideArbitration's argument (仲裁裁决). */
@InputType({ description: 'HQ’s decision on a disputed fine; the ledger follows it.' })
export class DecideArbitrationInput {
  @Field(() => ID)
  fineId: string;

  @Field(() => ArbitrationOutcomeEnum)
  outcome: string;

  @Field(() => Float, { nullable: true, description: 'REDUCED only: what the outlet owes after all, 1 fen to one fen less than the fine.' })
  reducedToFen?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
