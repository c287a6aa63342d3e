import type { DataSource } from 'typeorm';
import { isUuid } from '@courierdesk/domain-core';
import { childPagesLoader, type ChildPageKey } from '@courierdesk/platform-subgraph';
import { COMMENT_COLUMNS, commentRowOf, type CommentRow } from './comment.row';

/** A page of one ticket's comments, as one caller may read them. */
export interface TicketCommentsKey extends ChildPageKey {
  /** The caller's outlet when outlet-bound (its own INTERNAL notes only); null for HQ (everything). */
  readerOutletId: string | null;
}

/**
 * The comments of every ticket of a level, a page each, oldest first on (created_at, id), in one
 * statement (a LATERAL walk of the (ticket_id, created_at, id) index per ticket). The visibility
 * rule (domain-ticket canReadComment) runs in SQL for an outlet-bound reader, so its pages are full:
 * INTERNAL notes only of its own outlet. The ticket itself was checked by whoever resolved it.
 */
export function commentLoaders(ds: DataSource) {
  return {
    ticketComments: childPagesLoader<TicketCommentsKey, CommentRow>({
      sortKeyLength: 2,
      validAfter: ([at, id]) => typeof at === 'number' && isUuid(id),
      parentOf: (row) => row.ticketId,
      sortKey: (row) => [row.createdAt.getTime(), row.id],
      fetch: async (ticketIds, limit, after, key) => {
        const params: unknown[] = [ticketIds, limit];
        const add = (value: unknown, type: string) => {
          params.push(value);
          return `$${params.length}::${type}`;
        };
        const where = ['x.ticket_id = p.id'];
        if (key.readerOutletId) where.push(`(x.visibility <> 'INTERNAL' OR x.author_outlet_id = ${add(key.readerOutletId, 'uuid')})`);
        if (after) where.push(`(x.created_at, x.id) > (${add(new Date(after[0] as number), 'timestamptz')}, ${add(after[1], 'uuid')})`);
        const rows = (await ds.query(
          `SELECT ${COMMENT_COLUMNS}
             FROM unnest($1::uuid[]) AS p(id)
             CROSS JOIN LATERAL (SELECT * FROM ticket_comment x WHERE ${where.join(' AND ')} ORDER BY x.created_at, x.id LIMIT $2) c`,
          params,
        )) as Record<string, unknown>[];
        return rows.map(commentRowOf);
      },
    }),
  };
}
