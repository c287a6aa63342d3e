import { randomUUID } from 'node:crypto';
import { graphql, printSchema, type GraphQLSchema } from 'graphql';
import type { Identity } from '@courierdesk/platform-auth';
import { buildFederatedSchema, createLogger } from '@courierdesk/platform-subgraph';
import { ledgerLoaders } from '../ledger/ledger.loaders';
import { LedgerResolver, OutletBalanceResolver } from '../ledger/ledger.resolver';
import { LedgerService } from '../ledger/ledger.service';
import { OutletRef } from '../refs/refs.type';
import { PayoutService } from '../ledger/payout.service';
import { as, insertClaim, startLedgerDatabase, type LedgerTestDatabase, WaybillsForPayouts } from '../ledger/testing/ledger.test-helper';
import { CaseFactsInMemory } from '../ledger/testing/ledger.test-helper';
import { fineLoaders } from './fine.loaders';
import { FineResolver, OutletFinesResolver } from './fine.resolver';
import { FineService } from './fine.service';

// The money side's GraphQL pieces as the lead will register them (schema.ts), run on real PostgreSQL.
const cases = new CaseFactsInMemory();

describe('money side in GraphQL: payClaim, ledgerCheck, issueFine → disputeFine → decideArbitration, Outlet.fines, Outlet.balance', () => {
  let t: LedgerTestDatabase;
  let schema: GraphQLSchema;
  let ledger: LedgerService;
  const logger = createLogger('test', 'silent');

  const run = async (identity: Identity, source: string, variableValues: Record<string, unknown> = {}) => {
    const contextValue = { identity, logger, requestId: 'r', loaders: { ...ledgerLoaders(ledger, t.ds), ...fineLoaders(t.ds) } };
    const res = await graphql({ schema, source, contextValue, variableValues });
    return { data: res.data as Record<string, any> | null, code: (res.errors?.[0]?.originalError as { code?: string } | undefined)?.code, errors: res.errors };
  };

  const OUTLET_MONEY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { id balance { accountId balanceFen } fines(first: 10) { edges { node { id reason amountFen owedFen status arbitration { status outcome } } } pageInfo { hasNextPage } } } } }`;

  beforeAll(async () => {
    t = await startLedgerDatabase('money-schema-spec', 6);
    ledger = new LedgerService(t.ds);
    const clock = () => new Date('2026-12-04T10:00:00+08:00');
    const payouts = new PayoutService(t.ds, ledger, clock, new WaybillsForPayouts());
    const fines = new FineService(t.ds, ledger, clock, cases);
    const instances = new Map<unknown, unknown>([
      [LedgerResolver, new LedgerResolver(ledger, payouts)],
      [OutletBalanceResolver, new OutletBalanceResolver()],
      [FineResolver, new FineResolver(fines)],
      [OutletFinesResolver, new OutletFinesResolver()],
    ]);
    schema = await buildFederatedSchema(
      { resolvers: [LedgerResolver, OutletBalanceResolver, FineResolver, OutletFinesResolver], orphanedTypes: [OutletRef], container: { get: (c: unknown) => instances.get(c) } },
      { Outlet: { __resolveReference: (ref: { id: string }) => Object.assign(new OutletRef(), { id: ref.id }) } },
    );
  });
  afterAll(() => t.stop());

  it('declares money as Float *Fen fields and the mutations with their inputs', () => {
    const sdl = printSchema(schema);
    for (const line of ['payClaim(input: PayClaimInput!): PayClaimPayload!', 'ledgerCheck: LedgerCheck!', 'issueFine(input: IssueFineInput!): Fine!', 'disputeFine(input: DisputeFineInput!): Fine!', 'decideArbitration(input: DecideArbitrationInput!): Fine!', 'balanceFen: Float!', 'amountFen: Float!']) {
      expect(sdl).toContain(line);
    }
    expect(sdl).toMatch(/fines\(\s*"""[^"]*"""\s*first: Int/);
  });

  it('pays a claim once through payClaim, replays the retry, and shows the chargeback in the outlet’s balance', async () => {
    const outlet = randomUUID();
    const claim = await insertClaim(t.ds, { approvedFen: 66_600, bearingPlaceKind: 'OUTLET', bearingPlaceId: outlet });
    const PAY = `mutation($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { id claimId amountFen bearingAccountId chargebackEntryId paidAt } } }`;
    const input = { claimId: claim.id, idempotencyKey: `gql-${claim.id}` };
    const first = await run(as.decider(), PAY, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.payClaim).toMatchObject({ replayed: false, payout: { claimId: claim.id, amountFen: 66_600, bearingAccountId: `OUTLET:${outlet}` } });
    const again = await run(as.decider(), PAY, { input });
    expect(again.data?.payClaim).toEqual({ ...first.data?.payClaim, replayed: true });
    expect((await run(as.agent(), PAY, { input })).code).toBe('SCOPE_MISSING');
    expect((await run(as.partner(outlet, ['claims:read', 'claims:decide'] as never), PAY, { input })).code).toBe('HQ_ONLY');

    const hq = await run(as.decider(), OUTLET_MONEY, { reps: [{ __typename: 'Outlet', id: outlet }] });
    expect(hq.data?._entities[0].balance).toEqual({ accountId: `OUTLET:${outlet}`, balanceFen: -66_600 });
  });

  it('runs fine → dispute → overturn through the mutations; the outlet sees its own fines and balance, never another’s', async () => {
    const outlet = randomUUID();
    const other = randomUUID();
    const ISSUE = `mutation($input: IssueFineInput!) { issueFine(input: $input) { id amountFen owedFen status ruleVersion explanation outlet { id } } }`;
    const issued = await run(as.decider(), ISSUE, { input: { outletId: outlet, reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', ticketId: cases.lost(outlet, 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE') } });
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.issueFine).toMatchObject({ amountFen: 50_000, owedFen: 50_000, status: 'ISSUED', ruleVersion: 'liability-2024.1', outlet: { id: outlet } });
    expect((await run(as.decider(), ISSUE, { input: { outletId: outlet, reason: 'OTHER', amountFen: 1.5, note: 'x' } })).code).toBe('INVALID_AMOUNT');
    const fineId = issued.data?.issueFine.id;

    const DISPUTE = `mutation($input: DisputeFineInput!) { disputeFine(input: $input) { status arbitration { status statement } } }`;
    expect((await run(as.partner(other), DISPUTE, { input: { fineId, statement: 'x' } })).code).toBe('FINE_NOT_FOUND');
    expect((await run(as.partner(outlet), DISPUTE, { input: { fineId, statement: '有录音' } })).data?.disputeFine).toEqual({ status: 'DISPUTED', arbitration: { status: 'OPEN', statement: '有录音' } });

    const DECIDE = `mutation($input: DecideArbitrationInput!) { decideArbitration(input: $input) { status owedFen arbitration { outcome decidedBy } } }`;
    expect((await run(as.partner(outlet, ['claims:read', 'claims:decide'] as never), DECIDE, { input: { fineId, outcome: 'OVERTURNED' } })).code).toBe('HQ_ONLY');
    expect((await run(as.decider(), DECIDE, { input: { fineId, outcome: 'OVERTURNED' } })).data?.decideArbitration).toEqual({ status: 'OVERTURNED', owedFen: 0, arbitration: { outcome: 'OVERTURNED', decidedBy: 'hq-decider' } });
    expect((await run(as.decider(), DECIDE, { input: { fineId, outcome: 'UPHELD' } })).code).toBe('ARBITRATION_NOT_OPEN');

    const reps = [{ __typename: 'Outlet', id: outlet }, { __typename: 'Outlet', id: other }];
    const own = await run(as.partner(outlet), OUTLET_MONEY, { reps });
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities[0]).toMatchObject({ balance: { balanceFen: 0 }, fines: { edges: [{ node: { id: fineId, amountFen: 50_000, owedFen: 0, status: 'OVERTURNED', arbitration: { status: 'DECIDED', outcome: 'OVERTURNED' } } }] } });
    expect(own.data?._entities[1]).toMatchObject({ id: other, balance: null, fines: null });
    const hq = await run(as.decider(), OUTLET_MONEY, { reps });
    expect(hq.data?._entities[1]).toMatchObject({ balance: { balanceFen: 0 }, fines: { edges: [] } });
  });

  it('pages an outlet’s fines newest first with cursors', async () => {
    const outlet = randomUUID();
    const fines = new FineService(t.ds, ledger, (() => { let n = 0; return () => new Date(Date.UTC(2026, 11, 5, 0, n++)); })(), cases);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await fines.issue(as.decider(), { outletId: outlet, reason: 'NO_EVIDENCE', ticketId: cases.lost(outlet, 'NO_EVIDENCE') })).id);
    const PAGE = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Outlet { fines(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await run(as.decider(), PAGE, { reps: [{ __typename: 'Outlet', id: outlet }], after });
      const page = res.data?._entities[0].fines;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.endCursor;
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('answers ledgerCheck for HQ with claims:decide only', async () => {
    const check = await run(as.decider(), `{ ledgerCheck { unbalancedEntries trialBalanceFen balanced entries } }`);
    expect(check.data?.ledgerCheck).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0, balanced: true });
    expect(check.data?.ledgerCheck.entries).toBeGreaterThan(3);
    expect((await run(as.agent(), `{ ledgerCheck { balanced } }`)).code).toBe('SCOPE_MISSING');
    expect((await run(as.partner(randomUUID(), ['claims:read', 'claims:decide'] as never), `{ ledgerCheck { balanced } }`)).code).toBe('HQ_ONLY');
  });
});
