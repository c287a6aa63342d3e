import type { EntityManager } from 'typeorm';
import type { AuditActor, AuditLine } from '@courierdesk/platform-db';
import type { RecordedHeadlessSearch } from '../claim/claim-decision';
import { appendClaimEvents } from '../claim/claim.store';

export { appendClaimEvents };
import { fenOf } from './ledger.service';

/** The columns of a claim the money side reads (the contract with the claims migration). */
export interface ClaimMoneyRow {
  id: string;
  number: string;
  status: string;
  version: number;
  approvedFen: number | null;
  bearingPlaceKind: 'OUTLET' | 'TRANSIT_CENTRE' | null;
  bearingPlaceId: string | null;
  waybillNo: string | null;
  paidAt: Date | null;
  kind: string;
  /** The decision's treatedAs (LOSS for a thorough delay of a parcel still missing). */
  treatedAs: string | null;
}

/** Who acted, and when (the audit trail's first columns). */
export type MoneyActor = AuditActor;

/** One line of a claim's audit trail (理赔操作记录). */
export type ClaimEventLine = AuditLine;

const COLUMNS = `c.id, c.number, c.status, c.version, c.approved_fen::text AS "approvedFen", c.bearing_place_kind AS "bearingPlaceKind",
  c.bearing_place_id AS "bearingPlaceId", c.waybill_no AS "waybillNo", c.paid_at AS "paidAt", c.kind, c.decision->>'treatedAs' AS "treatedAs"`;

/** The claim, locked for this transaction (SELECT … FOR UPDATE); null when there is none. */
export async function lockClaimForMoney(manager: EntityManager, claimId: string): Promise<ClaimMoneyRow | null> {
  const [raw] = (await manager.query(`SELECT ${COLUMNS} FROM claim c WHERE c.id = $1 FOR UPDATE`, [claimId])) as Record<string, unknown>[];
  if (!raw) return null;
  return {
    ...(raw as unknown as ClaimMoneyRow),
    approvedFen: raw.approvedFen === null ? null : fenOf(raw.approvedFen),
    // The claims migration (claims-core) spells a transit centre HUB; the ledger's account is TRANSIT_CENTRE:<id> either way.
    bearingPlaceKind: raw.bearingPlaceKind === 'HUB' ? 'TRANSIT_CENTRE' : (raw.bearingPlaceKind as ClaimMoneyRow['bearingPlaceKind']),
  };
}

/**
 * Marks a locked claim PAID: status, paid_at, version + 1, updated_at, with the audit lines — the
 * WHERE on the version is the optimistic lock's last word. False when the version moved on. A lost
 * parcel's payment records the headless-parcel search it relied on (`search`; null keeps the claim's).
 */
export async function markClaimPaid(
  manager: EntityManager,
  claim: ClaimMoneyRow,
  actor: MoneyActor,
  extra: readonly ClaimEventLine[],
  search: RecordedHeadlessSearch | null = null,
): Promise<boolean> {
  const [rows] = (await manager.query(
    `UPDATE claim SET status = 'PAID', paid_at = $3, version = version + 1, updated_at = $3, headless_search = COALESCE($4::jsonb, headless_search)
      WHERE id = $1 AND version = $2 RETURNING id`,
    [claim.id, claim.version, actor.at, search ? JSON.stringify(search) : null],
  )) as [unknown[], number];
  if (rows.length === 0) return false;
  await appendClaimEvents(manager, claim.id, actor, [{ type: 'PAID', field: 'status', from: claim.status, to: 'PAID' }, ...extra]);
  return true;
}

