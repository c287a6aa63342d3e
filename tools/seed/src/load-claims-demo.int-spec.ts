import type { DataSource } from 'typeorm';
import { CLAIMS_ENTITIES, CLAIMS_MIGRATIONS } from '@courierdesk/claims';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { planClaimsDemo } from './claims-demo';
import { claimsDemoFixture, PARTNER } from './claims-demo.test-helper';
import { claimsIsEmpty, loadClaimsDemo, type ClaimsLoadCounts } from './load-claims-demo';

// The demo claims filed, decided and paid through the claims services on a real PostgreSQL, twice
// (two schemas): what they leave must be what the plan says, the same both times, and quick.
const logger = createLogger('test', 'silent');
const now = new Date(Date.now() - 60_000);
const fixture = claimsDemoFixture(now);
const partnerOutlet = { id: PARTNER, code: '110101-001' };
const options = { partnerOutlet, now, waybills: fixture.waybillDirectory, tickets: fixture.ticketDirectory };

let db: TestDatabase;
const sources: DataSource[] = [];
let counts: ClaimsLoadCounts;
let ms: number;
let emptyBefore: boolean;

const migrated = (schema: string) =>
  initializeDataSource(createDataSource({ url: db.url, schema, entities: CLAIMS_ENTITIES, migrations: CLAIMS_MIGRATIONS, applicationName: 'test', poolMax: 3 }), logger);

/** What a schema holds, without ids and instants (random or per run). */
const content = (ds: DataSource, schema: string) =>
  ds.query(
    `SELECT number, kind, refusal_cause, status, claimed_fen, approved_fen, rule_version, bearing_place_kind, bearing_place_id,
            decision->>'code' AS code, decision->'lines' AS lines, decision->>'explanationZh' AS explanation
       FROM "${schema}".claim ORDER BY number`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  sources.push(await migrated('claims'), await migrated('claims_again'));
  emptyBefore = await claimsIsEmpty(sources[0], 'claims');
  const started = Date.now();
  counts = await loadClaimsDemo(sources[0], fixture.waybills, fixture.tickets, options);
  ms = Date.now() - started;
  await loadClaimsDemo(sources[1], fixture.waybills, fixture.tickets, options);
}, 60_000);

afterAll(async () => {
  for (const ds of sources) await ds.destroy();
  await db?.drop();
});

