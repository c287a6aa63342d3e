import { isUuid } from '@courierdesk/domain-core';
import { decodeCursor, encodeCursor, platformError } from '@courierdesk/platform-subgraph';
import { TICKET_COLUMNS, type TicketRow } from './ticket.row';

/** What the agent's queue (我的工单) is filtered by; every filter is on an indexed column. */
export interface TicketCriteria {
  /** null: the open statuses. */
  statuses: readonly string[] | null;
  kinds: readonly string[] | null;
  /** Tickets this outlet is party to (responsible or the other outlet of a problem parcel). */
  outletId: string | null;
  transitCentreId: string | null;
  assignee: string | null;
  /** true: past a deadline (a clock breached, or the nearest deadline has passed); false: not. */
  breached: boolean | null;
  openedFrom: Date | null;
  openedTo: Date | null;
  waybillNo: string | null;
  /** The caller's outlet when outlet-bound: only tickets it is party to. */
  restrictOutletId: string | null;
  now: Date;
}

/** The cursor of a ticket in the queue's order: nearest deadline (none last), then opening, then id. */
export const queueCursorOf = (row: TicketRow): string => encodeCursor([row.slaDueAt ? row.slaDueAt.getTime() : null, row.openedAt.getTime(), row.id]);

/**
 * One page of the queue, ordered by the nearest deadline (`queue_key`: the SLA due time, tickets
 * whose clocks are all paused or met last), then opening time and id — a keyset on an index.
 */
export function ticketPageQuery(criteria: TicketCriteria, size: number, after: string | null | undefined): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const add = (value: unknown, type: string): string => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const where: string[] = [];
  where.push(criteria.statuses ? `t.status = ANY(${add(criteria.statuses, 'text[]')})` : `t.status NOT IN ('RESOLVED', 'CLOSED')`);
  if (criteria.kinds) where.push(`t.kind = ANY(${add(criteria.kinds, 'text[]')})`);
  // An outlet's queue is two index walks (responsible, counterpart) merged: an OR of the two would
  // be a bitmap scan of the outlet's whole history and a sort. A second outlet (a partner filtering
  // on another) is a plain filter.
  const [party, other] = [criteria.outletId, criteria.restrictOutletId].filter((o): o is string => o !== null);
  const partyParam = party ? add(party, 'uuid') : null;
  if (other && other !== party) {
    const p = add(other, 'uuid');
    where.push(`(t.responsible_outlet_id = ${p} OR t.counterpart_outlet_id = ${p})`);
  }
  if (criteria.transitCentreId) where.push(`t.responsible_transit_centre_id = ${add(criteria.transitCentreId, 'uuid')}`);
  if (criteria.assignee) where.push(`t.assignee = ${add(criteria.assignee, 'text')}`);
  if (criteria.waybillNo) where.push(`t.waybill_no = ${add(criteria.waybillNo, 'text')}`);
  if (criteria.breached !== null) {
    const late = `(t.sla_breached_at IS NOT NULL OR t.sla_due_at < ${add(criteria.now, 'timestamptz')})`;
    where.push(criteria.breached ? late : `NOT ${late}`);
  }
  if (criteria.openedFrom) where.push(`t.opened_at >= ${add(criteria.openedFrom, 'timestamptz')}`);
  if (criteria.openedTo) where.push(`t.opened_at < ${add(criteria.openedTo, 'timestamptz')}`);
  if (after) {
    const [due, opened, id] = decodeCursor(after, 3);
    if ((due !== null && typeof due !== 'number') || typeof opened !== 'number' || !isUuid(id)) {
      throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
    }
    const dueAt = due === null ? `'infinity'::timestamptz` : add(new Date(due as number), 'timestamptz');
    where.push(`(t.queue_key, t.opened_at, t.id) > (${dueAt}, ${add(new Date(opened as number), 'timestamptz')}, ${add(id, 'uuid')})`);
  }
  const limit = add(size + 1, 'int');
  const order = `ORDER BY t.queue_key, t.opened_at, t.id LIMIT ${limit}`;
  if (!partyParam) return { sql: `SELECT ${TICKET_COLUMNS} FROM ticket t WHERE ${where.join(' AND ')}\n    ${order}`, params };
  const conditions = where.join(' AND ');
  // A problem parcel's two outlets differ, so no ticket is in both walks; the IS DISTINCT FROM keeps it so regardless.
  const sql = `SELECT ${TICKET_COLUMNS} FROM (
      (SELECT * FROM ticket t WHERE t.responsible_outlet_id = ${partyParam} AND ${conditions} ${order})
      UNION ALL
      (SELECT * FROM ticket t WHERE t.counterpart_outlet_id = ${partyParam} AND t.responsible_outlet_id IS DISTINCT FROM ${partyParam} AND ${conditions} ${order})
    ) t
    ${order}`;
  return { sql, params };
}
