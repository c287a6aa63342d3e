import type { EntityManager } from 'typeorm';

/** Who did something, and when: the first columns of every audit line. */
export interface AuditActor {
  subject: string;
  outletId: string | null;
  at: Date;
}

/** One line of an aggregate's audit trail (操作记录): what happened, and for a field change, from → to. */
export interface AuditLine {
  type: string;
  field?: string | null;
  from?: string | null;
  to?: string | null;
  detail?: Record<string, unknown> | null;
}

/** Where an aggregate keeps its trail: the table and the column naming the aggregate's row. */
export interface AuditTrail {
  table: string;
  keyColumn: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A value as an audit line stores it: text, an instant in ISO 8601, an object as JSON; null stays null. */
export function auditText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Appends lines to an aggregate's append-only audit trail (who, when, type, field, from → to,
 * detail), all in one statement, inside the caller's transaction. The trail's table has the columns
 * (`<keyColumn>`, at, actor, actor_outlet_id, type, field, from_value, to_value, detail).
 */
export async function appendAuditLines(manager: Pick<EntityManager, 'query'>, trail: AuditTrail, key: string, actor: AuditActor, lines: readonly AuditLine[]): Promise<void> {
  if (lines.length === 0) return;
  if (!IDENTIFIER.test(trail.table) || !IDENTIFIER.test(trail.keyColumn)) throw new Error(`appendAuditLines: ${trail.table}.${trail.keyColumn} is not a plain identifier`);
  await manager.query(
    `INSERT INTO ${trail.table} (${trail.keyColumn}, at, actor, actor_outlet_id, type, field, from_value, to_value, detail)
     SELECT $1, $2, $3, $4, e.type, e.field, e.from_value, e.to_value, e.detail
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[]) AS e(type, field, from_value, to_value, detail)`,
    [
      key,
      actor.at,
      actor.subject,
      actor.outletId,
      lines.map((l) => l.type),
      lines.map((l) => l.field ?? null),
      lines.map((l) => l.from ?? null),
      lines.map((l) => l.to ?? null),
      lines.map((l) => (l.detail ? JSON.stringify(l.detail) : null)),
    ],
  );
}
