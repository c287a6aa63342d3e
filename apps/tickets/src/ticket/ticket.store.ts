import type { EntityManager } from 'typeorm';
import { appendAuditLines, auditText, type AuditActor, type AuditLine } from '@courierdesk/platform-db';
import { ticketsError } from '../common/tickets.errors';
import { COLUMN_OF, TICKET_COLUMNS, ticketRowOf, type TicketRow } from './ticket.row';

/** Who did something, and when (the audit trail's first columns). */
export type Actor = AuditActor;

/** One line of the audit trail (工单操作记录). */
export type TicketEventInput = AuditLine;


/** The ticket, locked for this transaction (SELECT … FOR UPDATE); null when there is none. */
export async function lockTicket(manager: EntityManager, id: string): Promise<TicketRow | null> {
  const [raw] = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.id = $1 FOR UPDATE`, [id])) as Record<string, unknown>[];
  return raw ? ticketRowOf(raw) : null;
}

/** The desk's audit trail (工单操作记录). */
const TICKET_TRAIL = { table: 'ticket_event', keyColumn: 'ticket_id' };

/** Appends lines to a ticket's audit trail, in one statement. */
export const appendEvents = (manager: EntityManager, ticketId: string, actor: Actor, events: readonly TicketEventInput[]): Promise<void> =>
  appendAuditLines(manager, TICKET_TRAIL, ticketId, actor, events);

/**
 * Writes a change to a locked ticket: only the fields that differ, the version moved on, one audit
 * line per changed field (who, when, field, from → to) plus `extra` lines. The WHERE on the version
 * is the optimistic lock's last word, even for a caller that forgot to lock the row.
 */
export async function saveChange(
  manager: EntityManager,
  before: TicketRow,
  changes: Partial<TicketRow>,
  actor: Actor,
  type: string,
  extra: readonly TicketEventInput[] = [],
  audited: (field: keyof TicketRow) => boolean = (field) => !UNAUDITED.has(field),
): Promise<TicketRow> {
  const changed = (Object.keys(changes) as (keyof TicketRow)[]).filter((field) => auditText(changes[field]) !== auditText(before[field]));
  const sets = changed.map((field, i) => `${COLUMN_OF[field]} = $${i + 3}`);
  // TypeORM returns [rows, count] for an UPDATE … RETURNING on PostgreSQL.
  const [rows] = (await manager.query(
    `UPDATE ticket t SET ${[...sets, 'version = t.version + 1', `updated_at = $${changed.length + 3}`].join(', ')}
      WHERE t.id = $1 AND t.version = $2 RETURNING ${TICKET_COLUMNS}`,
    [before.id, before.version, ...changed.map((field) => changes[field] ?? null), actor.at],
  )) as [Record<string, unknown>[], number];
  const raw = rows[0];
  if (!raw) throw ticketsError('TICKET_VERSION_CONFLICT', `Ticket ${before.number} was changed by someone else; reload it and try again`);
  const lines: TicketEventInput[] = changed
    .filter(audited)
    .map((field) => ({ type, field: String(field), from: auditText(before[field]), to: auditText(changes[field]) }));
  await appendEvents(manager, before.id, actor, [...lines, ...extra]);
  return ticketRowOf(raw);
}

// Derived columns: recomputed by every write from the rest, their changes are not the agent's acts.
const UNAUDITED = new Set<keyof TicketRow>(['slaDueAt', 'slaBreachedAt', 'updatedAt', 'version']);
