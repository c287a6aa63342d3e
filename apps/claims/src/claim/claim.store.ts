import type { EntityManager } from 'typeorm';
import { appendAuditLines, auditText, type AuditActor, type AuditLine } from '@courierdesk/platform-db';
import { claimsError } from '../common/claims.errors';
import { CLAIM_COLUMNS, claimRowOf, COLUMN_OF, type ClaimRow } from './claim.row';

/** Who did something, and when (the audit trail's first columns). */
export type Actor = AuditActor;

/** One line of the audit trail (理赔操作记录). */
export type ClaimEventInput = AuditLine;

/** A claim's audit trail (理赔操作记录). */
export const CLAIM_TRAIL = { table: 'claim_event', keyColumn: 'claim_id' };


/** The claim, locked for this transaction (SELECT … FOR UPDATE); null when there is none. */
export async function lockClaim(manager: EntityManager, id: string): Promise<ClaimRow | null> {
  const [raw] = (await manager.query(`SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.id = $1 FOR UPDATE`, [id])) as Record<string, unknown>[];
  return raw ? claimRowOf(raw) : null;
}

/** Appends lines to a claim's audit trail, in one statement. */
export const appendClaimEvents = (manager: EntityManager, claimId: string, actor: Actor, events: readonly ClaimEventInput[]): Promise<void> =>
  appendAuditLines(manager, CLAIM_TRAIL, claimId, actor, events);

// The decision record is audited by one DECIDED line carrying it whole, not as a field diff; the
// headless-parcel search by a HEADLESS_SEARCH_SEEN line.
const UNAUDITED = new Set<keyof ClaimRow>(['updatedAt', 'version', 'decision', 'headlessSearch']);
const JSON_FIELDS = new Set<keyof ClaimRow>(['decision', 'headlessSearch']);

/**
 * Writes a change to a locked claim: only the fields that differ, the version moved on, one audit
 * line per changed field (who, when, field, from → to) plus `extra` lines. The WHERE on the version
 * is the optimistic lock's last word, even for a caller that forgot to lock the row.
 */
export async function saveClaimChange(
  manager: EntityManager,
  before: ClaimRow,
  changes: Partial<ClaimRow>,
  actor: Actor,
  type: string,
  extra: readonly ClaimEventInput[] = [],
): Promise<ClaimRow> {
  const changed = (Object.keys(changes) as (keyof ClaimRow)[]).filter((field) => auditText(changes[field]) !== auditText(before[field]));
  const value = (field: keyof ClaimRow) => (JSON_FIELDS.has(field) ? (changes[field] ? JSON.stringify(changes[field]) : null) : (changes[field] ?? null));
  const sets = changed.map((field, i) => `${COLUMN_OF[field]} = $${i + 3}`);
  // TypeORM returns [rows, count] for an UPDATE … RETURNING on PostgreSQL.
  const [rows] = (await manager.query(
    `UPDATE claim c SET ${[...sets, 'version = c.version + 1', `updated_at = $${changed.length + 3}`].join(', ')}
      WHERE c.id = $1 AND c.version = $2 RETURNING ${CLAIM_COLUMNS}`,
    [before.id, before.version, ...changed.map(value), actor.at],
  )) as [Record<string, unknown>[], number];
  const raw = rows[0];
  if (!raw) throw claimsError('CLAIM_VERSION_CONFLICT', `Claim ${before.number} was changed by someone else; reload it and try again`);
  const lines: ClaimEventInput[] = changed
    .filter((field) => !UNAUDITED.has(field))
    .map((field) => ({ type, field: String(field), from: auditText(before[field]), to: auditText(changes[field]) }));
  await appendClaimEvents(manager, before.id, actor, [...lines, ...extra]);
  return claimRowOf(raw);
}
