import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CommentVisibility, PLACEHOLDERS, TICKET_KINDS, TicketKind, type CannedReply as DomainCannedReply } from '@courierdesk/domain-ticket';
import { connectionType, listSize, PersonalData } from '@courierdesk/platform-subgraph';
import { ticketOwner, type TicketParties } from '../common/access';
import { OutletRef, outletRef } from '../refs/refs.type';
import { Ticket } from '../ticket/ticket.type';
import { CUSTOMER_AUTHOR, type CommentRow } from './comment.row';

/** A comment on a ticket (备注/回复): an internal note, a note shared between outlets, a reply to the customer or the customer's message. */
@ObjectType('TicketComment', {
  description:
    'A comment on a ticket: INTERNAL (the author’s side only), SHARED (the outlets of the case), CUSTOMER (a reply to the customer, or — fromCustomer — the customer’s own message).',
})
export class TicketComment {
  @Field(() => ID)
  id: string;

  @Field(() => CommentVisibility)
  visibility: string;

  @PersonalData<TicketComment>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (comment) => ticketOwner(comment.parties) })
  @Field(() => String, { nullable: true, description: 'The text as stored (a canned reply already filled); long numbers masked without pii:read.' })
  body: string | null;

  @Field({ description: 'Who wrote it: the subject of their token; `customer` for the customer’s own message (the agent who recorded it is in the audit trail).' })
  author: string;

  @Field(() => OutletRef, { nullable: true, description: 'The outlet the author wrote for; null for headquarters and the customer.' })
  authorOutlet: OutletRef | null;

  @Field({ description: 'The customer’s own message (客户来信), recorded by recordCustomerMessage.' })
  fromCustomer: boolean;

  @Field(() => String, { nullable: true, description: 'The canned reply (标准回复) the text was filled from.' })
  cannedReplyCode: string | null;

  @Field()
  createdAt: Date;

  ticketId: string;
  authorOutletId: string | null;
  /** The ticket's parties: the body's owner for the personal-data policy. */
  parties: TicketParties;
}

/** The schema's view of a comment row of a ticket with these parties. */
export function toComment(row: CommentRow, parties: TicketParties): TicketComment {
  return Object.assign(new TicketComment(), {
    id: row.id,
    visibility: row.visibility,
    body: row.body,
    author: row.author,
    authorOutlet: outletRef(row.authorOutletId),
    fromCustomer: row.author === CUSTOMER_AUTHOR && row.visibility === 'CUSTOMER' && row.authorOutletId === null,
    cannedReplyCode: row.cannedReplyCode,
    createdAt: row.createdAt,
    ticketId: row.ticketId,
    authorOutletId: row.authorOutletId,
    parties: { responsibleOutletId: parties.responsibleOutletId, counterpartOutletId: parties.counterpartOutletId },
  });
}

/** A ticket's comments, oldest first. */
export const TicketCommentConnection = connectionType(TicketComment, 'TicketComment');

/** A standard reply (标准回复) of the catalogue. */
@ObjectType({ description: 'A standard reply (标准回复): Chinese text whose {{placeholders}} are filled from the waybill’s live data when sent.' })
export class CannedReply {
  @Field({ description: 'Stable code, e.g. STATUS_ANSWER: give it to replyToCustomer.' })
  code: string;

  @Field({ description: 'Short Chinese title agents pick it by.' })
  title: string;

  @Directive(listSize(TICKET_KINDS.length))
  @Field(() => [TicketKind], { description: 'Kinds of ticket it is offered for.' })
  kinds: string[];

  @Field({ description: 'The template, with {{placeholder}}s.' })
  template: string;
}

/** The schema's view of a catalogue entry. */
export const toCannedReply = (reply: DomainCannedReply): CannedReply =>
  Object.assign(new CannedReply(), { code: reply.code, title: reply.title, kinds: [...reply.kinds], template: reply.body });

/** A canned reply filled for one ticket, not sent. */
@ObjectType({ description: 'A canned reply filled from the ticket’s waybill now, not sent: what the customer would read.' })
export class CannedReplyPreview {
  @Field()
  code: string;

  @PersonalData<CannedReplyPreview>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (preview) => ticketOwner(preview.parties) })
  @Field(() => String, { nullable: true, description: 'The filled text; a value the waybill lacks reads 暂无.' })
  text: string | null;

  @Directive(listSize(PLACEHOLDERS.length))
  @Field(() => [String], { description: 'Placeholders the waybill had no value for (shown as 暂无): check them before sending.' })
  missingPlaceholders: string[];

  parties: TicketParties;
}

/** A comment written, and its ticket after it. */
@ObjectType({ description: 'The comment written, and its ticket after it (a reply moves the version, the first-reply time and the clocks).' })
export class TicketCommentPayload {
  @Field(() => TicketComment)
  comment: TicketComment;

  @Field(() => Ticket)
  ticket: Ticket;

  @Directive(listSize(PLACEHOLDERS.length))
  @Field(() => [String], { description: 'replyToCustomer: placeholders the waybill had no value for (sent as 暂无); empty otherwise.' })
  missingPlaceholders: string[];
}
