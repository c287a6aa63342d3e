import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { finesFor, prematureSignOff, type FineInput } from '@courierdesk/domain-liability';
import type { EvidenceOutcome } from '@courierdesk/domain-ticket';
import { isForeignKeyViolation, isUniqueViolation, violatedConstraint, withTransaction } from '@courierdesk/platform-db';
import type { Identity } from '@courierdesk/platform-auth';
import { MAX_EVIDENCE_REFS } from '../common/list-bounds';
import type { TicketDirectory } from '../graph/ticket-facts';
import type { WaybillDirectory } from '../graph/waybill-facts';
import { NETWORK_ACCOUNT, outletAccount } from '../ledger/ledger-account';
import { ledgerError } from '../ledger/ledger.errors';
import { transfer, type LedgerService } from '../ledger/ledger.service';
import { textArg, uuidArg } from '@courierdesk/platform-subgraph';
import { actorOf, assertMoneyDecider, callerOutlet } from '../ledger/money-access';
import { ARBITRATION_COLUMNS, arbitrationRowOf, FINE_COLUMNS, FINE_REASONS, fineRowOf, type ArbitrationOutcome, type ArbitrationRow, type FineReason, type FineRow } from './fine.row';

/** What issueFine asks. */
export interface IssueFineInput {
  outletId: string;
  reason: FineReason;
  /** Only for OTHER: the schedule's reasons take the amount in force at `caseAt`. */
  amountFen?: number | null;
  /** When the case arose (the ticket opened); the fine schedule in force then applies. Default: now. */
  caseAt?: Date | null;
  claimId?: string | null;
  ticketId?: string | null;
  waybillNo?: string | null;
  evidenceRefs?: string[] | null;
  note?: string | null;
}

/** What disputeFine asks: the outlet's statement and its evidence. */
export interface DisputeFineInput {
  fineId: string;
  statement: string;
  evidenceRefs?: string[] | null;
}

/** What decideArbitration asks. */
export interface DecideArbitrationInput {
  fineId: string;
  outcome: ArbitrationOutcome;
  /** Only for REDUCED: what the outlet owes after all, 1 fen to one fen less than the fine. */
  reducedToFen?: number | null;
  note?: string | null;
}

/** A fine and its arbitration case, if any. */
export interface FineWithArbitration {
  fine: FineRow;
  arbitration: ArbitrationRow | null;
}

const MAX_NOTE = 2_000;
const MAX_REFS = MAX_EVIDENCE_REFS;
const MAX_REF = 500;

// The fine schedule's reasons, as the facts finesFor reads (the case was lost on evidence, or the sign-off was false).
/** Where a fine's facts come from: the tickets and tracking subgraphs, through the graph (never the caller). */
export interface FineFactSources {
  tickets: TicketDirectory;
  waybills: WaybillDirectory;
}

/** The schedule's facts of a fine, read from the case: what finesFor decides on. */
type ScheduleFacts = Pick<FineInput, 'evidence' | 'falseSignOff'>;

/**
 * Outlet fines (网点罚款) and their arbitration (仲裁). HQ issues a fine: the amount from the
 * schedule in force when the case arose (the liability library's finesFor) or, for OTHER, as HQ
 * states it; the fine posts OUTLET → NETWORK at once. The fined outlet may dispute it once, which
 * opens an arbitration case; HQ decides it and the ledger follows: OVERTURNED posts a FINE_REVERSAL
 * of the whole fine (NETWORK → OUTLET), REDUCED of the difference, UPHELD posts nothing. Each act
 * locks the fine row; a fine is decided once (the arbitration's status under that lock, and the
 * ledger's one-reversal-per-fine index).
 */
