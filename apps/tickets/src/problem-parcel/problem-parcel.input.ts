import { Field, ID, InputType, Int } from 'type-graphql';

/** The other outlet's answer to a problem parcel (问题件回复). */
@InputType({ description: 'The answer of the notified outlet (or HQ) to a problem parcel, given by a named person.' })
export class AnswerProblemParcelInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'The person who answers (回复人), by name: an answer is given by someone, not by "the outlet".' })
  answeredBy: string;

  @Field({ description: 'What the outlet will do or found out, up to 4,000 characters.' })
  answer: string;
}

/** A failed attempt to reach the recipient of a problem parcel (联系不上收件人). */
@InputType({ description: 'The recipient could not be reached (again). The first report starts the days after which the parcel goes back to the origin outlet.' })
export class ReportRecipientUnreachableInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  version: number;
}
