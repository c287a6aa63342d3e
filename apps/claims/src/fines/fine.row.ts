import { fenOf } from '../ledger/ledger.service';

/** Why an outlet is fined (罚款原因). The first three take their amount from the fine schedule in force (finesFor). */
export const FINE_REASONS = ['NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', 'NO_EVIDENCE', 'FALSE_SIGN_OFF', 'OTHER'] as const;
/** A fine's reason. */
export type FineReason = (typeof FINE_REASONS)[number];

/** Where a fine stands (罚款状态): issued, disputed (arbitration open), or decided by arbitration. */
export const FINE_STATUSES = ['ISSUED', 'DISPUTED', 'UPHELD', 'OVERTURNED', 'REDUCED'] as const;
/** A fine's status. */
export type FineStatus = (typeof FINE_STATUSES)[number];

/** How HQ decides an arbitration (仲裁结果). */
export const ARBITRATION_OUTCOMES = ['UPHELD', 'OVERTURNED', 'REDUCED'] as const;
/** An arbitration's outcome. */
export type ArbitrationOutcome = (typeof ARBITRATION_OUTCOMES)[number];

/** A fine as stored. */
export interface FineRow {
  id: string;
  outletId: string;
  reason: FineReason;
  amountFen: number;
  claimId: string | null;
  ticketId: string | null;
  waybillNo: string | null;
  evidenceRefs: string[];
  note: string | null;
  ruleCode: string | null;
  ruleVersion: string | null;
  explanationZh: string | null;
  status: FineStatus;
  version: number;
  issuedAt: Date;
  issuedBy: string;
  entryId: string;
  updatedAt: Date;
}

/** An arbitration case (仲裁) as stored. */
export interface ArbitrationRow {
  id: string;
  fineId: string;
  statement: string;
  evidenceRefs: string[];
  status: 'OPEN' | 'DECIDED';
  openedAt: Date;
  openedBy: string;
  outcome: ArbitrationOutcome | null;
  reducedToFen: number | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  reversalEntryId: string | null;
}

/** The fine's select list under alias `f`. */
export const FINE_COLUMNS = `f.id, f.outlet_id AS "outletId", f.reason, f.amount_fen::text AS "amountFen", f.claim_id AS "claimId", f.ticket_id AS "ticketId",
  f.waybill_no AS "waybillNo", f.evidence_refs AS "evidenceRefs", f.note, f.rule_code AS "ruleCode", f.rule_version AS "ruleVersion",
  f.explanation_zh AS "explanationZh", f.status, f.version, f.issued_at AS "issuedAt", f.issued_by AS "issuedBy", f.entry_id AS "entryId", f.updated_at AS "updatedAt"`;

/** The arbitration's select list under alias `a`. */
export const ARBITRATION_COLUMNS = `a.id, a.fine_id AS "fineId", a.statement, a.evidence_refs AS "evidenceRefs", a.status, a.opened_at AS "openedAt", a.opened_by AS "openedBy",
  a.outcome, a.reduced_to_fen::text AS "reducedToFen", a.decision_note AS "decisionNote", a.decided_by AS "decidedBy", a.decided_at AS "decidedAt",
  a.reversal_entry_id AS "reversalEntryId"`;

/** A fine row from its select list (bigint amounts come as text). */
export const fineRowOf = (raw: Record<string, unknown>): FineRow => ({ ...(raw as unknown as FineRow), amountFen: fenOf(raw.amountFen) });

/** An arbitration row from its select list. */
export const arbitrationRowOf = (raw: Record<string, unknown>): ArbitrationRow => ({
  ...(raw as unknown as ArbitrationRow),
  reducedToFen: raw.reducedToFen === null ? null : fenOf(raw.reducedToFen),
});

/** What the outlet owes on a fine now: the fine, less what arbitration took back. */
export function owedFen(fine: FineRow, arbitration: ArbitrationRow | null): number {
  if (fine.status === 'OVERTURNED') return 0;
  if (fine.status === 'REDUCED' && arbitration?.reducedToFen != null) return arbitration.reducedToFen;
  return fine.amountFen;
}