export class FineService {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerService,
    private readonly clock: () => Date,
    private readonly sources: FineFactSources,
  ) {}

  /**
   * The facts of a scheduled fine, from the case itself: a missing-evidence fine from the ticket's
   * evidence decision (tickets' decideOnEvidence: AGAINST_OUTLET when the outlet did not deliver
   * accepted evidence in time), against the ticket's responsible outlet; a false sign-off from the
   * waybill's scans (a delivery scan after the sign-off) or a "signed but not received" ticket lost on
   * evidence. HQ names the case; it does not assert the facts.
   */
  private async scheduleFacts(input: IssueFineInput, outletId: string): Promise<ScheduleFacts | null> {
    if (input.reason === 'OTHER') return null;
    const ticket = input.ticketId ? await this.sources.tickets.facts(uuidArg(input.ticketId, 'ticketId')) : null;
    if (input.ticketId && !ticket) throw ledgerError('FINE_CASE_NOT_FOUND', `No ticket ${input.ticketId}`);
    if (input.reason === 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE' || input.reason === 'NO_EVIDENCE') {
      if (!ticket) throw ledgerError('FINE_CASE_REQUIRED', `A ${input.reason} fine is decided on a ticket's evidence: give ticketId`);
      if (ticket.responsibleOutletId !== outletId) throw ledgerError('FINE_NOT_SUPPORTED', `Ticket ${ticket.number} is not this outlet's to answer with evidence`);
      const upstairs = input.reason === 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE';
      if (upstairs && ticket.reason !== 'NOT_DELIVERED_UPSTAIRS') throw ledgerError('FINE_NOT_SUPPORTED', `Ticket ${ticket.number} is not a "not delivered upstairs" complaint`);
      return { evidence: { reason: upstairs ? 'NOT_DELIVERED_UPSTAIRS' : 'OTHER', outcome: (ticket.evidenceOutcome ?? 'PENDING') as EvidenceOutcome } };
    }
    // A false sign-off shows in the waybill's scans, or in a "signed but not received" ticket lost on evidence.
    const notReceived = ticket?.kind === 'SIGNED_NOT_RECEIVED' ? ((ticket.evidenceOutcome ?? 'PENDING') as EvidenceOutcome) : null;
    const waybillNo = textArg(input.waybillNo, 'waybillNo', 40) ?? ticket?.waybillNo ?? null;
    if (!waybillNo && notReceived === null) {
      throw ledgerError('FINE_CASE_REQUIRED', 'A false sign-off fine is decided on the waybill’s scans or a signed-not-received ticket: give waybillNo or ticketId');
    }
    const waybill = waybillNo ? await this.sources.waybills.facts(waybillNo) : null;
    if (waybillNo && !waybill) throw ledgerError('FINE_CASE_NOT_FOUND', `No waybill ${waybillNo}`);
    return { falseSignOff: { premature: waybill ? prematureSignOff(waybill.scans) : null, notReceivedOutcome: notReceived } };
  }

  /** Issues a fine (开罚单) and posts it; HQ with claims:decide only. */
  async issue(identity: Identity, input: IssueFineInput): Promise<FineRow> {
    assertMoneyDecider(identity, 'fine outlets');
    const actor = actorOf(identity, this.clock());
    const outletId = uuidArg(input.outletId, 'outletId');
    if (!(FINE_REASONS as readonly string[]).includes(input.reason)) throw ledgerError('INVALID_TEXT', `reason: one of ${FINE_REASONS.join(', ')}`);
    const caseAt = input.caseAt ?? actor.at;
    if (input.reason !== 'OTHER' && input.amountFen != null) {
      throw ledgerError('AMOUNT_SET_BY_POLICY', `The amount of a ${input.reason} fine is the schedule’s in force when the case arose; leave amountFen out`);
    }
    const { amountFen, ruleCode, ruleVersion, explanationZh } = fineAmount(input, caseAt, await this.scheduleFacts(input, outletId));
    const claimId = input.claimId == null ? null : uuidArg(input.claimId, 'claimId');
    const ticketId = input.ticketId == null ? null : uuidArg(input.ticketId, 'ticketId');
    const waybillNo = textArg(input.waybillNo, 'waybillNo', 40);
    const evidenceRefs = refs(input.evidenceRefs);
    const note = textArg(input.note, 'note', MAX_NOTE, input.reason === 'OTHER');
    const id = randomUUID();
    try {
      return await withTransaction(this.ds, async (manager) => {
        const entry = await this.ledger.post(manager, {
          kind: 'FINE',
          fineId: id,
          claimId,
          at: actor.at,
          memo: `网点罚款 ${input.reason}${waybillNo ? `（运单 ${waybillNo}）` : ''}`,
          actor: actor.subject,
          actorOutletId: actor.outletId,
          postings: transfer(outletAccount(outletId), NETWORK_ACCOUNT, amountFen),
        });
        const [raw] = (await manager.query(
          `INSERT INTO fine AS f (id, outlet_id, reason, amount_fen, claim_id, ticket_id, waybill_no, evidence_refs, note, rule_code, rule_version, explanation_zh,
                             status, issued_at, issued_by, entry_id, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'ISSUED', $13, $14, $15, $13)
           RETURNING ${FINE_COLUMNS}`,
          [id, outletId, input.reason, String(amountFen), claimId, ticketId, waybillNo, evidenceRefs, note, ruleCode, ruleVersion, explanationZh, actor.at, actor.subject, entry.id],
        )) as Record<string, unknown>[];
        return fineRowOf(raw);
      });
    } catch (err) {
      if (isUniqueViolation(err) && String(violatedConstraint(err)).startsWith('fine_once_per')) {
        throw ledgerError('FINE_ALREADY_ISSUED', 'This outlet was fined for this reason on this case already');
      }
      if (isForeignKeyViolation(err) && ['ledger_entry_claim_id_fkey', 'fine_claim_id_fkey'].includes(violatedConstraint(err) ?? '')) throw ledgerError('CLAIM_NOT_FOUND', `No claim ${claimId}`);
      throw err;
    }
  }

  /** The fined outlet disputes its fine (申诉), opening an arbitration case; once, while the fine is ISSUED. */
  async dispute(identity: Identity, input: DisputeFineInput): Promise<FineWithArbitration> {
    const own = callerOutlet(identity);
    if (own === null) throw ledgerError('OUTLET_ONLY', 'Only the fined outlet disputes a fine');
    const fineId = uuidArg(input.fineId, 'fineId');
    const statement = textArg(input.statement, 'statement', MAX_NOTE, true) as string;
    const evidenceRefs = refs(input.evidenceRefs);
    const actor = actorOf(identity, this.clock());
    return withTransaction(this.ds, async (manager) => {
      const fine = await lockFine(manager, fineId);
      // Another outlet's fine does not exist for this caller (no existence oracle).
      if (!fine || fine.outletId !== own) throw ledgerError('FINE_NOT_FOUND', `No fine ${input.fineId}`);
      if (fine.status !== 'ISSUED') throw ledgerError('FINE_NOT_DISPUTABLE', `This fine is ${fine.status}; a fine is disputed once, while it is ISSUED`);
      const [raw] = (await manager.query(
        `INSERT INTO arbitration AS a (id, fine_id, statement, evidence_refs, status, opened_at, opened_by, opened_by_outlet_id)
         VALUES ($1, $2, $3, $4, 'OPEN', $5, $6, $7) RETURNING ${ARBITRATION_COLUMNS}`,
        [randomUUID(), fine.id, statement, evidenceRefs, actor.at, actor.subject, own],
      )) as Record<string, unknown>[];
      return { fine: await setFineStatus(manager, fine, 'DISPUTED', actor.at), arbitration: arbitrationRowOf(raw) };
    });
  }

  /** HQ decides a disputed fine (仲裁裁决); the ledger follows the outcome. */
  async decide(identity: Identity, input: DecideArbitrationInput): Promise<FineWithArbitration> {
    assertMoneyDecider(identity, 'decide arbitration');
    const fineId = uuidArg(input.fineId, 'fineId');
    const note = textArg(input.note, 'note', MAX_NOTE);
    const actor = actorOf(identity, this.clock());
    return withTransaction(this.ds, async (manager) => {
      const fine = await lockFine(manager, fineId);
      if (!fine) throw ledgerError('FINE_NOT_FOUND', `No fine ${input.fineId}`);
      const [open] = (await manager.query(`SELECT ${ARBITRATION_COLUMNS} FROM arbitration a WHERE a.fine_id = $1 AND a.status = 'OPEN'`, [fine.id])) as Record<string, unknown>[];
      if (!open || fine.status !== 'DISPUTED') throw ledgerError('ARBITRATION_NOT_OPEN', `This fine is ${fine.status}: it has no open arbitration case`);
      const reducedToFen = reducedAmount(input, fine);
      const reversalFen = input.outcome === 'OVERTURNED' ? fine.amountFen : input.outcome === 'REDUCED' ? fine.amountFen - (reducedToFen as number) : 0;
      let reversalEntryId: string | null = null;
      if (reversalFen > 0) {
        const entry = await this.ledger.post(manager, {
          kind: 'FINE_REVERSAL',
          fineId: fine.id,
          claimId: fine.claimId,
          at: actor.at,
          memo: `仲裁${input.outcome === 'OVERTURNED' ? '撤销' : '减免'}罚款 ${fine.reason}`,
          actor: actor.subject,
          actorOutletId: actor.outletId,
          postings: transfer(NETWORK_ACCOUNT, outletAccount(fine.outletId), reversalFen),
        });
        reversalEntryId = entry.id;
      }
      const [rows] = (await manager.query(
        `UPDATE arbitration a SET status = 'DECIDED', outcome = $2, reduced_to_fen = $3, decision_note = $4, decided_by = $5, decided_at = $6, reversal_entry_id = $7
          WHERE a.id = $1 AND a.status = 'OPEN' RETURNING ${ARBITRATION_COLUMNS}`,
        [open.id, input.outcome, reducedToFen === null ? null : String(reducedToFen), note, actor.subject, actor.at, reversalEntryId],
      )) as [Record<string, unknown>[], number];
      return { fine: await setFineStatus(manager, fine, input.outcome, actor.at), arbitration: arbitrationRowOf(rows[0]) };
    });
  }

  /** A fine with its arbitration case; null when there is none. Callers check who may see it. */
  async find(fineId: string, manager: EntityManager = this.ds.manager): Promise<FineWithArbitration | null> {
    const id = uuidArg(fineId, 'fineId');
    const [fine] = (await manager.query(`SELECT ${FINE_COLUMNS} FROM fine f WHERE f.id = $1`, [id])) as Record<string, unknown>[];
    if (!fine) return null;
    const [arbitration] = (await manager.query(`SELECT ${ARBITRATION_COLUMNS} FROM arbitration a WHERE a.fine_id = $1`, [id])) as Record<string, unknown>[];
    return { fine: fineRowOf(fine), arbitration: arbitration ? arbitrationRowOf(arbitration) : null };
  }
}

