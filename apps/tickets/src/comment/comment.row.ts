import { selectList, withDates, type ColumnTable } from '@courierdesk/platform-subgraph';

/** A stored comment (备注/回复) of a ticket; comment.type.ts is the contract. */
export interface CommentRow {
  id: string;
  ticketId: string;
  visibility: string;
  body: string;
  author: string;
  authorOutletId: string | null;
  cannedReplyCode: string | null;
  createdAt: Date;
}

type P = keyof CommentRow;

const COLUMNS: ColumnTable<P> = [
  ['id::text', 'id'], ['ticket_id::text', 'ticketId'], ['visibility', 'visibility'], ['body', 'body'], ['author', 'author'],
  ['author_outlet_id::text', 'authorOutletId'], ['canned_reply_code', 'cannedReplyCode'], ['created_at', 'createdAt'],
];

const TIMESTAMPS = new Set<P>(['createdAt']);

/** The select list of a comment row under alias `c` (created_at as epoch milliseconds, made a Date by {@link commentRowOf}). */
export const COMMENT_COLUMNS = selectList('c', COLUMNS, { epochMs: TIMESTAMPS });

/** A raw row selected with COMMENT_COLUMNS, made a CommentRow. */
export const commentRowOf = (raw: Record<string, unknown>): CommentRow => withDates<CommentRow>(raw, TIMESTAMPS);

/**
 * The author of a message the customer sent (客户来信), recorded by an agent or outlet: not a
 * token's subject (those are `agent-…`, `partner-…`, `service:…`); the recorder is the actor of the
 * CUSTOMER_MESSAGE audit line.
 */
export const CUSTOMER_AUTHOR = 'customer';
