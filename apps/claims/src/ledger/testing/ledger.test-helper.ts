import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, Scope } from '@courierdesk/platform-auth';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, testIdentity, type TestDatabase } from '@courierdesk/testing';
import { LEDGER_MIGRATIONS } from '../ledger.migrations';
import { ClaimStub1795700000000 } from './claim-stub.migration';

/** The claims schema (the contract with the claims migration). */
export const CLAIMS_TEST_SCHEMA = 'claims';

/** A database of its own with the claim stub and the ledger's migration. */
export interface LedgerTestDatabase {
  db: TestDatabase;
  ds: DataSource;
  stop(): Promise<void>;
}

/** Starts the database for one spec file (beforeAll; `stop` in afterAll). */
export async function startLedgerDatabase(applicationName: string, poolMax = 4): Promise<LedgerTestDatabase> {
  const db = await createTestDatabase();
  const ds = await initializeDataSource(
    createDataSource({ url: db.url, schema: CLAIMS_TEST_SCHEMA, entities: [], migrations: [ClaimStub1795700000000, ...LEDGER_MIGRATIONS], applicationName, poolMax }),
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

/** A claim row as the claims subgraph would leave it; APPROVED for ¥500 on a fresh waybill unless told otherwise. */
export async function insertClaim(
  ds: DataSource,
  over: Partial<{ status: string; approvedFen: number | null; bearingPlaceKind: 'OUTLET' | 'TRANSIT_CENTRE' | 'HUB' | null; bearingPlaceId: string | null; waybillNo: string | null }> = {},
): Promise<{ id: string; number: string; waybillNo: string | null }> {
  const id = randomUUID();
  const number = `CL-${id.slice(0, 8)}`;
  const waybillNo = over.waybillNo === undefined ? `CD${Math.floor(Math.random() * 1e12).toString().padStart(12, '0')}` : over.waybillNo;
  await ds.query(
    `INSERT INTO claim (id, number, status, version, approved_fen, bearing_place_kind, bearing_place_id, waybill_no, updated_at) VALUES ($1, $2, $3, 3, $4, $5, $6, $7, now())`,
    [id, number, over.status ?? 'APPROVED', over.approvedFen === undefined ? 50_000 : over.approvedFen, over.bearingPlaceKind ?? null, over.bearingPlaceId ?? null, waybillNo],
  );
  return { id, number, waybillNo };
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