describe('loadClaimsDemo', () => {
  it('files every planned claim through the services and decides each, in well under two seconds', async () => {
    const plan = planClaimsDemo(fixture.waybills, fixture.tickets, { partnerOutletId: PARTNER, now });
    expect(emptyBefore).toBe(true);
    expect(counts).toMatchObject({ claims: plan.claims.length, decided: plan.claims.length, approved: 1, paid: 1, fines: 1, arbitrations: 1 });
    expect(counts.cases.map((c) => c.label)).toEqual(plan.claims.map((c) => c.label));
    const rows = (await sources[0].query(`SELECT status, decision IS NOT NULL AS decided, acknowledged_at IS NOT NULL AS acknowledged FROM claims.claim`)) as { status: string; decided: boolean; acknowledged: boolean }[];
    expect(rows).toHaveLength(plan.claims.length);
    expect(rows.every((r) => r.decided && r.acknowledged)).toBe(true);
    expect(rows.map((r) => r.status).sort()).toEqual([...Array(plan.claims.length - 2).fill('UNDER_REVIEW'), 'APPROVED', 'PAID'].sort());
    expect(ms).toBeLessThan(2000);
    expect(await claimsIsEmpty(sources[0], 'claims')).toBe(false);
  });

  it.each([
    ['NOT_AS_DESCRIBED', 'BILL_SHIPPER'],
    ['CARRIER_DELAY', 'CARRIER_BEARS'],
    ['COURIER_MISCONDUCT', 'CARRIER_BEARS'],
    ['NO_REASON', 'BILL_SHIPPER'],
    ['DAMAGED_IN_CARRIAGE', 'CARRIER_BEARS'],
    ['PLATFORM_NO_REASON_RETURN', 'BILL_SHIPPER'],
  ])('decides the %s refusal as %s', async (cause, code) => {
    const [row] = await sources[0].query(`SELECT decision->>'code' AS code, decision->>'explanationZh' AS zh FROM claims.claim WHERE refusal_cause = $1`, [cause]);
    expect(row.code).toBe(code);
    expect(row.zh).toMatch(/退回运费/);
  });

  it('decides the losses and delays by their rules: insured in full, uninsured capped at the freight multiple, the freight waived, a thorough delay as loss', async () => {
    const decision = async (label: string) => {
      const number = counts.cases.find((c) => c.label === label)!.number;
      const [row] = await sources[0].query(`SELECT decision FROM claims.claim WHERE number = $1`, [number]);
      return row.decision as { code: string; payableFen: number; treatedAs: string; insured: boolean; facts: { serviceFeeFen: number; insuredValueFen: number } };
    };
    const insured = await decision('LOSS:INSURED');
    expect(insured).toMatchObject({ code: 'COMPENSATE', insured: true, payableFen: insured.facts.insuredValueFen });
    const uninsured = await decision('LOSS:UNINSURED');
    expect(uninsured).toMatchObject({ code: 'COMPENSATE', insured: false, payableFen: 3 * uninsured.facts.serviceFeeFen });
    const ordinary = await decision('DELAY:ORDINARY');
    expect(ordinary).toMatchObject({ code: 'SERVICE_FEE_WAIVED', treatedAs: 'DELAY', payableFen: ordinary.facts.serviceFeeFen });
    expect(await decision('DELAY:THOROUGH')).toMatchObject({ code: 'COMPENSATE', treatedAs: 'LOSS' });
  });

  it('pays the damage once under its key, charged back to the outlet that bears it, and the ledger balances', async () => {
    const number = counts.cases.find((c) => c.label === 'DAMAGE:PAID')!.number;
    const [claim] = await sources[0].query(`SELECT id, approved_fen, bearing_place_kind, bearing_place_id FROM claims.claim WHERE number = $1`, [number]);
    expect(claim.bearing_place_kind).toBe('OUTLET');
    const [payout] = await sources[0].query(`SELECT idempotency_key, amount_fen, chargeback_entry_id FROM claims.payout WHERE claim_id = $1`, [claim.id]);
    expect(payout).toMatchObject({ idempotency_key: `demo-payout-${fixture.damaged}`, amount_fen: claim.approved_fen });
    expect(payout.chargeback_entry_id).not.toBeNull();
    const [{ unbalanced }] = await sources[0].query(
      `SELECT count(*)::int AS unbalanced FROM (SELECT entry_id FROM claims.ledger_posting GROUP BY entry_id HAVING sum(amount_fen) <> 0) e`,
    );
    expect(unbalanced).toBe(0);
    const [{ balance }] = await sources[0].query(`SELECT sum(amount_fen)::float8 AS balance FROM claims.ledger_posting WHERE account_id = $1`, [`OUTLET:${claim.bearing_place_id}`]);
    expect(balance).toBeLessThanOrEqual(-Number(claim.approved_fen));
  });

  it('leaves the partner outlet’s fine disputed, its arbitration case open', async () => {
    const [fine] = await sources[0].query(`SELECT f.outlet_id, f.reason, f.status, a.status AS arbitration, a.opened_by FROM claims.fine f JOIN claims.arbitration a ON a.fine_id = f.id`);
    expect(fine).toEqual({ outlet_id: PARTNER, reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', status: 'DISPUTED', arbitration: 'OPEN', opened_by: 'partner-110101-001' });
  });

  it('leaves the same claims on a second run (deterministic)', async () => {
    expect(await content(sources[1], 'claims_again')).toEqual(await content(sources[0], 'claims'));
  });
});
