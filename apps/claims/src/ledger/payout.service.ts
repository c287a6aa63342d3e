import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { assertHeadlessSearchMade, isLostParcelClaim, type HeadlessSearchFacts } from '@courierdesk/domain-liability';
import { isUniqueViolation, violatedConstraint, withTransaction } from '@courierdesk/platform-db';
import type { Identity } from '@courierdesk/platform-auth';
import { lockClaimForMoney, markClaimPaid, type ClaimEventLine, type ClaimMoneyRow, type MoneyActor } from './claim-money.store';
import { customerAccount, NETWORK_ACCOUNT, placeAccount } from './ledger-account';
import { ledgerError } from './ledger.errors';
import { fenOf, transfer, type LedgerService } from './ledger.service';
import { uuidArg } from '@courierdesk/platform-subgraph';
import { actorOf, assertMoneyDecider } from './money-access';
import { recordedSearch } from '../claim/claim-decision';
import type { WaybillDirectory } from '../graph/waybill-facts';

/** What payClaim asks: the claim, and the client's idempotency key (幂等键) for this payout. */
export interface PayClaimInput {
  claimId: string;
  idempotencyKey: string;
}

/** A payout as recorded at the time (赔付记录): the first result, returned as is on every retry. */
export interface PayoutResult {
  payoutId: string;
  claimId: string;
  claimNumber: string;
  amountFen: number;
  customerAccountId: string;
  /** The payout entry: NETWORK → CUSTOMER:<waybill>. */
  entryId: string;
  /** The internal chargeback entry (内部追偿): bearing place → NETWORK; null without a bearing place. */
  chargebackEntryId: string | null;
  bearingAccountId: string | null;
  paidAt: string;
  paidBy: string;
}

/** The payout, and whether this call replayed an earlier one (same key, same parameters). */
export interface PayOutcome {
  payout: PayoutResult;
  replayed: boolean;
}

/** Fault injection for tests (故障注入): called inside the payout's transaction after its entries are written, before anything else. */
export interface PayoutFaults {
  afterEntries?(manager: EntityManager): Promise<void>;
}

/** The longest idempotency key accepted (Stripe allows 255). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

// Constraints a concurrent payout can hit between our lookups and our inserts: the transaction is
// rolled back and the payout run again, when the lookups see the winner's committed row.
const RACE_CONSTRAINTS = new Set(['payout_idempotency_key', 'payout_one_per_claim', 'ledger_entry_one_payout_per_claim', 'ledger_entry_one_chargeback_per_claim']);

/**
 * Paying an approved claim (赔付), exactly once. One transaction: lock the claim row, answer a
 * known idempotency key from the payout it paid, refuse a claim paid under another key or not
 * APPROVED, post the payout (NETWORK → CUSTOMER:<waybill>) and, for a carrier fault borne by an
 * outlet or transit centre, the internal chargeback (that place → NETWORK, same amount), record
 * the payout with its first result, and mark the claim PAID with its audit lines.
 *
 * Exactly once, by three locks that do not depend on each other: the claim row lock serialises
 * payouts of one claim (the second waits, then sees PAID); UNIQUE(claim_id) and the ledger's
 * one-payout-per-claim index make a second payout impossible even for code that skips the lock;
 * UNIQUE(idempotency_key) makes one key pay one claim. A retry while the first is in flight waits
 * on the row lock and gets the first result, rather than the IETF draft's 409: the client's
 * question ("was it paid?") is answered either way, and this answer needs no retry.
 *
 * A lost parcel (LOSS, or a thorough delay treated as loss) is paid only when a headless-parcel
 * search (无头件查找) was made for its waybill by the payment (HEADLESS_SEARCH_REQUIRED): the search
 * is read from the graph before the lock, and the payout's audit line and the claim record it.
 */