async function lockFine(manager: EntityManager, id: string): Promise<FineRow | null> {
  const [raw] = (await manager.query(`SELECT ${FINE_COLUMNS} FROM fine f WHERE f.id = $1 FOR UPDATE`, [id])) as Record<string, unknown>[];
  return raw ? fineRowOf(raw) : null;
}

async function setFineStatus(manager: EntityManager, fine: FineRow, status: FineRow['status'], at: Date): Promise<FineRow> {
  const [rows] = (await manager.query(`UPDATE fine f SET status = $3, version = f.version + 1, updated_at = $4 WHERE f.id = $1 AND f.version = $2 RETURNING ${FINE_COLUMNS}`, [
    fine.id,
    fine.version,
    status,
    at,
  ])) as [Record<string, unknown>[], number];
  // The row is locked: only code that skipped the lock could have moved the version.
  if (!rows[0]) throw ledgerError('FINE_NOT_DISPUTABLE', 'The fine changed meanwhile; reload it and try again');
  return fineRowOf(rows[0]);
}

function fineAmount(
  input: IssueFineInput,
  caseAt: Date,
  facts: ScheduleFacts | null,
): { amountFen: number; ruleCode: string | null; ruleVersion: string | null; explanationZh: string | null } {
  if (!facts) {
    const amount = input.amountFen;
    if (amount == null) throw ledgerError('AMOUNT_REQUIRED', `A fine for ${input.reason} needs amountFen`);
    if (!Number.isSafeInteger(amount) || amount <= 0) throw ledgerError('INVALID_AMOUNT', 'amountFen must be a positive whole number of fen');
    return { amountFen: amount, ruleCode: null, ruleVersion: null, explanationZh: null };
  }
  if (input.amountFen != null) throw ledgerError('AMOUNT_SET_BY_POLICY', `The amount of a ${input.reason} fine is the schedule’s in force when the case arose; leave amountFen out`);
  const decision = finesFor({ outletId: input.outletId, at: caseAt, ...facts });
  // The case's facts decide: no fine for evidence delivered in time, none yet while the deadline runs.
  if (decision.code !== 'FINED') throw ledgerError('FINE_NOT_SUPPORTED', `${decision.code}: ${decision.explanationZh}`);
  return { amountFen: decision.totalFen, ruleCode: decision.ruleCode, ruleVersion: decision.ruleVersion, explanationZh: decision.explanationZh };
}

function reducedAmount(input: DecideArbitrationInput, fine: FineRow): number | null {
  if (input.outcome !== 'REDUCED') {
    if (input.reducedToFen != null) throw ledgerError('INVALID_REDUCED_AMOUNT', 'reducedToFen goes with outcome REDUCED only');
    return null;
  }
  const r = input.reducedToFen;
  if (r == null || !Number.isSafeInteger(r) || r < 1 || r >= fine.amountFen) {
    throw ledgerError('INVALID_REDUCED_AMOUNT', `reducedToFen: a whole number of fen from 1 to ${fine.amountFen - 1} (0 is OVERTURNED, the whole fine UPHELD)`);
  }
  return r;
}

function refs(values: string[] | null | undefined): string[] {
  const list = (values ?? []).map((v, i) => textArg(v, `evidenceRefs[${i}]`, MAX_REF, true) as string);
  if (list.length > MAX_REFS) throw ledgerError('INVALID_TEXT', `evidenceRefs: at most ${MAX_REFS}`);
  return list;
}
