import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { parseAccount } from './ledger-account';
import { ledgerError } from './ledger.errors';

/** Kinds of ledger entry (记账凭证类型). */
export type LedgerEntryKind = 'PAYOUT' | 'REFUND' | 'FINE' | 'CHARGEBACK' | 'FINE_REVERSAL' | 'CHARGEBACK_REVERSAL' | 'ADJUSTMENT';

/** One line of an entry (分录): + money into the account, − out of it, in fen. */
export interface PostingInput {
  accountId: string;
  amountFen: number;
}

/** An entry to post (记账凭证): its postings must sum to zero. */
export interface EntryInput {
  kind: LedgerEntryKind;
  claimId?: string | null;
  fineId?: string | null;
  at: Date;
  memo: string;
  actor: string;
  actorOutletId?: string | null;
  postings: readonly PostingInput[];
}

/** A posted entry's id and postings. */
export interface PostedEntry {
  id: string;
  kind: LedgerEntryKind;
  postings: readonly PostingInput[];
}

/** The ledger's check (试算平衡): entries that do not balance must be none, and all postings sum to zero. */
export interface LedgerCheckResult {
  entries: number;
  postings: number;
  /** Entries whose postings do not sum to zero or that have fewer than two postings. */
  unbalancedEntries: number;
  /** Sum of every posting (0 when every entry balances). */
  trialBalanceFen: number;
}

/** A bigint from PostgreSQL (money, counts): it comes as text; every one the ledger holds is within 2^53. */
export const fenOf = (value: unknown): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`ledger amount ${String(value)} is beyond 2^53 fen`);
  return n;
};

/** Two money flows as postings: `amountFen` from one account to another. */
export const transfer = (from: string, to: string, amountFen: number): PostingInput[] => [
  { accountId: from, amountFen: -amountFen },
  { accountId: to, amountFen },
];

/**
 * The double-entry ledger (复式记账): posts balanced entries, derives balances from postings and
 * checks that every entry balances. Append-only; the database refuses UPDATE and DELETE and checks
 * the balance at COMMIT as well (the migration), so the checks here only give callers a clear error
 * early.
 */
export class LedgerService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Posts one entry inside the caller's transaction: opens the accounts it names (on first use),
   * writes the entry and its postings. Throws ENTRY_UNBALANCED before writing anything when the
   * postings do not sum to zero.
   */
  async post(manager: EntityManager, entry: EntryInput): Promise<PostedEntry> {
    assertBalanced(entry.postings);
    const accounts = [...new Set(entry.postings.map((p) => p.accountId))].map(parseAccount);
    await manager.query(
      `INSERT INTO ledger_account (id, kind, outlet_id, transit_centre_id, waybill_no)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[])
       ON CONFLICT (id) DO NOTHING`,
      [accounts.map((a) => a.id), accounts.map((a) => a.kind), accounts.map((a) => a.outletId), accounts.map((a) => a.transitCentreId), accounts.map((a) => a.waybillNo)],
    );
    const id = randomUUID();
    await manager.query(
      `INSERT INTO ledger_entry (id, kind, claim_id, fine_id, at, memo, actor, actor_outlet_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, entry.kind, entry.claimId ?? null, entry.fineId ?? null, entry.at, entry.memo, entry.actor, entry.actorOutletId ?? null],
    );
    await manager.query(
      `INSERT INTO ledger_posting (entry_id, account_id, amount_fen) SELECT $1, * FROM unnest($2::text[], $3::bigint[])`,
      [id, entry.postings.map((p) => p.accountId), entry.postings.map((p) => String(p.amountFen))],
    );
    return { id, kind: entry.kind, postings: entry.postings };
  }

  /** Balances of accounts (余额), derived from their postings — never stored; 0 for an account without postings. */
  async balances(accountIds: readonly string[], manager: EntityManager = this.ds.manager): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT a.id, COALESCE((SELECT sum(p.amount_fen) FROM ledger_posting p WHERE p.account_id = a.id), 0)::text AS balance
         FROM unnest($1::text[]) AS a(id)`,
      [[...new Set(accountIds)]],
    )) as { id: string; balance: string }[];
    return new Map(rows.map((r) => [r.id, fenOf(r.balance)]));
  }

  /** The check proving every entry balances (试算平衡): `unbalancedEntries` is 0 and so is the trial balance. */
  async check(manager: EntityManager = this.ds.manager): Promise<LedgerCheckResult> {
    const [row] = (await manager.query(`
      SELECT (SELECT count(*) FROM ledger_entry)::text AS entries,
             (SELECT count(*) FROM ledger_posting)::text AS postings,
             (SELECT count(*) FROM (
                SELECT e.id FROM ledger_entry e LEFT JOIN ledger_posting p ON p.entry_id = e.id
                 GROUP BY e.id HAVING COALESCE(sum(p.amount_fen), 0) <> 0 OR count(p.id) < 2) u)::text AS "unbalancedEntries",
             (SELECT COALESCE(sum(amount_fen), 0) FROM ledger_posting)::text AS "trialBalanceFen"`)) as Record<string, unknown>[];
    return {
      entries: fenOf(row.entries),
      postings: fenOf(row.postings),
      unbalancedEntries: fenOf(row.unbalancedEntries),
      trialBalanceFen: fenOf(row.trialBalanceFen),
    };
  }

  /** An entry's postings, in the order written. */
  async postingsOf(entryId: string, manager: EntityManager = this.ds.manager): Promise<PostingInput[]> {
    const rows = (await manager.query(`SELECT account_id AS "accountId", amount_fen::text AS "amountFen" FROM ledger_posting WHERE entry_id = $1 ORDER BY id`, [entryId])) as {
      accountId: string;
      amountFen: string;
    }[];
    return rows.map((r) => ({ accountId: r.accountId, amountFen: fenOf(r.amountFen) }));
  }
}

/** Throws unless the postings are two or more non-zero whole fen amounts summing to zero. */
export function assertBalanced(postings: readonly PostingInput[]): void {
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountFen) || p.amountFen === 0) throw ledgerError('INVALID_POSTING', `A posting to ${p.accountId} must be a non-zero whole number of fen`);
  }
  const total = postings.reduce((sum, p) => sum + BigInt(p.amountFen), 0n);
  if (postings.length < 2 || total !== 0n) {
    throw ledgerError('ENTRY_UNBALANCED', `An entry needs two postings or more summing to zero; these ${postings.length} sum to ${total} fen`);
  }
}