export class PayoutService {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerService,
    private readonly clock: () => Date,
    private readonly waybills: WaybillDirectory,
    private readonly faults: PayoutFaults = {},
  ) {}

  /** Pays a claim in a transaction of its own (see the class comment); a lost race with a concurrent payout is run once more and answered from the winner's row. */
  async pay(identity: Identity, input: PayClaimInput): Promise<PayOutcome> {
    const request = payRequest(input);
    assertMoneyDecider(identity, 'pay claims');
    const search = await this.searchBeforeLock(request.claimId);
    try {
      return await withTransaction(this.ds, (manager) => this.payChecked(manager, identity, request, search));
    } catch (err) {
      if (!isUniqueViolation(err) || !RACE_CONSTRAINTS.has(violatedConstraint(err) ?? '')) throw err;
      return withTransaction(this.ds, (manager) => this.payChecked(manager, identity, request, search));
    }
  }

  /**
   * Pays a claim inside the caller's transaction (e.g. approve-and-pay); the caller owns the retry of
   * a lost race (a unique violation). The graph is never read under the caller's locks: a lost
   * parcel's caller passes the headless-parcel search it read beforehand.
   */
  payWithin(manager: EntityManager, identity: Identity, input: PayClaimInput, search: HeadlessSearchFacts | null = null): Promise<PayOutcome> {
    const request = payRequest(input);
    assertMoneyDecider(identity, 'pay claims');
    return this.payChecked(manager, identity, request, search);
  }

  /** The waybill's newest headless-parcel search, read from the graph (no lock held) when the claim is an approved lost parcel; null otherwise. */
  private async searchBeforeLock(claimId: string): Promise<HeadlessSearchFacts | null> {
    const [row] = (await this.ds.query(`SELECT kind, status, waybill_no AS "waybillNo", decision->>'treatedAs' AS "treatedAs" FROM claim WHERE id = $1`, [claimId])) as {
      kind: string;
      status: string;
      waybillNo: string;
      treatedAs: string | null;
    }[];
    // A paid claim's retry is answered from its first result: it needs no search, and no graph.
    if (!row || row.status !== 'APPROVED' || !isLostParcelClaim(row.kind, row.treatedAs)) return null;
    return (await this.waybills.facts(row.waybillNo))?.headlessSearch ?? null;
  }

  /** The payout of a claim, or null when it is unpaid. */
  async payoutOf(claimId: string, manager: EntityManager = this.ds.manager): Promise<PayoutResult | null> {
    const [row] = (await manager.query(`SELECT result FROM payout WHERE claim_id = $1`, [uuidArg(claimId, 'claimId')])) as { result: PayoutResult }[];
    return row?.result ?? null;
  }

  private async payChecked(manager: EntityManager, identity: Identity, request: PayRequest, seen: HeadlessSearchFacts | null): Promise<PayOutcome> {
    const actor = actorOf(identity, this.clock());
    const claim = await lockClaimForMoney(manager, request.claimId);
    if (!claim) throw ledgerError('CLAIM_NOT_FOUND', `No claim ${request.claimId}`);

    // Read after the lock: a payout that held it has committed, and READ COMMITTED sees its row.
    const [known] = (await manager.query(`SELECT request_hash AS "requestHash", result FROM payout WHERE idempotency_key = $1`, [request.idempotencyKey])) as {
      requestHash: string;
      result: PayoutResult;
    }[];
    if (known) {
      if (known.requestHash !== request.hash) {
        throw ledgerError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another payout request; use a new key for a new request', {
          claimId: known.result.claimId,
        });
      }
      return { payout: known.result, replayed: true };
    }
    const [paid] = (await manager.query(`SELECT id FROM payout WHERE claim_id = $1`, [claim.id])) as { id: string }[];
    if (paid || claim.status === 'PAID') throw ledgerError('CLAIM_ALREADY_PAID', `Claim ${claim.number} was paid already`, { payoutId: paid?.id ?? null });
    if (claim.status !== 'APPROVED') throw ledgerError('CLAIM_NOT_APPROVED', `Claim ${claim.number} is ${claim.status}; only an approved claim is paid`);
    if (!claim.approvedFen || claim.approvedFen <= 0 || !claim.waybillNo) {
      throw ledgerError('CLAIM_NOT_PAYABLE', `Claim ${claim.number} has no approved amount or no waybill to pay`);
    }
    const lost = isLostParcelClaim(claim.kind, claim.treatedAs);
    const search = recordedSearch(assertHeadlessSearchMade({ lost, search: seen, at: actor.at }));

    const result = await this.postPayout(manager, claim, actor);
    await this.faults.afterEntries?.(manager);
    await manager.query(
      `INSERT INTO payout (id, claim_id, idempotency_key, request_hash, amount_fen, entry_id, chargeback_entry_id, result, paid_at, paid_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [result.payoutId, claim.id, request.idempotencyKey, request.hash, String(result.amountFen), result.entryId, result.chargebackEntryId, JSON.stringify(result), actor.at, actor.subject],
    );
    const detail = { payoutId: result.payoutId, entryId: result.entryId, amountFen: result.amountFen, idempotencyKey: request.idempotencyKey };
    const lines: ClaimEventLine[] = [{ type: 'PAYOUT', detail }];
    if (lost) lines.push({ type: 'HEADLESS_SEARCH_SEEN', detail: { ...search, step: 'PAID' } });
    if (result.chargebackEntryId) lines.push({ type: 'CHARGEBACK', detail: { ...detail, entryId: result.chargebackEntryId, bearingAccountId: result.bearingAccountId } });
    if (!(await markClaimPaid(manager, claim, actor, lines, search))) {
      throw ledgerError('CLAIM_VERSION_CONFLICT', `Claim ${claim.number} changed while it was being paid; try again`);
    }
    return { payout: result, replayed: false };
  }

  private async postPayout(manager: EntityManager, claim: ClaimMoneyRow, actor: MoneyActor): Promise<PayoutResult> {
    const amountFen = fenOf(claim.approvedFen);
    const customer = customerAccount(claim.waybillNo as string);
    const base = { claimId: claim.id, at: actor.at, actor: actor.subject, actorOutletId: actor.outletId };
    const payout = await this.ledger.post(manager, {
      ...base,
      kind: 'PAYOUT',
      memo: `理赔赔付 ${claim.number}（运单 ${claim.waybillNo}）`,
      postings: transfer(NETWORK_ACCOUNT, customer, amountFen),
    });
    let chargeback: { id: string } | null = null;
    let bearing: string | null = null;
    if (claim.bearingPlaceKind && claim.bearingPlaceId) {
      bearing = placeAccount(claim.bearingPlaceKind, claim.bearingPlaceId);
      chargeback = await this.ledger.post(manager, {
        ...base,
        kind: 'CHARGEBACK',
        memo: `理赔内部追偿 ${claim.number}：责任${claim.bearingPlaceKind === 'OUTLET' ? '网点' : '分拨中心'}承担`,
        postings: transfer(bearing, NETWORK_ACCOUNT, amountFen),
      });
    }
    return {
      payoutId: randomUUID(),
      claimId: claim.id,
      claimNumber: claim.number,
      amountFen,
      customerAccountId: customer,
      entryId: payout.id,
      chargebackEntryId: chargeback?.id ?? null,
      bearingAccountId: bearing,
      paidAt: actor.at.toISOString(),
      paidBy: actor.subject,
    };
  }
}

interface PayRequest {
  claimId: string;
  idempotencyKey: string;
  /** SHA-256 of the request's parameters in one spelling: the same key with another hash is refused. */
  hash: string;
}

function payRequest(input: PayClaimInput): PayRequest {
  const claimId = uuidArg(input.claimId, 'claimId');
  const key = input.idempotencyKey;
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(key)) {
    throw ledgerError('INVALID_IDEMPOTENCY_KEY', `idempotencyKey: 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters without control characters (a UUID per payout request is a good key)`);
  }
  return { claimId, idempotencyKey: key, hash: createHash('sha256').update(JSON.stringify({ claimId })).digest('hex') };
}
