import type { EntityManager } from 'typeorm';
import { ticketsError } from '../common/tickets.errors';
import { COLUMN_OF, TICKET_COLUMNS, ticketRowOf, type TicketRow } from './ticket.row';

/** Who did something, and when (the audit trail's first columns). */
export interface Actor {
  subject: string;
  outletId: string | null;
  at: Date;
}

/** One line of the audit trail (工单操作记录). */
export interface TicketEventInput {
  type: string;
  field?: string | null;
  from?: string | null;
  to?: string | null;
  detail?: Record<string, unknown> | null;
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

/** The ticket, locked for this transaction (SELECT … FOR UPDATE); null when there is none. */
export async function lockTicket(manager: EntityManager, id: string): Promise<TicketRow | null> {
  const [raw] = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.id = $1 FOR UPDATE`, [id])) as Record<string, unknown>[];
  return raw ? ticketRowOf(raw) : null;
}

/** Appends lines to the audit trail, in one statement. */
export async function appendEvents(manager: EntityManager, ticketId: string, actor: Actor, events: readonly TicketEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO ticket_event (ticket_id, at, actor, actor_outlet_id, type, field, from_value, to_value, detail)
     SELECT $1, $2, $3, $4, e.type, e.field, e.from_value, e.to_value, e.detail
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[]) AS e(type, field, from_value, to_value, detail)`,
    [
      ticketId,
      actor.at,
      actor.subject,
      actor.outletId,
      events.map((e) => e.type),
      events.map((e) => e.field ?? null),
      events.map((e) => e.from ?? null),
      events.map((e) => e.to ?? null),
      events.map((e) => (e.detail ? JSON.stringify(e.detail) : null)),
    ],
  );
}

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
  const changed = (Object.keys(changes) as (keyof TicketRow)[]).filter((field) => text(changes[field]) !== text(before[field]));
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
    .map((field) => ({ type, field: String(field), from: text(before[field]), to: text(changes[field]) }));
  await appendEvents(manager, before.id, actor, [...lines, ...extra]);
  return ticketRowOf(raw);
}

// Derived columns: recomputed by every write from the rest, their changes are not the agent's acts.
const UNAUDITED = new Set<keyof TicketRow>(['slaDueAt', 'slaBreachedAt', 'updatedAt', 'version']);
