import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, Scope } from '@courierdesk/platform-auth';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, testIdentity, type TestDatabase } from '@courierdesk/testing';
import { CLAIMS_MIGRATIONS } from '../../claims.entities';
import type { FineFactSources } from '../../fines/fine.service';
import type { TicketFacts } from '../../graph/ticket-facts';
import type { WaybillFacts } from '../../graph/waybill-facts';

/** The claims schema (the contract with the claims migration). */
export const CLAIMS_TEST_SCHEMA = 'claims';

/** A database of its own with the claims schema's migrations (claims, then the ledger). */
export interface LedgerTestDatabase {
  db: TestDatabase;
  ds: DataSource;
  stop(): Promise<void>;
}

/** Starts the database for one spec file (beforeAll; `stop` in afterAll). */
export async function startLedgerDatabase(applicationName: string, poolMax = 4): Promise<LedgerTestDatabase> {
  const db = await createTestDatabase();
  const ds = await initializeDataSource(
    createDataSource({ url: db.url, schema: CLAIMS_TEST_SCHEMA, entities: [], migrations: CLAIMS_MIGRATIONS, applicationName, poolMax }),
    createLogger('test', 'silent'),
  );
  return {
    db,
    ds,
    stop: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}

/**
 * A claim row as the claims subgraph would leave it (its CHECKs hold); an APPROVED DAMAGE claim for
 * ¥500 on a fresh waybill unless told otherwise (a LOSS claim is paid only after a headless-parcel
 * search, which `waybills` answers for).
 */
export async function insertClaim(
  ds: DataSource,
  over: Partial<{ status: string; approvedFen: number; bearingPlaceKind: 'OUTLET' | 'HUB' | null; bearingPlaceId: string | null; waybillNo: string; kind: string }> = {},
): Promise<{ id: string; number: string; waybillNo: string }> {
  const id = randomUUID();
  const number = `CL-${id.slice(0, 8)}`;
  const waybillNo = over.waybillNo ?? `CD${Math.floor(Math.random() * 1e12).toString().padStart(12, '0')}`;
  const status = over.status ?? 'APPROVED';
  const approvedFen = over.approvedFen ?? 50_000;
  // Decided claims carry their decision and agreement (the claims migration's CHECKs); others not yet.
  const decided = status === 'APPROVED' || status === 'PAID';
  await ds.query(
    `INSERT INTO claim (id, number, kind, claimant, waybill_no, claimed_fen, status, version, filed_at, filed_by, approved_fen, decision, agreed_at,
                        paid_at, bearing_place_kind, bearing_place_id, updated_at)
     VALUES ($1, $2, $12, 'SENDER', $3, $4, $5, 3, now(), 'test', $6, $7::jsonb, $8, $9, $10, $11, now())`,
    [
      id, number, waybillNo, approvedFen, status, decided ? approvedFen : null, decided ? JSON.stringify({ test: true }) : null, decided ? new Date() : null,
      status === 'PAID' ? new Date() : null, over.bearingPlaceKind ?? null, over.bearingPlaceId ?? null, over.kind ?? 'DAMAGE',
    ],
  );
  return { id, number, waybillNo };
}

/** Waybills as the graph would answer for them, in memory, for the payouts of lost parcels (the headless-parcel search). */
export class WaybillsForPayouts {
  readonly known = new Map<string, WaybillFacts>();
  readonly facts = async (no: string): Promise<WaybillFacts | null> => this.known.get(no) ?? null;
}

/** Callers the money specs act as. */
export const as = {
  /** HQ agent who asked for claims:decide (理赔审批). */
  decider: (subject = 'hq-decider') => testIdentity(subject, [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE, Scope.CLAIMS_DECIDE]),
  /** HQ agent without the decision scope (an agent's default). */
  agent: () => testIdentity('hq-agent', [Role.AGENT], [Scope.CLAIMS_READ, Scope.CLAIMS_WRITE]),
  /** Partner outlet (加盟网点), even with a decision scope forged into its token. */
  partner: (outletId: string, scopes: Scope[] = [Scope.CLAIMS_READ]) => testIdentity(`partner-${outletId}`, [Role.OUTLET_PARTNER], scopes, outletId),
};

/** Counts rows of the money tables, for "nothing was written" assertions. */
export async function moneyRows(ds: DataSource): Promise<{ entries: number; postings: number; payouts: number; fines: number; arbitrations: number }> {
  const [row] = (await ds.query(`
    SELECT (SELECT count(*) FROM ledger_entry)::int AS entries, (SELECT count(*) FROM ledger_posting)::int AS postings,
           (SELECT count(*) FROM payout)::int AS payouts, (SELECT count(*) FROM fine)::int AS fines, (SELECT count(*) FROM arbitration)::int AS arbitrations`)) as {
    entries: number;
    postings: number;
    payouts: number;
    fines: number;
    arbitrations: number;
  }[];
  return row;
}

/** The ticket kind and reason a scheduled fine is decided on, by fine reason. */
const CASE_OF = {
  NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE: { kind: 'COMPLAINT', reason: 'NOT_DELIVERED_UPSTAIRS' },
  NO_EVIDENCE: { kind: 'COMPLAINT', reason: 'DAMAGED' },
  FALSE_SIGN_OFF: { kind: 'SIGNED_NOT_RECEIVED', reason: 'SIGNED_BY_OTHER' },
} as const;

/** Tickets and waybills as the graph would answer for them, for the fines the specs issue. */
export class CaseFactsInMemory implements FineFactSources {
  readonly ticketsById = new Map<string, TicketFacts>();
  readonly waybillsByNo = new Map<string, WaybillFacts>();
  readonly tickets = { facts: async (id: string) => this.ticketsById.get(id) ?? null };
  readonly waybills = { facts: async (no: string) => this.waybillsByNo.get(no) ?? null };

  /** A ticket of `outletId`'s that the outlet lost on evidence (or with `outcome`), fitting the fine reason; its id. */
  lost(outletId: string, reason: keyof typeof CASE_OF, outcome = 'AGAINST_OUTLET'): string {
    const id = randomUUID();
    this.ticketsById.set(id, {
      id,
      number: `TK-${id.slice(0, 8)}`,
      waybillNo: null,
      ...CASE_OF[reason],
      responsibleOutletId: outletId,
      counterpartOutletId: null,
      evidenceOutcome: outcome,
      evidence: [],
    });
    return id;
  }
}
