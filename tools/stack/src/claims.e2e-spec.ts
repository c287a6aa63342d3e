import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_LIABILITY_POLICIES, LIABILITY_POLICY_2024, type LiabilityPolicies } from '@courierdesk/domain-liability';
import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { newWaybillFields } from '@courierdesk/domain-parcel/testing';
import { CallerTokenIssuer, callerTokenSettings, mintInternalToken, Role, Scope } from '@courierdesk/platform-auth';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph, type GraphResponse } from './testing/e2e-graph';

// Claims (理赔) through the whole graph: gateway → claims, tracking, tickets and network subgraphs →
// PostgreSQL. The claims subgraph reads the waybill's facts and scans from tracking through the
// gateway with its own service token; every waybill and scan here is made through the gateway
// (createWaybill, recordScans as a network-wide scanner), so no test depends on the demo's hour.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The rule version in force for every event in these tests (the library's current one). */
const CURRENT_RULES = LIABILITY_POLICY_2024.version;

const CLAIM = `id number kind status version waybillNo claimedFen approvedFen ruleVersion bearingPlaceKind bearingPlaceId paidAt
  decision { rule code ruleVersion explanationZh codes totalFen payableFen treatedAs insured billed bearer shipperMayClaimDamages eventAt
    lines { code amountFen ruleCode } bearing { code placeKind placeId courierId codes } }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { ${CLAIM} } }`;
const EVIDENCE = `mutation ($input: AddClaimEvidenceInput!) { addClaimEvidence(input: $input) { evidence { id } } }`;
const REVIEW = `mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { ${CLAIM} } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { ${CLAIM} } }`;
const APPROVE = `mutation ($input: ClaimVersionInput!) { approveClaim(input: $input) { ${CLAIM} } }`;
const PAY = `mutation ($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { id claimId amountFen entryId chargebackEntryId bearingAccountId customerAccountId } } }`;
const READ = `query ($id: ID, $number: String) { claim(id: $id, number: $number) { ${CLAIM} } }`;
const LEDGER_CHECK = `{ ledgerCheck { entries postings unbalancedEntries trialBalanceFen balanced } }`;
const CREATE_WAYBILL = `mutation C($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo } }`;
const RECORD = `mutation R($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted results { status reasons { field code } } } }`;
const OPEN_TICKET = `mutation O($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id number } } }`;

