import type { DataSource, EntityManager } from 'typeorm';
import type { CommentVisibility, Placeholder, TicketStatus } from '@courierdesk/domain-ticket';
import { assertStatusChange } from '@courierdesk/domain-ticket';
import { withTransaction } from '@courierdesk/platform-db';
import { newId } from '@courierdesk/platform-subgraph';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet, canSeeTicket } from '../common/access';
import { MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import type { WaybillDirectory } from '../graph/waybill-facts';
import type { SlaDesk } from '../sla/sla-desk';
import { referenceArg, textArg } from '@courierdesk/platform-subgraph';
import type { TicketWorkflowService } from '../ticket/ticket-workflow.service';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from '../ticket/ticket.row';
import { appendEvents, saveChange, type Actor } from '../ticket/ticket.store';
import type { CommentOnTicketInput, RecordCustomerMessageInput, ReplyToCustomerInput } from './comment.input';
import { COMMENT_COLUMNS, commentRowOf, CUSTOMER_AUTHOR, type CommentRow } from './comment.row';
import { cannedReply, renderFromWaybill } from './reply-text';

/** A comment written, the ticket after it, and a reply's placeholders that had no value. */
export interface CommentWritten {
  comment: CommentRow;
  ticket: TicketRow;
  missing: Placeholder[];
}

/**
 * Comments (备注) and the conversation with the customer (回复客户、客户来信). Notes are history
 * only: an audit line (COMMENTED), no version move, so a busy case's notes never make an agent's
 * edit conflict. A reply and a customer message are the conversation the SLA clocks run on: each
 * writes its audit line (REPLIED, CUSTOMER_MESSAGE, which the SLA desk reads), moves the version —
 * an agent about to resolve must see what the customer just said — and recomputes the clocks, in
 * the comment's transaction. Neither takes a version: a reply never conflicts.
 */
export class TicketCommentService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly waybills: WaybillDirectory,
    private readonly sla: SlaDesk,
    private readonly workflow: TicketWorkflowService,
  ) {}

  /** An internal or shared note (内部备注、网点共享备注). */
  async comment(identity: Identity, input: CommentOnTicketInput): Promise<CommentWritten> {
    const visibility = input.visibility as CommentVisibility;
    if (visibility !== 'INTERNAL' && visibility !== 'SHARED') {
      throw ticketsError('USE_REPLY_TO_CUSTOMER', 'A note is INTERNAL or SHARED; reply to the customer with replyToCustomer');
    }
    const body = textArg(input.body, 'body', MAX_TEXT_LENGTH, true) as string;
    const actor = this.actor(identity);
    return withTransaction(this.ds, async (manager) => {
      const ticket = await this.workflow.lockForChange(manager, identity, input.ticketId, null);
      const comment = await insertComment(manager, ticket.id, { visibility, body, author: actor.subject, authorOutletId: actor.outletId, cannedReplyCode: null, createdAt: actor.at });
      // The audit line names the note, never quotes it: the trail is read wider than an INTERNAL note may be.
      await appendEvents(manager, ticket.id, actor, [{ type: 'COMMENTED', detail: { commentId: comment.id, visibility } }]);
      return { comment, ticket, missing: [] };
    });
  }

  /**
   * A reply to the customer (回复客户): a canned reply filled from the waybill's live facts, or
   * free text (its placeholders filled the same way). The stored comment keeps the text sent and the
   * canned code; the first reply sets first_reply_at and meets the FIRST_REPLY clock.
   */
  async reply(identity: Identity, input: ReplyToCustomerInput): Promise<CommentWritten> {
    const code = input.cannedReplyCode?.trim() || null;
    const edited = textArg(input.body, 'body', MAX_TEXT_LENGTH);
    if (!code && !edited) throw ticketsError('REPLY_BODY_REQUIRED', 'A reply needs a cannedReplyCode or a body');
    const canned = code ? cannedReply(code) : null;
    const template = edited ?? (canned?.body as string);
    const seen = await this.visibleTicket(identity, input.ticketId);
    const actor = this.actor(identity);
    const rendered = await renderFromWaybill(template, seen.waybillNo, this.waybills, actor.at);
    if (rendered.text.length > MAX_TEXT_LENGTH) throw ticketsError('INVALID_TEXT', `body is longer than ${MAX_TEXT_LENGTH} characters once filled`);
    return withTransaction(this.ds, async (manager) => {
      const before = await this.workflow.lockForChange(manager, identity, seen.id, null);
      const comment = await insertComment(manager, before.id, {
        visibility: 'CUSTOMER', body: rendered.text, author: actor.subject, authorOutletId: actor.outletId, cannedReplyCode: code, createdAt: actor.at,
      });
      // first_reply_at is the first REPLIED line's instant, so it gets no field line of its own: a
      // field line typed REPLIED would read as a second reply on the clocks.
      const after = await saveChange(manager, before, before.firstReplyAt ? {} : { firstReplyAt: actor.at }, actor, 'REPLIED', [
        { type: 'REPLIED', detail: { commentId: comment.id, cannedReplyCode: code, missingPlaceholders: rendered.missing } },
      ], () => false);
      return { comment, ticket: await this.sla.recompute(manager, after, actor.at, actor), missing: rendered.missing };
    });
  }

  /**
   * The customer wrote or called again (客户来信): stored as a CUSTOMER comment whose author is
   * `customer` (every party reads the conversation), with a CUSTOMER_MESSAGE audit line by whoever
   * recorded it — the next-reply clock starts there. A ticket waiting for the customer goes back to
   * IN_PROGRESS: the wait is over. A resolved or closed ticket keeps its status (reopening is an
   * agent's decision, within the reopen window, with a reason).
   */
  async customerMessage(identity: Identity, input: RecordCustomerMessageInput): Promise<CommentWritten> {
    const body = textArg(input.body, 'body', MAX_TEXT_LENGTH, true) as string;
    const actor = this.actor(identity);
    return withTransaction(this.ds, async (manager) => {
      const before = await this.workflow.lockForChange(manager, identity, input.ticketId, null);
      const comment = await insertComment(manager, before.id, { visibility: 'CUSTOMER', body, author: CUSTOMER_AUTHOR, authorOutletId: null, cannedReplyCode: null, createdAt: actor.at });
      const changes: Partial<TicketRow> = {};
      if (before.status === 'WAITING_FOR_CUSTOMER') {
        assertStatusChange({ from: before.status as TicketStatus, to: 'IN_PROGRESS', resolvedAt: before.resolvedAt, now: actor.at });
        changes.status = 'IN_PROGRESS';
      }
      // The status line is STATUS_CHANGED (the clocks resume there); the message is a line of its own.
      const after = await saveChange(manager, before, changes, actor, 'STATUS_CHANGED', [{ type: 'CUSTOMER_MESSAGE', detail: { commentId: comment.id } }]);
      return { comment, ticket: await this.sla.recompute(manager, after, actor.at, actor), missing: [] };
    });
  }

  /** A canned reply filled for a ticket now, not stored (预览). */
  async preview(identity: Identity, ticketId: string, code: string): Promise<{ ticket: TicketRow; text: string; missing: Placeholder[] }> {
    const reply = cannedReply(code);
    const ticket = await this.visibleTicket(identity, ticketId);
    const rendered = await renderFromWaybill(reply.body, ticket.waybillNo, this.waybills, this.clock());
    return { ticket, text: rendered.text, missing: rendered.missing };
  }

  /** The ticket when the caller may see it; NOT_FOUND otherwise (no existence oracle). */
  private async visibleTicket(identity: Identity, ticketId: string): Promise<TicketRow> {
    const id = referenceArg(ticketId, 'ticketId') as string;
    const [raw] = (await this.ds.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.id = $1`, [id])) as Record<string, unknown>[];
    const row = raw ? ticketRowOf(raw) : null;
    if (!row || !canSeeTicket(identity, row)) throw ticketsError('TICKET_NOT_FOUND', `No ticket ${ticketId}`);
    return row;
  }

  private actor(identity: Identity): Actor {
    return { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
  }
}

/** Inserts one comment and returns its row. */
async function insertComment(manager: EntityManager, ticketId: string, comment: Omit<CommentRow, 'id' | 'ticketId'>): Promise<CommentRow> {
  const [raw] = (await manager.query(
    `INSERT INTO ticket_comment AS c (id, ticket_id, visibility, body, author, author_outlet_id, canned_reply_code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COMMENT_COLUMNS}`,
    [newId(), ticketId, comment.visibility, comment.body, comment.author, comment.authorOutletId, comment.cannedReplyCode, comment.createdAt],
  )) as Record<string, unknown>[];
  return commentRowOf(raw);
}
