import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalData, listSize } from '@courierdesk/platform-subgraph';
import { ticketOwner, type TicketParties } from '../common/access';
import { OutletRef } from '../refs/refs.type';

/** What a problem parcel needs now (问题件状态标记): domain-ticket's flags. */
export const ProblemParcelFlag = {
  ANSWER_DUE: 'ANSWER_DUE',
  ANSWERED: 'ANSWERED',
  OVERDUE_FLAG_FOR_RETURN: 'OVERDUE_FLAG_FOR_RETURN',
  RETURN_TO_ORIGIN: 'RETURN_TO_ORIGIN',
} as const;
registerEnumType(ProblemParcelFlag, {
  name: 'ProblemParcelFlag',
  description:
    'ANSWER_DUE (the other outlet has until answerDueAt), ANSWERED, OVERDUE_FLAG_FOR_RETURN (unanswered past the limit: the parcel is returned), RETURN_TO_ORIGIN (recipient unreachable for the policy’s days: back to the origin outlet).',
});

/** The two piles an outlet stores problem parcels in (再派件 / 无法派送件). */
export const ProblemDisposition = { RE_DELIVER: 'RE_DELIVER', CANNOT_DELIVER: 'CANNOT_DELIVER' } as const;
registerEnumType(ProblemDisposition, { name: 'ProblemDisposition', description: 'RE_DELIVER (再派件): delivered once the fault is fixed; CANNOT_DELIVER (无法派送件): goes back, on, to claims or to the authorities.' });

/** A problem parcel between two outlets (问题件工单): who registered it, who answers, by when, and what it needs now. */
@ObjectType({ description: 'A problem parcel between outlets (问题件): the registering and the answering outlet, the answer deadline and answer, and what the parcel needs now.' })
export class ProblemParcelOrder {
  @Field(() => OutletRef, { description: 'The outlet that registered it (the ticket’s responsible outlet).' })
  registeringOutlet: OutletRef;

  @Field(() => OutletRef, { description: 'The other outlet, notified, which must answer.' })
  answeringOutlet: OutletRef;

  @Field(() => ProblemDisposition, { description: 'Which pile the problem type goes to.' })
  disposition: string;

  @Field({ description: 'When the answering outlet must have answered (回复截止时间).' })
  answerDueAt: Date;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field({ description: 'Answered after the deadline (still answered; the lateness is on record).' })
  answeredLate: boolean;

  @PersonalData<ProblemParcelOrder>({ subject: 'STAFF', datum: 'NAME', owner: (order) => ticketOwner(order.parties) })
  @Field(() => String, { nullable: true, description: 'Who answered (回复人), by name.' })
  answeredBy: string | null;

  @PersonalData<ProblemParcelOrder>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (order) => ticketOwner(order.parties) })
  @Field(() => String, { nullable: true, description: 'The answer; long numbers masked without pii:read.' })
  answer: string | null;

  @Field(() => Date, { nullable: true, description: 'The first failed attempt to reach the recipient.' })
  firstUnreachableAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'RECIPIENT_UNREACHABLE: when the parcel is due back to the origin outlet.' })
  returnDueAt: Date | null;

  @Directive(listSize(2))
  @Field(() => [ProblemParcelFlag], { description: 'What it needs now, by the clock.' })
  flags: string[];

  @Field({ description: 'The problem-parcel policy version in force at registration, e.g. problem-parcel-2020.1.' })
  policyVersion: string;

  /** The ticket's parties: the answer's personal data is disclosed by them. */
  parties: TicketParties;
}
