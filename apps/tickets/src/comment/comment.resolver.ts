import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CANNED_REPLIES, canReadComment, TicketKind } from '@courierdesk/domain-ticket';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, listSize, PageArgs, type Page } from '@courierdesk/platform-subgraph';
import { callerOutlet, partyOutletIds, type TicketParties } from '../common/access';
import { MAX_CANNED_REPLIES } from '../common/list-bounds';
import { Ticket, toTicket } from '../ticket/ticket.type';
import type { TicketsContext } from '../tickets.loaders';
import { CommentOnTicketInput, RecordCustomerMessageInput, ReplyToCustomerInput } from './comment.input';
import type { CommentRow } from './comment.row';
import type { CommentWritten, TicketCommentService } from './comment.service';
import { CannedReply, CannedReplyPreview, TicketComment, TicketCommentConnection, TicketCommentPayload, toCannedReply, toComment } from './comment.type';

const payload = ({ comment, ticket, missing }: CommentWritten): TicketCommentPayload =>
  Object.assign(new TicketCommentPayload(), { comment: toComment(comment, ticket), ticket: toTicket(ticket), missingPlaceholders: missing });

/** Comments, replies to the customer and the canned-reply catalogue (标准回复). Thin: arguments → service → type. */
@Resolver(() => Ticket)
export class TicketCommentResolver {
  constructor(private readonly commentService: TicketCommentService) {}

  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => TicketCommentConnection, {
    description: 'The comments you may read, oldest first: INTERNAL notes of your own side only, SHARED notes, and the conversation with the customer.',
  })
  async comments(@Root() ticket: Ticket, @Args() page: PageArgs, @Ctx() ctx: TicketsContext): Promise<Page<TicketComment>> {
    const own = callerOutlet(ctx.identity);
    const result = await ctx.loaders.ticketComments.load({ parentId: ticket.id, readerOutletId: own, first: page.first, after: page.after });
    // The statement applied the rule already; the domain's own rule has the last word.
    const viewer = { hq: own === null, outletId: own };
    const parties = { outletIds: partyOutletIds(ticket) };
    const readable = (row: CommentRow) => canReadComment(viewer, { visibility: row.visibility as never, authorOutletId: row.authorOutletId }, parties);
    return { pageInfo: result.pageInfo, edges: result.edges.filter((edge) => readable(edge.node)).map((edge) => ({ cursor: edge.cursor, node: toComment(edge.node, ticket) })) };
  }

  @Authorized(Scope.TICKETS_READ)
  @Directive(listSize(MAX_CANNED_REPLIES))
  @Query(() => [CannedReply], { description: 'The standard replies (标准回复库), in catalogue order; those offered for a kind of ticket when given.' })
  cannedReplies(@Arg('kind', () => TicketKind, { nullable: true }) kind: string | null): CannedReply[] {
    return CANNED_REPLIES.filter((reply) => !kind || reply.kinds.includes(kind as never)).map(toCannedReply);
  }

  @Authorized(Scope.TICKETS_READ)
  @Query(() => CannedReplyPreview, { description: 'A canned reply filled from the ticket’s waybill now (live data), not sent; with the placeholders that had no value.' })
  async previewCannedReply(@Arg('ticketId', () => ID) ticketId: string, @Arg('code') code: string, @Ctx() ctx: TicketsContext): Promise<CannedReplyPreview> {
    const { ticket, text, missing } = await this.commentService.preview(ctx.identity, ticketId, code);
    return Object.assign(new CannedReplyPreview(), { code, text, missingPlaceholders: missing, parties: parties(ticket) });
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => TicketCommentPayload, { description: 'Writes a note (备注) on a ticket: INTERNAL (your side only) or SHARED (the outlets of the case).' })
  async commentOnTicket(@Arg('input', () => CommentOnTicketInput) input: CommentOnTicketInput, @Ctx() ctx: TicketsContext): Promise<TicketCommentPayload> {
    return payload(await this.commentService.comment(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => TicketCommentPayload, {
    description: 'Replies to the customer (回复客户): a canned reply filled from the waybill’s live data, or free text. The first reply meets the first-reply clock.',
  })
  async replyToCustomer(@Arg('input', () => ReplyToCustomerInput) input: ReplyToCustomerInput, @Ctx() ctx: TicketsContext): Promise<TicketCommentPayload> {
    return payload(await this.commentService.reply(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => TicketCommentPayload, {
    description: 'Records what the customer said again (客户来信): starts a next-reply clock; a ticket waiting for the customer goes back to IN_PROGRESS.',
  })
  async recordCustomerMessage(@Arg('input', () => RecordCustomerMessageInput) input: RecordCustomerMessageInput, @Ctx() ctx: TicketsContext): Promise<TicketCommentPayload> {
    return payload(await this.commentService.customerMessage(ctx.identity, input));
  }
}

const parties = (ticket: TicketParties): TicketParties => ({ responsibleOutletId: ticket.responsibleOutletId, counterpartOutletId: ticket.counterpartOutletId });
