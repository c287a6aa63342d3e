import type { DataSource } from 'typeorm';
import { isUuid } from '@courierdesk/domain-core';
import { BY_UUID, childPagesLoader, groupedLoader, uuidKeys, type ChildPageKey } from '@courierdesk/platform-subgraph';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from '../ticket/ticket.row';

/** A page of the open tickets of one outlet or transit centre (the place's queue). */
export interface PlaceTicketsKey extends ChildPageKey {
  place: 'OUTLET' | 'TRANSIT_CENTRE';
  /** The caller's outlet when outlet-bound: only tickets it is party to. */
  restrictOutletId: string | null;
}

/** An outlet's figures (网点时效统计). */
export interface SlaStatsRow {
  outletId: string;
  open: number;
  breached: number;
  medianFirstReplyMinutes: number | null;
  repliedTickets: number;
}

/** How far back the first-reply median looks. */
export const SLA_STATS_WINDOW_DAYS = 30;

/**
 * Loaders of what tickets adds to the network's places: each level's pages in one statement (a
 * LATERAL walk of the (place, queue order) index per place), and the SLA figures of every outlet of
 * a response in one aggregate.
 */
export function placeTicketLoaders(ds: DataSource, clock: () => Date) {
  return {
    placeTickets: childPagesLoader<PlaceTicketsKey, TicketRow>({
      sortKeyLength: 3,
      validAfter: ([due, opened, id]) => (due === null || typeof due === 'number') && typeof opened === 'number' && isUuid(id),
      parentOf: (row) => (row as TicketRow & { parentId: string }).parentId,
      sortKey: (row) => [row.slaDueAt ? row.slaDueAt.getTime() : null, row.openedAt.getTime(), row.id],
      fetch: async (parentIds, limit, after, key) => {
        const params: unknown[] = [parentIds, limit];
        const add = (value: unknown, type: string) => {
          params.push(value);
          return `$${params.length}::${type}`;
        };
        const where = [`x.status NOT IN ('RESOLVED', 'CLOSED')`];
        if (key.restrictOutletId) {
          const own = add(key.restrictOutletId, 'uuid');
          where.push(`(x.responsible_outlet_id = ${own} OR x.counterpart_outlet_id = ${own})`);
        }
        if (after) {
          const [due, opened, id] = after;
          where.push(
            `(x.queue_key, x.opened_at, x.id) > (${due === null ? `'infinity'::timestamptz` : add(new Date(due as number), 'timestamptz')}, ${add(new Date(opened as number), 'timestamptz')}, ${add(id, 'uuid')})`,
          );
        }
        const conditions = where.join(' AND ');
        const order = 'ORDER BY x.queue_key, x.opened_at, x.id LIMIT $2';
        // An outlet's open tickets are two index walks in queue order (responsible, counterpart) merged,
        // as the queue reads them (ticket-queue.query.ts); an OR would read the outlet's whole history.
        const walk =
          key.place === 'OUTLET'
            ? `SELECT * FROM (
                 (SELECT * FROM ticket x WHERE x.responsible_outlet_id = p.id AND ${conditions} ${order})
                 UNION ALL
                 (SELECT * FROM ticket x WHERE x.counterpart_outlet_id = p.id AND x.responsible_outlet_id IS DISTINCT FROM p.id AND ${conditions} ${order})
               ) x ${order}`
            : `SELECT * FROM ticket x WHERE x.responsible_transit_centre_id = p.id AND ${conditions} ${order}`;
        const rows = (await ds.query(
          `SELECT p.id::text AS "parentId", ${TICKET_COLUMNS}
             FROM unnest($1::uuid[]) AS p(id)
             CROSS JOIN LATERAL (${walk}) t`,
          params,
        )) as Record<string, unknown>[];
        return rows.map((raw) => Object.assign(ticketRowOf(raw), { parentId: raw.parentId as string }));
      },
    }),
    slaStats: groupedLoader<string, SlaStatsRow>(
      async (outletIds) =>
        (await ds.query(
          `SELECT p.id::text AS "outletId",
                  count(*) FILTER (WHERE t.status NOT IN ('RESOLVED', 'CLOSED'))::int AS open,
                  count(*) FILTER (WHERE t.status NOT IN ('RESOLVED', 'CLOSED') AND (t.sla_breached_at IS NOT NULL OR t.sla_due_at < $2))::int AS breached,
                  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_reply_at - t.opened_at) / 60)
                     FILTER (WHERE t.first_reply_at IS NOT NULL AND t.opened_at >= $3))::float8 AS "medianFirstReplyMinutes",
                  count(*) FILTER (WHERE t.first_reply_at IS NOT NULL AND t.opened_at >= $3)::int AS "repliedTickets"
             FROM unnest($1::uuid[]) AS p(id)
             LEFT JOIN ticket t ON (t.responsible_outlet_id = p.id OR t.counterpart_outlet_id = p.id)
                               AND (t.status NOT IN ('RESOLVED', 'CLOSED') OR t.opened_at >= $3)
            GROUP BY p.id`,
          [uuidKeys(outletIds), clock(), new Date(clock().getTime() - SLA_STATS_WINDOW_DAYS * 86_400_000)],
        )) as SlaStatsRow[],
      (row) => row.outletId,
      BY_UUID,
    ),
  };
}
