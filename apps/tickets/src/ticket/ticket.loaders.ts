import type { DataSource, EntityManager } from 'typeorm';
import { BY_UUID, groupedLoader, keyedLoader, uuidKeys } from '@courierdesk/platform-subgraph';
import { MAX_TICKETS_PER_WAYBILL } from '../common/list-bounds';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from './ticket.row';

/** One line of a ticket's timeline that the SLA clocks read: status moves, replies, customer messages. */
export interface ClockEventRow {
  ticketId: string;
  at: Date;
  type: string;
  field: string | null;
  toValue: string | null;
}

/** Audit lines the clocks read (the rest of the trail is history only). */
export const CLOCK_EVENT_TYPES = ['CREATED', 'REPLIED', 'CUSTOMER_MESSAGE', 'REOPENED'] as const;

/**
 * The clocks' timelines of some tickets, in one statement: their status moves, replies, customer
 * messages and reopenings, in the order written (the loader, a write's recompute, the breach sweep).
 */
export async function readClockEvents(db: Pick<EntityManager, 'query'>, ticketIds: readonly string[]): Promise<ClockEventRow[]> {
  return (await db.query(
    `SELECT e.ticket_id::text AS "ticketId", e.at, e.type, e.field, e.to_value AS "toValue"
       FROM ticket_event e
      WHERE e.ticket_id = ANY($1::uuid[]) AND (e.field = 'status' OR e.type = ANY($2::text[]))
      ORDER BY e.ticket_id, e.id`,
    [ticketIds, CLOCK_EVENT_TYPES],
  )) as ClockEventRow[];
}

/**
 * Loaders of tickets for one request: rows by id, the clocks' timelines, the tickets of waybills.
 * `viewerOutlet` gives the caller's outlet when outlet-bound (asked only when needed: a token bound
 * to no outlet fails that field, not the request): a waybill's tickets are cut to the ones
 * it is party to before the list's bound, so another outlet's tickets never crowd its own out.
 */
export function ticketLoaders(ds: DataSource, viewerOutlet: () => string | null = () => null) {
  return {
    ticket: keyedLoader<string, TicketRow>(
      async (ids) =>
        ((await ds.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.id = ANY($1::uuid[])`, [uuidKeys(ids)])) as Record<string, unknown>[]).map(ticketRowOf),
      (row) => row.id,
      BY_UUID,
    ),
    clockEvents: groupedLoader<string, ClockEventRow>((ids) => readClockEvents(ds, uuidKeys(ids)), (row) => row.ticketId, BY_UUID),
    // Newest first, at most MAX_TICKETS_PER_WAYBILL per waybill, every waybill of the level in one statement.
    ticketsOfWaybill: groupedLoader<string, TicketRow>(
      async (numbers) =>
        ((await ds.query(
          `SELECT ${TICKET_COLUMNS}
             FROM unnest($1::text[]) AS n(waybill_no)
             CROSS JOIN LATERAL (
               SELECT * FROM ticket x
                WHERE x.waybill_no = n.waybill_no AND ($3::uuid IS NULL OR x.responsible_outlet_id = $3::uuid OR x.counterpart_outlet_id = $3::uuid)
                ORDER BY x.opened_at DESC, x.id LIMIT $2
             ) t`,
          [[...new Set(numbers)], MAX_TICKETS_PER_WAYBILL, viewerOutlet()],
        )) as Record<string, unknown>[]).map(ticketRowOf),
      (row) => row.waybillNo as string,
    ),
  };
}
