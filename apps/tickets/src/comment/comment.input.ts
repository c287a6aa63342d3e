import { Field, ID, InputType } from 'type-graphql';
import { CommentVisibility } from '@courierdesk/domain-ticket';

/** A note on a ticket (备注). */
@InputType({ description: 'A note on a ticket: INTERNAL (your side only) or SHARED (the outlets of the case). Replies to the customer go through replyToCustomer.' })
export class CommentOnTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => CommentVisibility, { description: 'INTERNAL or SHARED (CUSTOMER is refused: USE_REPLY_TO_CUSTOMER).' })
  visibility: string;

  @Field({ description: '1–4,000 characters.' })
  body: string;
}

/** A reply to the customer (回复客户). */
@InputType({ description: 'A reply to the customer: a canned reply (filled from the waybill’s live data), free text, or a canned reply’s code with your edit of its text as body.' })
export class ReplyToCustomerInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => String, { nullable: true, description: 'A canned reply (标准回复) of cannedReplies.' })
  cannedReplyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The text (1–4,000 characters); may use the canned replies’ {{placeholders}}. With cannedReplyCode: your edit of that reply’s template.' })
  body?: string | null;
}

/** The customer wrote again (客户来信). */
@InputType({ description: 'What the customer said (by phone, chat, app), recorded on the ticket: it starts a next-reply clock.' })
export class RecordCustomerMessageInput {
  @Field(() => ID)
  ticketId: string;

  @Field({ description: '1–4,000 characters.' })
  body: string;
}