function ok(res: GraphResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

/** The first error's code and reason. */
const refusal = (res: GraphResponse) => {
  const ext = res.body.errors?.[0]?.extensions;
  return ext ? { code: ext.code, reason: ext.reason } : null;
};

interface Place {
  kind: 'OUTLET' | 'HUB';
  id: string;
}
type Scan = [type: string, ago: number, location: Place, extra?: object];

describe('claims through the gateway (理赔, end to end)', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let scanner: string;
  /** The claims subgraph's policy versions: undefined = the library's; the rule-change test adds one. */
  let policies: LiabilityPolicies | undefined;
  let sequence = 66_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  // Outlets and a hub of the demo network, none of them the demo partner's outlet.
  let origin: Place;
  let destination: Place;
  let hub: Place;
  let courierId: string;

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 200 },
      anomalySweepMs: 0,
      proactiveMs: 0,
      escalationSweepMs: 0,
      claimsPolicies: () => policies,
    });
    stack = e2e.stack;
    scanner = await new CallerTokenIssuer(e2e.issuerKey, callerTokenSettings()).mint({ subject: 'scanner-e2e', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
    const outlets = (await stack.network.dataSource.query(
      `SELECT o.id::text FROM network.outlet o WHERE o.id <> $1 AND EXISTS (SELECT 1 FROM network.courier c WHERE c.outlet_id = o.id AND c.active) ORDER BY o.code LIMIT 2`,
      [stack.tokens.partnerOutlet.id],
    )) as { id: string }[];
    origin = { kind: 'OUTLET', id: outlets[0].id };
    destination = { kind: 'OUTLET', id: outlets[1].id };
    const [centre] = (await stack.network.dataSource.query(`SELECT id::text FROM network.transit_centre ORDER BY code LIMIT 1`)) as { id: string }[];
    hub = { kind: 'HUB', id: centre.id };
    const [courier] = (await stack.network.dataSource.query(`SELECT id::text FROM network.courier WHERE outlet_id = $1 AND active ORDER BY code LIMIT 1`, [destination.id])) as { id: string }[];
    courierId = courier.id;
  });
  afterAll(() => e2e?.stop());

  const graphql = (query: string, token: string, variables?: Record<string, unknown>) => e2e.graphql(query, token, variables);
  const agent = () => stack.tokens.agent;
  const manager = () => stack.tokens.claimsManager;
  const claimsDb = <T = any>(query: string, params: unknown[] = []) => stack.claims.dataSource.query(query, params) as Promise<T[]>;

  /** A new waybill through the gateway, ordered `ago` ms ago, with the given fees and values. */
  async function createWaybill(ago: number, fields: { declaredValueFen?: number; insuredValueFen?: number; freightFen?: number } = {}, from = origin, to = destination): Promise<string> {
    const waybillNo = makeWaybillNo(++sequence);
    const input = {
      ...newWaybillFields({ waybillNo, originOutletId: from.id, destinationOutletId: to.id, declaredValueFen: 0, insuredValueFen: 0, freightFen: 1_200, ...fields }),
      createdAt: new Date(Date.now() - ago).toISOString(),
    };
    expect(ok(await graphql(CREATE_WAYBILL, scanner, { input })).createWaybill.waybillNo).toBe(waybillNo);
    return waybillNo;
  }

  /** Records scans through the gateway as a network-wide scanner; every one must be accepted. */
  async function recordScans(waybillNo: string, scans: Scan[]): Promise<void> {
    const events = scans.map(([type, ago, location, extra], i) => ({ eventId: `${waybillNo}-${i}-${type}`, waybillNo, type, eventTime: new Date(Date.now() - ago).toISOString(), location, ...extra }));
    const res = ok(await graphql(RECORD, scanner, { e: events })).recordScans;
    expect(res.results.filter((r: { status: string }) => r.status !== 'ACCEPTED')).toEqual([]);
  }

  const at = (ago: number) => new Date(Date.now() - ago);
  const file = async (input: Record<string, unknown>, token = agent()) => ok(await graphql(FILE, token, { input: { claimant: 'SENDER', ...input } })).fileClaim;
  const addEvidence = async (claimId: string, item: string, kind: string) => ok(await graphql(EVIDENCE, agent(), { input: { claimId, item, kind, storageRef: `oss://claims/${randomUUID()}` } }));
  const review = async (claim: { id: string; version: number }) => ok(await graphql(REVIEW, agent(), { input: { claimId: claim.id, version: claim.version } })).reviewClaim;
  const decide = async (claim: { id: string; version: number }, findings: Record<string, unknown> = { notifiedOfCap: true }) =>
    ok(await graphql(DECIDE, manager(), { input: { claimId: claim.id, version: claim.version, ...findings } })).decideClaim;
  const approve = async (claim: { id: string; version: number }) => ok(await graphql(APPROVE, manager(), { input: { claimId: claim.id, version: claim.version } })).approveClaim;
  const read = async (id: string, token = agent()) => ok(await graphql(READ, token, { id })).claim;
  /** Files a claim, adds its evidence, reviews it (UNDER_REVIEW) and decides it. */
  async function fileAndDecide(input: Record<string, unknown>, evidence: [string, string][], findings?: Record<string, unknown>) {
    const filed = await file(input);
    for (const [item, kind] of evidence) await addEvidence(filed.id, item, kind);
    const reviewed = await review(filed);
    expect(reviewed.status).toBe('UNDER_REVIEW');
    return decide(reviewed, findings);
  }
  /** Rows of the claims schema that a refused request must leave alone. */
  const counts = async () =>
    (
      await claimsDb(
        `SELECT (SELECT count(*)::int FROM claims.claim) AS claims, (SELECT count(*)::int FROM claims.claim_event) AS events,
                (SELECT count(*)::int FROM claims.claim_evidence) AS evidence, (SELECT count(*)::int FROM claims.payout) AS payouts,
                (SELECT count(*)::int FROM claims.ledger_entry) AS entries, (SELECT count(*)::int FROM claims.ledger_posting) AS postings`,
      )
    )[0];
  const claimRow = async (id: string) => (await claimsDb(`SELECT status, version, approved_fen::int AS approved, paid_at IS NOT NULL AS paid FROM claims.claim WHERE id = $1`, [id]))[0];

  /** Picked up at the origin, through the hub, arrived at the destination outlet `arrivedAgo` ms ago. */
  const trip = (arrivedAgo: number): Scan[] => [
    ['PICKED_UP', arrivedAgo + 30 * HOUR, origin],
    ['ARRIVED_AT_HUB', arrivedAgo + 20 * HOUR, hub],
    ['DEPARTED_HUB', arrivedAgo + 10 * HOUR, hub],
    ['ARRIVED_AT_OUTLET', arrivedAgo, destination],
  ];

  /** An approved claim on a new waybill, damaged at the destination outlet (which bears it), for `lossFen`. */
  async function approvedDamageClaim(lossFen: number) {
    const no = await createWaybill(4 * DAY, { freightFen: 1_000 });
    await recordScans(no, [...trip(2 * DAY), ['PROBLEM_REPORTED', 2 * DAY - 8 * HOUR, destination, { problemCode: 'DAMAGED' }]]);
    const decided = await fileAndDecide({ waybillNo: no, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: lossFen, actualValueFen: lossFen * 2, actualLossFen: lossFen }, [
      ['DAMAGE_PHOTO', 'PHOTO'],
      ['PROOF_OF_VALUE', 'DOCUMENT'],
    ]);
    return approve(decided);
  }

  it('reads a waybill’s facts and scans through the graph, files a claim on them, and shows it on Waybill.claims', async () => {
    const [w] = (await stack.tracking.dataSource.query(
      `SELECT waybill_no, freight_fen::int AS freight, origin_outlet_id::text AS origin FROM tracking.waybill WHERE signed_at IS NOT NULL ORDER BY waybill_no LIMIT 1`,
    )) as { waybill_no: string; freight: number; origin: string }[];
    const facts = await stack.claims.services.waybills.facts(w.waybill_no);
    expect(facts).toMatchObject({ waybillNo: w.waybill_no, fees: { serviceFeeFen: w.freight, insuranceFeeFen: 0, addOnFeesFen: 0 }, originOutletId: w.origin });
    expect(facts?.signedAt).toBeInstanceOf(Date);
    expect(facts?.scans.length).toBeGreaterThan(2);
    expect(facts?.scans.some((s) => s.location?.kind === 'HUB')).toBe(true);
    expect(facts?.scans.some((s) => s.location?.kind === 'OUTLET')).toBe(true);
    expect(await stack.claims.services.waybills.facts(makeWaybillNo(99_000_000_001))).toBeNull();

    const filed = ok(
      await e2e.graphql(`mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id number status } }`, stack.tokens.agent, {
        input: { waybillNo: w.waybill_no, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 100, actualValueFen: 1_000, actualLossFen: 100 },
      }),
    ).fileClaim;
    expect(filed.status).toBe('SUBMITTED');
    const readBack = ok(await e2e.graphql(`query ($no: String!) { waybill(waybillNo: $no) { claims { number } } }`, stack.tokens.agent, { no: w.waybill_no }));
    expect(readBack.waybill.claims).toEqual([{ number: filed.number }]);
    // The claims manager token holds claims:decide; the plain agent's does not.
    const input = { claimId: filed.id, version: 1, notifiedOfCap: true };
    expect((await e2e.graphql(DECIDE, stack.tokens.agent, { input })).body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await e2e.graphql(DECIDE, stack.tokens.claimsManager, { input })).body.errors?.[0]?.extensions.reason).toBe('EVIDENCE_MISSING');
  });

  describe('decisions on facts tracking holds', () => {
    // cause → outcome, billed party, bearer in the end, what the network pays, who bears it internally:
    // the destination outlet (the refusal came on its round), UNKNOWN (a carrier fault the scans
    // cannot place: courier misconduct is established by a complaint and arbitrated), or nobody.
    it.each([
      ['NOT_AS_DESCRIBED', 'BILL_SHIPPER', 'SHIPPER', 'SHIPPER', 0, null],
      ['CARRIER_DELAY', 'CARRIER_BEARS', null, 'CARRIER', 1_200, 'DESTINATION'],
      ['COURIER_MISCONDUCT', 'CARRIER_BEARS', null, 'CARRIER', 1_200, 'UNKNOWN'],
      ['NO_REASON', 'BILL_SHIPPER', 'SHIPPER', 'CONSIGNEE', 0, null],
      ['DAMAGED_IN_CARRIAGE', 'CARRIER_BEARS', null, 'CARRIER', 1_200, 'DESTINATION'],
      ['PLATFORM_NO_REASON_RETURN', 'BILL_SHIPPER', 'SHIPPER', 'MERCHANT_OR_PLATFORM', 0, null],
    ])('a refusal (拒收), cause %s: %s, billed %s, borne by %s, pays %d, internally borne by %s', async (cause, code, billed, bearer, payable, internal) => {
      const no = await createWaybill(3 * DAY, { freightFen: 1_200 });
      const refusedAgo = DAY - 4 * HOUR;
      await recordScans(no, [
        ...trip(DAY),
        ['OUT_FOR_DELIVERY', DAY - 2 * HOUR, destination, { courierId }],
        ['DELIVERY_FAILED', refusedAgo, destination, { failureReason: 'REFUSED' }],
        ['RETURN_STARTED', DAY - 5 * HOUR, destination],
      ]);
      const decided = await fileAndDecide({ waybillNo: no, kind: 'RETURN_FREIGHT', claimedFen: 1_200, refusalCause: cause }, [['REFUSAL_CAUSE_PROOF', 'RECORDING']]);
      expect(decided.decision).toMatchObject({ rule: 'RETURN_FREIGHT', code, billed, bearer, totalFen: 1_200, payableFen: payable, ruleVersion: CURRENT_RULES });
      // The event whose rule version applies is the refusal scan (not the filing, not the return).
      expect(Math.abs(new Date(decided.decision.eventAt).getTime() - at(refusedAgo).getTime())).toBeLessThan(60_000);
      expect(decided.decision.codes).toContain(`CAUSE_${cause}`);
      expect(decided.decision.shipperMayClaimDamages).toBe(cause === 'DAMAGED_IN_CARRIAGE');
      expect(decided.decision.explanationZh).toMatch(/运费/);
      expect(decided.ruleVersion).toBe(CURRENT_RULES);
      if (internal === 'DESTINATION') {
        // The refusal happened on the destination outlet's delivery round: that outlet bears it.
        expect(decided.decision.bearing).toMatchObject({ code: 'BORNE_BY_PLACE', placeKind: 'OUTLET', placeId: destination.id });
        expect(decided).toMatchObject({ bearingPlaceKind: 'OUTLET', bearingPlaceId: destination.id });
      } else {
        expect(decided.decision.bearing).toBeNull();
        expect(decided).toMatchObject({ bearingPlaceKind: null, bearingPlaceId: null });
      }
      expect(decided.decision.codes.includes('INTERNAL_BEARER_UNKNOWN')).toBe(internal === 'UNKNOWN');
      expect((await approve(decided)).approvedFen).toBe(payable);
    });

    it('a lost insured parcel stalled at a hub: the insured amount, never above the value; the hub bears it', async () => {
      const no = await createWaybill(12 * DAY, { declaredValueFen: 50_000, insuredValueFen: 50_000, freightFen: 1_200 });
      await recordScans(no, [
        ['PICKED_UP', 12 * DAY - HOUR, origin],
        ['ARRIVED_AT_HUB', 11 * DAY, hub],
      ]);
      const decided = await fileAndDecide({ waybillNo: no, kind: 'LOSS', claimedFen: 50_000, actualValueFen: 60_000 }, [
        ['PROOF_OF_VALUE', 'DOCUMENT'],
        ['INSURANCE_RECEIPT', 'DOCUMENT'],
      ]);
      expect(decided.decision).toMatchObject({ rule: 'COMPENSATION', code: 'COMPENSATE', insured: true, totalFen: 50_000, payableFen: 50_000, bearer: 'CARRIER', ruleVersion: CURRENT_RULES });
      expect(decided.decision.lines).toEqual([{ code: 'INSURED_COMPENSATION', amountFen: 50_000, ruleCode: 'compensation.insured-loss' }]);
      expect(decided.decision.explanationZh).toContain('保价');
      expect(decided.decision.bearing).toMatchObject({ code: 'BORNE_BY_PLACE', placeKind: 'HUB', placeId: hub.id });
      const bearing = ok(await graphql(`query ($id: ID) { claim(id: $id) { bearingTransitCentre { id name } bearingOutlet { id } } }`, agent(), { id: decided.id })).claim;
      expect(bearing.bearingTransitCentre.id).toBe(hub.id);
      expect(bearing.bearingTransitCentre.name).toBeTruthy();
      expect(bearing.bearingOutlet).toBeNull();
    });

    it('a lost uninsured parcel (a LOST problem scan at the hub): the actual loss, capped at the freight multiple only when the shipper was told', async () => {
      const no = await createWaybill(6 * DAY, { freightFen: 1_000 });
      await recordScans(no, [
        ['PICKED_UP', 6 * DAY - HOUR, origin],
        ['ARRIVED_AT_HUB', 5 * DAY, hub],
        ['PROBLEM_REPORTED', 4 * DAY, hub, { problemCode: 'LOST' }],
      ]);
      const notTold = await fileAndDecide({ waybillNo: no, kind: 'LOSS', claimedFen: 20_000, actualValueFen: 20_000 }, [['PROOF_OF_VALUE', 'DOCUMENT']], { notifiedOfCap: false });
      expect(notTold.decision).toMatchObject({ code: 'COMPENSATE', insured: false, totalFen: 20_000, ruleVersion: CURRENT_RULES });
      expect(notTold.decision.codes).toContain('CAP_NOT_NOTIFIED');
      expect(notTold.decision.bearing).toMatchObject({ placeKind: 'HUB', placeId: hub.id });
      const told = await decide(notTold, { notifiedOfCap: true });
      expect(told.decision.lines).toEqual([
        { code: 'ACTUAL_LOSS', amountFen: 20_000, ruleCode: 'compensation.uninsured-actual-loss' },
        { code: 'UNINSURED_CAP', amountFen: -(20_000 - LIABILITY_POLICY_2024.uninsuredCapFreightMultiple * 1_000), ruleCode: 'compensation.uninsured-cap' },
      ]);
      expect(told.decision.totalFen).toBe(LIABILITY_POLICY_2024.uninsuredCapFreightMultiple * 1_000);
      // Intent or gross negligence lifts the cap whatever the shipper was told.
      expect((await decide(told, { notifiedOfCap: true, intentOrGrossNegligence: true })).decision.totalFen).toBe(20_000);
    });

    it('a delay claimed after a late delivery: the promise is read from tracking after delivery too, and the service fee is waived', async () => {
      // Picked up 12 days ago, signed a day ago: far past any lane's promise, and delivered.
      const no = await createWaybill(13 * DAY, { freightFen: 1_500 });
      await recordScans(no, [...trip(2 * DAY + 9 * DAY), ['OUT_FOR_DELIVERY', DAY + HOUR, destination, { courierId }], ['SIGNED', DAY, destination, { signer: { kind: 'RECIPIENT', name: '李四' } }]]);
      const { waybill } = ok(await graphql('query($no: String!) { waybill(waybillNo: $no) { status eta { expectedAt } promisedAt } }', agent(), { no }));
      expect(waybill).toMatchObject({ status: 'DELIVERED', eta: null });
      expect(new Date(waybill.promisedAt).getTime()).toBeLessThan(Date.now() - DAY);
      const decided = await fileAndDecide({ waybillNo: no, kind: 'DELAY', claimant: 'SENDER', claimedFen: 1_500 }, []);
      expect(decided.decision).toMatchObject({ code: 'SERVICE_FEE_WAIVED', totalFen: 1_500 });
    });

    it('a damaged parcel: the outlet holding it when the damage was reported bears it; on arrival, the hub before it', async () => {
      const inCustody = await createWaybill(4 * DAY, { freightFen: 1_500 });
      await recordScans(inCustody, [
        ...trip(2 * DAY),
        ['PROBLEM_REPORTED', 2 * DAY - 8 * HOUR, destination, { problemCode: 'DAMAGED' }],
        ['OUT_FOR_DELIVERY', DAY, destination, { courierId }],
        ['SIGNED', DAY - HOUR, destination, { signer: { kind: 'RECIPIENT', name: '李四' } }],
      ]);
      const evidence: [string, string][] = [
        ['DAMAGE_PHOTO', 'PHOTO'],
        ['PROOF_OF_VALUE', 'DOCUMENT'],
      ];
      const decided = await fileAndDecide({ waybillNo: inCustody, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 4_000, actualValueFen: 10_000, actualLossFen: 4_000 }, evidence);
      expect(decided.decision).toMatchObject({ code: 'COMPENSATE', totalFen: 4_000, ruleVersion: CURRENT_RULES });
      expect(decided.decision.bearing).toMatchObject({ code: 'BORNE_BY_PLACE', placeKind: 'OUTLET', placeId: destination.id });
      expect(decided.decision.bearing.codes).toContain('DAMAGED_IN_CUSTODY');
      const named = ok(await graphql(`query ($id: ID) { claim(id: $id) { bearingOutlet { id name } } }`, agent(), { id: decided.id })).claim;
      expect(named.bearingOutlet.id).toBe(destination.id);
      expect(named.bearingOutlet.name).toBeTruthy();

      const onArrival = await createWaybill(4 * DAY, { freightFen: 1_500 });
      await recordScans(onArrival, [...trip(2 * DAY), ['PROBLEM_REPORTED', 2 * DAY - HOUR, destination, { problemCode: 'DAMAGED' }]]);
      const arrivedDamaged = await fileAndDecide({ waybillNo: onArrival, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 4_000, actualValueFen: 10_000, actualLossFen: 4_000 }, evidence);
      expect(arrivedDamaged.decision.bearing).toMatchObject({ placeKind: 'HUB', placeId: hub.id });
      expect(arrivedDamaged.decision.bearing.codes).toContain('DAMAGED_ON_ARRIVAL');
    });
  });

  describe('payouts (赔付): exactly once through the gateway', () => {
    it('pays once when retried 50 times at once, with one shared key and keys of their own mixed; the bearing outlet is charged back', async () => {
      const claim = await approvedDamageClaim(2_500);
      expect(claim).toMatchObject({ status: 'APPROVED', approvedFen: 2_500, bearingPlaceKind: 'OUTLET', bearingPlaceId: destination.id });
      const balance = `query ($id: ID!) { outlet(id: $id) { balance { balanceFen } } }`;
      const before = ok(await graphql(balance, manager(), { id: destination.id })).outlet.balance.balanceFen;
      const keys = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? `shared-${claim.id}` : `own-${i}-${claim.id}`));

      const results = await Promise.all(keys.map((idempotencyKey) => graphql(PAY, manager(), { input: { claimId: claim.id, idempotencyKey } })));

      const paid = results.filter((r) => !r.body.errors).map((r) => r.body.data.payClaim);
      expect(paid.filter((p) => !p.replayed)).toHaveLength(1);
      expect(new Set(paid.map((p) => p.payout.id)).size).toBe(1);
      const winner = keys[results.findIndex((r) => !r.body.errors && !r.body.data.payClaim.replayed)];
      // Every call with the winner's key got its result; every other was told the claim is paid.
      expect(results.map((r, i) => [keys[i] === winner, refusal(r)])).toEqual(keys.map((k) => [k === winner, k === winner ? null : { code: 'CONFLICT', reason: 'CLAIM_ALREADY_PAID' }]));
      expect(paid[0].payout).toMatchObject({ claimId: claim.id, amountFen: 2_500, bearingAccountId: `OUTLET:${destination.id}` });
      expect(await claimsDb(`SELECT count(*)::int AS n FROM claims.payout WHERE claim_id = $1`, [claim.id])).toEqual([{ n: 1 }]);
      expect(await claimsDb(`SELECT kind, count(*)::int AS n FROM claims.ledger_entry WHERE claim_id = $1 GROUP BY kind ORDER BY kind`, [claim.id])).toEqual([
        { kind: 'CHARGEBACK', n: 1 },
        { kind: 'PAYOUT', n: 1 },
      ]);
      expect(await claimRow(claim.id)).toMatchObject({ status: 'PAID', paid: true });
      expect(ok(await graphql(balance, manager(), { id: destination.id })).outlet.balance.balanceFen).toBe(before - 2_500);
      expect((await read(claim.id)).status).toBe('PAID');
    });

    it('a connection killed while the payout waits on the claim’s row lock loses nothing and pays nothing; the retry pays once', async () => {
      const claim = await approvedDamageClaim(1_800);
      const rowsBefore = await counts();
      const holder = new Client({ connectionString: e2e.db.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT id FROM claims.claim WHERE id = $1 FOR UPDATE`, [claim.id]);
        const [{ pid: holderPid }] = (await holder.query(`SELECT pg_backend_pid() AS pid`)).rows;
        const waiting = graphql(PAY, manager(), { input: { claimId: claim.id, idempotencyKey: `cut-${claim.id}` } });
        const pid = await lockWaiter(holder, holderPid);
        expect((await holder.query(`SELECT pg_terminate_backend($1) AS ok`, [pid])).rows).toEqual([{ ok: true }]);
        const cut = await waiting;
        expect(cut.body.errors?.length).toBeGreaterThan(0);
        expect(cut.body.data?.payClaim ?? null).toBeNull();
        // The lock holder's own work stands.
        await holder.query(`UPDATE claims.claim SET updated_at = updated_at WHERE id = $1`, [claim.id]);
        await holder.query('COMMIT');
      } finally {
        await holder.end();
      }
      expect(await counts()).toEqual(rowsBefore);
      expect(await claimRow(claim.id)).toMatchObject({ status: 'APPROVED', paid: false });

      const retried = ok(await graphql(PAY, manager(), { input: { claimId: claim.id, idempotencyKey: `cut-${claim.id}` } })).payClaim;
      expect(retried).toMatchObject({ replayed: false, payout: { amountFen: 1_800 } });
      const again = ok(await graphql(PAY, manager(), { input: { claimId: claim.id, idempotencyKey: `cut-${claim.id}` } })).payClaim;
      expect(again).toEqual({ ...retried, replayed: true });
      expect(await claimsDb(`SELECT count(*)::int AS n FROM claims.ledger_entry WHERE claim_id = $1`, [claim.id])).toEqual([{ n: 2 }]);
      expect(await claimRow(claim.id)).toMatchObject({ status: 'PAID', paid: true });
    });

  });

  it('a decision made before a rule change stays the same after it; a claim whose event follows the change gets the new version', async () => {
    const before = await createWaybill(4 * DAY, { freightFen: 1_000 });
    await recordScans(before, [
      ['PICKED_UP', 4 * DAY - HOUR, origin],
      ['ARRIVED_AT_HUB', 3 * DAY, hub],
    ]);
    const first = await fileAndDecide({ waybillNo: before, kind: 'LOSS', claimedFen: 20_000, actualValueFen: 20_000 }, [['PROOF_OF_VALUE', 'DOCUMENT']]);
    expect(first.decision).toMatchObject({ ruleVersion: CURRENT_RULES, totalFen: 3_000 });

    // A new version in force from a day ago raises the uninsured cap to 7× the freight.
    policies = [...DEFAULT_LIABILITY_POLICIES, { ...LIABILITY_POLICY_2024, version: 'liability-e2e.2', effectiveFrom: at(DAY), uninsuredCapFreightMultiple: 7 }];
    try {
      const stored = await read(first.id);
      expect(stored.decision).toEqual(first.decision);
      expect(stored.ruleVersion).toBe(CURRENT_RULES);
      // Re-deciding the old claim: its event (the last scan, 3 days ago) predates the new version.
      const again = await decide(stored);
      expect(again.decision).toEqual(first.decision);

      const after = await createWaybill(3 * HOUR, { freightFen: 1_000 });
      await recordScans(after, [['PICKED_UP', 2 * HOUR, origin]]);
      const later = await fileAndDecide({ waybillNo: after, kind: 'LOSS', claimedFen: 20_000, actualValueFen: 20_000 }, [['PROOF_OF_VALUE', 'DOCUMENT']]);
      expect(later.decision).toMatchObject({ ruleVersion: 'liability-e2e.2', totalFen: 7_000 });
      expect(later.ruleVersion).toBe('liability-e2e.2');
    } finally {
      policies = undefined;
    }
    expect((await read(first.id)).decision).toEqual(first.decision);
  });

  describe('a partner outlet (加盟网点) and another outlet’s claim', () => {
    let claim: any;
    let ticketId: string;
    let waybillNo: string;

    beforeAll(async () => {
      waybillNo = await createWaybill(4 * DAY, { freightFen: 1_000 });
      await recordScans(waybillNo, [...trip(2 * DAY), ['PROBLEM_REPORTED', 2 * DAY - 8 * HOUR, destination, { problemCode: 'DAMAGED' }]]);
      // A ticket the partner's outlet must act on (so it sees the ticket), about a waybill of other outlets.
      ticketId = ok(
        await graphql(OPEN_TICKET, agent(), {
          input: { kind: 'COMPLAINT', reason: 'DAMAGED', channel: 'PHONE', title: '破损投诉', waybillNo, responsibleOutletId: stack.tokens.partnerOutlet.id, callerName: '李四', callerPhone: '13998765432', callerRole: 'RECIPIENT' },
        }),
      ).openTicket.ticket.id;
      const filed = await file({ ticketId, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 3_000, actualValueFen: 9_000, actualLossFen: 3_000 });
      await addEvidence(filed.id, 'DAMAGE_PHOTO', 'PHOTO');
      await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
      claim = await decide(await review(filed));
      expect(claim.bearingPlaceId).toBe(destination.id);
      // A fine on the destination outlet, so its fines and balance hold something to hide: a sign-off
      // its scans show was premature (the parcel went out for delivery after it was "signed").
      const signedEarly = await createWaybill(4 * DAY);
      await recordScans(signedEarly, [
        ...trip(2 * DAY),
        ['SIGNED', DAY, destination, { signer: { kind: 'RECIPIENT', name: '李四' } }],
        ['OUT_FOR_DELIVERY', DAY - HOUR, destination, { courierId }],
      ]);
      ok(
        await graphql(`mutation ($input: IssueFineInput!) { issueFine(input: $input) { id } }`, manager(), {
          input: { outletId: destination.id, reason: 'FALSE_SIGN_OFF', waybillNo: signedEarly },
        }),
      );
      // The damaged parcel's scans show no false sign-off: the graph's facts refuse that fine.
      expect(
        refusal(await graphql(`mutation ($input: IssueFineInput!) { issueFine(input: $input) { id } }`, manager(), { input: { outletId: destination.id, reason: 'FALSE_SIGN_OFF', waybillNo } })),
      ).toEqual({ code: 'CONFLICT', reason: 'FINE_NOT_SUPPORTED' });
    });

    const partner = () => stack.tokens.partner;
    /** A partner of the claim's destination outlet: what the other partner must not see is there to see. */
    const theirPartner = () => e2e.mint({ subject: 'partner-destination', roles: [Role.OUTLET_PARTNER], outletId: destination.id });

    it('sees it by no path: claim(id), claim(number), the claims list, Waybill.claims, Ticket.claim, Outlet.fines and Outlet.balance', async () => {
      for (const token of [partner(), await theirPartner()]) {
        const own = token !== partner();
        const byId = await graphql(READ, token, { id: claim.id });
        const byNumber = await graphql(READ, token, { number: claim.number });
        if (own) {
          expect(ok(byId).claim.id).toBe(claim.id);
          expect(ok(byNumber).claim.id).toBe(claim.id);
        } else {
          expect(refusal(byId)).toEqual({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
          expect(refusal(byNumber)).toEqual({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
          expect(byId.text).not.toContain(claim.number);
        }
        const list = ok(await graphql(`query ($f: ClaimFilter) { claims(first: 100, filter: $f) { edges { node { id } } } }`, token, { f: { waybillNo } })).claims.edges;
        expect(list.map((e: any) => e.node.id)).toEqual(own ? [claim.id] : []);
        const byOutlet = ok(await graphql(`query ($f: ClaimFilter) { claims(first: 100, filter: $f) { edges { node { id } } } }`, token, { f: { outletId: destination.id } })).claims.edges;
        expect(byOutlet.some((e: any) => e.node.id === claim.id)).toBe(own);

        const onWaybill = await graphql(`query ($no: String!) { waybill(waybillNo: $no) { waybillNo claims { id } } }`, token, { no: waybillNo });
        if (own) expect(ok(onWaybill).waybill.claims).toEqual([{ id: claim.id }]);
        else expect(onWaybill.text).not.toContain(claim.id);

        const onTicket = await graphql(`query ($id: ID) { ticket(id: $id) { id claim { id } } }`, token, { id: ticketId });
        // The partner's outlet must act on the ticket, so it sees the ticket; the claim is about other outlets' waybill.
        if (!own) expect(ok(onTicket).ticket).toEqual({ id: ticketId, claim: null });

        const money = await graphql(`query ($id: ID!) { outlet(id: $id) { id fines(first: 10) { edges { node { id } } } balance { balanceFen } } }`, token, { id: destination.id });
        const outlet = ok(money).outlet;
        if (own) {
          expect(outlet.fines.edges).toHaveLength(1);
          expect(outlet.balance.balanceFen).toBeLessThan(0);
        } else {
          expect(outlet).toEqual({ id: destination.id, fines: null, balance: null });
        }
      }
      // HQ sees it on the ticket (the join works; the partner's null above is the row rule).
      expect(ok(await graphql(`query ($id: ID) { ticket(id: $id) { claim { id } } }`, agent(), { id: ticketId })).ticket.claim).toEqual({ id: claim.id });
    });

    it('nor through _entities straight at the claims subgraph; a claims:decide slipped into its token is dropped (a partner’s role never holds it)', async () => {
      const internal = await mintInternalToken(
        e2e.internalKey,
        { subject: 'p', roles: [Role.OUTLET_PARTNER], scopes: [Scope.CLAIMS_READ, Scope.CLAIMS_DECIDE], outletId: stack.tokens.partnerOutlet.id, tokenId: 'j' },
        'claims',
      );
      const res = await e2e.graphql(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Claim { id number } ... on Outlet { balance { balanceFen } } } }',
        internal,
        { r: [{ __typename: 'Claim', id: claim.id }, { __typename: 'Outlet', id: destination.id }] },
        stack.claims.url,
      );
      expect(res.text).not.toContain(claim.number);
      expect(res.body.data?._entities?.[0] ?? null).toBeNull();
      expect(res.body.data?._entities?.[1]?.balance ?? null).toBeNull();
      const before = await counts();
      const decideForged = await e2e.graphql(DECIDE, internal, { input: { claimId: claim.id, version: claim.version, notifiedOfCap: true } }, stack.claims.url);
      expect(refusal(decideForged)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      const payForged = await e2e.graphql(PAY, internal, { input: { claimId: claim.id, idempotencyKey: randomUUID() } }, stack.claims.url);
      expect(refusal(payForged)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      expect(await counts()).toEqual(before);
    });

    it('cannot decide, approve or pay it, and neither can an HQ agent without claims:decide; nothing is written', async () => {
      const before = await counts();
      const row = await claimRow(claim.id);
      const attempts = (token: string) => [
        graphql(DECIDE, token, { input: { claimId: claim.id, version: claim.version, notifiedOfCap: false } }),
        graphql(APPROVE, token, { input: { claimId: claim.id, version: claim.version } }),
        graphql(`mutation ($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }`, token, { input: { claimId: claim.id, version: claim.version, reason: 'no' } }),
        graphql(PAY, token, { input: { claimId: claim.id, idempotencyKey: randomUUID() } }),
      ];
      for (const res of await Promise.all([...attempts(partner()), ...attempts(await theirPartner()), ...attempts(agent())])) {
        expect(refusal(res)).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      }
      // Filing evidence or withdrawing needs claims:write, which no partner token holds.
      const withdraw = await graphql(`mutation ($input: ClaimVersionInput!) { withdrawClaim(input: $input) { id } }`, partner(), { input: { claimId: claim.id, version: claim.version } });
      expect(refusal(withdraw)?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
      expect(await claimRow(claim.id)).toEqual(row);
    });
  });

  describe('refusals with clear codes, nothing written', () => {
    it('refuses bad amounts and a claim filed past its deadline', async () => {
      const declared = await createWaybill(4 * DAY, { declaredValueFen: 50_000, freightFen: 1_000 });
      await recordScans(declared, trip(2 * DAY));
      // Delivered 370 days ago: the claim window (索赔申告期) closed 5 days ago.
      const longAgo = await createWaybill((LIABILITY_POLICY_2024.claimFilingDays + 8) * DAY, { freightFen: 1_000 });
      const deliveredAgo = (LIABILITY_POLICY_2024.claimFilingDays + 5) * DAY;
      await recordScans(longAgo, [
        ['PICKED_UP', deliveredAgo + 2 * DAY, origin],
        ['ARRIVED_AT_OUTLET', deliveredAgo + DAY, destination],
        ['OUT_FOR_DELIVERY', deliveredAgo + HOUR, destination, { courierId }],
        ['SIGNED', deliveredAgo, destination, { signer: { kind: 'RECIPIENT', name: '李四' } }],
      ]);
      const before = await counts();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ waybillNo: declared, kind: 'LOSS', claimedFen: -1 }, 'BAD_USER_INPUT', 'NEGATIVE_AMOUNT'],
        [{ waybillNo: declared, kind: 'LOSS', claimedFen: 12.5 }, 'BAD_USER_INPUT', 'AMOUNT_NOT_INTEGER'],
        [{ waybillNo: declared, kind: 'LOSS', claimedFen: 100, actualValueFen: 99.9 }, 'BAD_USER_INPUT', 'AMOUNT_NOT_INTEGER'],
        [{ waybillNo: declared, kind: 'LOSS', claimedFen: 100, actualValueFen: -5 }, 'BAD_USER_INPUT', 'NEGATIVE_AMOUNT'],
        [{ waybillNo: declared, kind: 'LOSS', claimedFen: 50_001 }, 'BAD_USER_INPUT', 'CLAIM_ABOVE_DECLARED_VALUE'],
        [{ waybillNo: declared, kind: 'DAMAGE', claimedFen: 1_000, actualValueFen: 1_000, actualLossFen: 2_000 }, 'BAD_USER_INPUT', 'LOSS_ABOVE_VALUE'],
        [{ waybillNo: declared, kind: 'RETURN_FREIGHT', claimedFen: 1_000 }, 'BAD_USER_INPUT', 'REFUSAL_CAUSE_REQUIRED'],
        [{ waybillNo: longAgo, kind: 'DAMAGE', claimedFen: 1_000, actualValueFen: 1_000, actualLossFen: 1_000 }, 'CONFLICT', 'CLAIM_FILED_TOO_LATE'],
      ];
      for (const [input, code, reason] of cases) {
        const res = await graphql(FILE, agent(), { input: { claimant: 'SENDER', ...input } });
        expect({ input, error: refusal(res) }).toEqual({ input, error: { code, reason } });
      }
      expect(await counts()).toEqual(before);
      // At the declared value exactly, the same claim is taken.
      expect((await file({ waybillNo: declared, kind: 'LOSS', claimedFen: 50_000 })).status).toBe('SUBMITTED');
    });

    it('refuses a decision on a claim missing required evidence (EVIDENCE_MISSING), writing nothing', async () => {
      const no = await createWaybill(4 * DAY, { declaredValueFen: 30_000, insuredValueFen: 30_000, freightFen: 1_000 });
      await recordScans(no, trip(2 * DAY));
      const filed = await file({ waybillNo: no, kind: 'LOSS', claimedFen: 30_000, actualValueFen: 30_000 });
      // The proof of value is there; an insured parcel's insurance receipt is not.
      await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
      const before = await counts();
      const refused = await graphql(DECIDE, manager(), { input: { claimId: filed.id, version: filed.version, notifiedOfCap: true } });
      expect(refusal(refused)).toEqual({ code: 'CONFLICT', reason: 'EVIDENCE_MISSING' });
      expect(await counts()).toEqual(before);
      expect(await read(filed.id)).toMatchObject({ status: 'SUBMITTED', version: filed.version, decision: null, ruleVersion: null });
      await addEvidence(filed.id, 'INSURANCE_RECEIPT', 'DOCUMENT');
      const decided = ok(await graphql(DECIDE, manager(), { input: { claimId: filed.id, version: filed.version, notifiedOfCap: true } })).decideClaim;
      expect(decided.decision).toMatchObject({ insured: true, totalFen: 30_000 });
    });
  });

  it('the ledger balances after all of that: payouts, chargebacks, a killed payout and a fine (ledgerCheck, claims manager only)', async () => {
    const check = ok(await graphql(LEDGER_CHECK, manager())).ledgerCheck;
    expect(check).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0, balanced: true });
    const [{ entries, postings }] = await claimsDb(`SELECT (SELECT count(*)::int FROM claims.ledger_entry) AS entries, (SELECT count(*)::int FROM claims.ledger_posting) AS postings`);
    expect(check).toMatchObject({ entries, postings });
    // Two payouts with their chargebacks, and the fine.
    expect(entries).toBeGreaterThanOrEqual(5);
    expect(refusal(await graphql(LEDGER_CHECK, agent()))).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });
});

/** The backend waiting on a lock the holder holds: the payout behind the holder's row lock. */
async function lockWaiter(db: Client, holderPid: number): Promise<number> {
  for (let i = 0; i < 300; i++) {
    const { rows } = await db.query(
      // pg_blocking_pids, not the query text: pg_stat_activity may still show the backend's previous statement.
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
      [holderPid],
    );
    if (rows[0]) return rows[0].pid as number;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no payout waited on the claim’s lock');
}
