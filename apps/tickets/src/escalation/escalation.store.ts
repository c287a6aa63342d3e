import type { EntityManager } from 'typeorm';
import { canMove, type TicketStatus } from '@courierdesk/domain-ticket';
import { newId } from '@courierdesk/platform-subgraph';
import type { EscalationContact } from '../graph/escalation-chains';
import type { TicketRow } from '../ticket/ticket.row';
import type { Actor, TicketEventInput } from '../ticket/ticket.store';

/** Why a ticket went up a level: an agent's decision, a missed deadline, or a 12305 case (which starts at the top). */
export const EscalationCause = { MANUAL: 'MANUAL', BREACH: 'BREACH', REGULATOR: 'REGULATOR' } as const;
/** Why a ticket went up a level. */
export type EscalationCause = (typeof EscalationCause)[keyof typeof EscalationCause];

/** The idempotency key of a 12305 case's first step: one per ticket, like a breach's. */
export const REGULATOR_STEP_KEY = 'REGULATOR_12305';

/** One step to record (升级记录): the level reached and whom to call there. */
export interface EscalationStepInput {
  /** The level reached; at the top of the chain, the top itself (a breach there alerts HQ again). */
  level: string;
  fromLevel: string | null;
  cause: EscalationCause;
  /** Set for automatic steps: the same key is never recorded twice for a ticket (unique index). */
  breachKey: string | null;
  reason: string | null;
  contact: EscalationContact | null;
}

/** A stored escalation step. */
export interface EscalationRow {
  id: string;
  ticketId: string;
  level: string;
  fromLevel: string | null;
  cause: string;
  breachKey: string | null;
  reason: string | null;
  contactName: string | null;
  contactPhone: string | null;
  actor: string;
  at: Date;
}

/** The select list of an escalation row under alias `e`. */
export const ESCALATION_COLUMNS = `e.id::text AS id, e.ticket_id::text AS "ticketId", e.level, e.from_level AS "fromLevel", e.cause,
  e.breach_key AS "breachKey", e.reason, e.contact_name AS "contactName", e.contact_phone AS "contactPhone", e.actor, e.at`;

/**
 * Records steps in one statement. A step whose breach key the ticket already has is skipped by the
 * unique index (`ON CONFLICT … DO NOTHING`), so two sweeping processes, or a sweep after a restart,
 * record a breach once. Returns the steps written.
 */
export async function insertEscalations(manager: EntityManager, ticketId: string, steps: readonly EscalationStepInput[], actor: Actor): Promise<EscalationStepInput[]> {
  if (steps.length === 0) return [];
  const ids = steps.map(() => newId());
  const written = (await manager.query(
    `INSERT INTO ticket_escalation (id, ticket_id, level, from_level, cause, breach_key, reason, contact_name, contact_phone, actor, at)
     SELECT s.id, $1, s.level, s.from_level, s.cause, s.breach_key, s.reason, s.contact_name, s.contact_phone, $2, $3
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         WITH ORDINALITY AS s(id, level, from_level, cause, breach_key, reason, contact_name, contact_phone, n)
      ORDER BY s.n
     ON CONFLICT (ticket_id, breach_key) WHERE breach_key IS NOT NULL DO NOTHING
     RETURNING id::text AS id`,
    [
      ticketId,
      actor.subject,
      actor.at,
      ids,
      steps.map((s) => s.level),
      steps.map((s) => s.fromLevel),
      steps.map((s) => s.cause),
      steps.map((s) => s.breachKey),
      steps.map((s) => s.reason),
      steps.map((s) => s.contact?.name ?? null),
      steps.map((s) => s.contact?.phone ?? null),
    ],
  )) as { id: string }[];
  const kept = new Set(written.map((r) => r.id));
  return steps.filter((_, i) => kept.has(ids[i]));
}

/**
 * The ticket's change for recorded steps: the level of the last one, ESCALATED where the transitions
 * allow it (an ESCALATED ticket stays), and one ESCALATED audit line per step — without the
 * contact's name or phone, which stay in the escalation record under the personal-data policy.
 */
export function escalationChange(row: TicketRow, steps: readonly EscalationStepInput[]): { changes: Partial<TicketRow>; type: string; extra: TicketEventInput[] } {
  const changes: Partial<TicketRow> = { escalationLevel: steps[steps.length - 1].level };
  if (row.status !== 'ESCALATED' && canMove(row.status as TicketStatus, 'ESCALATED')) changes.status = 'ESCALATED';
  return {
    changes,
    type: 'ESCALATED',
    extra: steps.map((s) => ({
      type: 'ESCALATED',
      from: s.fromLevel,
      to: s.level,
      detail: { cause: s.cause, breachKey: s.breachKey, reason: s.reason, contactRole: s.contact?.role ?? null, atTop: s.fromLevel === s.level },
    })),
  };
}

/** The first contact of the chain with this role (several desks with one role: the first listed), or null. */
export const contactFor = (contacts: readonly EscalationContact[] | null, role: string): EscalationContact | null =>
  contacts?.find((c) => c.role === role) ?? null;
