import { randomUUID } from 'node:crypto';
import { decideClaimFacts, type ClaimFacts, type EvidenceOnFile, type StoredDecision, type WaybillFacts } from '@courierdesk/claims';
import { requestBody } from './bench-graph';
import { claimsClient, loadClaims, type ClaimLoad } from './claims-load';
import type { StageContext } from './stage-measurements';
import { clock, latencyStats, msSince, runConcurrently, type LatencyStats } from './stats';

/** What the claims workload measures (`--claims`). */
export interface ClaimsOptions {
  /** Claims loaded on the volume. */
  count: number;
  /** Decisions timed one after another on each path (after `warmup`). */
  decisions: number;
  warmup: number;
  /** Payouts per concurrency level, each on a distinct approved claim. */
  payouts: number;
  /** Concurrent payout clients, one run per level. */
  payoutConcurrency: number[];
}

/** One path's decisions, one after another. */
export interface DecisionFigures {
  decisions: number;
  latency: LatencyStats;
}

/** Payouts at one concurrency. */
export interface PayoutFigures {
  concurrency: number;
  payouts: number;
  seconds: number;
  perSecond: number;
  latency: LatencyStats;
  /** Payouts with a chargeback to the place that bears the fault (a second ledger entry). */
  chargebacks: number;
  /** Fen paid in all. */
  paidFen: number;
  /** The claims subgraph's PostgreSQL sessions sampled every 20 ms meanwhile: state or wait event → share of the samples (what they wait on). */
  sessions: Record<string, number>;
  /** Mean claims sessions in a transaction or a statement per sample (its pool holds at most 10). */
  busySessions: number;
}

/** The claims workload's results. */
export interface ClaimsResult {
  load: ClaimLoad;
  /** decideClaim through the gateway: the claims subgraph reads the waybill's facts and timeline from tracking through the gateway. */
  gateway: DecisionFigures;
  /** The facts read alone, through the gateway with the claims service's token, as the decision reads them. */
  facts: DecisionFigures & { scansPerWaybill: number };
  /** The same decisions computed in-process by the library (decideClaimFacts) on the pre-fetched facts. */
  inProcess: DecisionFigures;
  /** Gateway ÷ in-process, p50 and p99. */
  ratio: { p50: number; p99: number };
  /** The gateway's and the in-process decisions disagreeing (code or payable amount); 0 expected. */
  mismatches: number;
  /** The first few mismatches, to see why. */
  mismatchExamples: string[];
  /** Decision outcomes of the timed decisions, by code. */
  outcomes: Record<string, number>;
  /** Claims the library refused to decide in-process (by error code): left out of both timed paths. */
  refused: Record<string, number>;
  /** Decisions made to have enough approved claims to pay, `concurrency` clients through the gateway. */
  prepare: { decisions: number; concurrency: number; seconds: number; perSecond: number; approvals: number; approvalSeconds: number };
  payouts: PayoutFigures[];
  /** The same payout requests sent again (same keys, concurrently): every one answered from the first, nothing paid twice. */
  retries: { sent: number; replayed: number; samePayout: number };
  /** ledgerCheck through the gateway, and the tables counted after the payouts. */
  ledger: { entries: number; postings: number; unbalancedEntries: number; trialBalanceFen: number; balanced: boolean; payoutRows: number; paidClaims: number };
  seconds: number;
}

interface ClaimSample {
  id: string;
  number: string;
  version: number;
  facts: ClaimFacts;
  waybillNo: string;
  evidence: EvidenceOnFile[];
}

const DECIDE = `mutation Decide($input: DecideClaimInput!) { decideClaim(input: $input) { id kind waybillNo status version decision { code payableFen ruleVersion treatedAs } } }`;
// A lost parcel is approved and paid only after a headless-parcel search (无头件查找) for its waybill.
const HEADLESS_SEARCH = `mutation Search($input: SearchHeadlessParcelsInput!) { searchHeadlessParcels(input: $input) { id candidateCount } }`;
const APPROVE = `mutation Approve($input: ClaimVersionInput!) { approveClaim(input: $input) { id status version approvedFen } }`;
const PAY = `mutation Pay($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { id claimId amountFen chargebackEntryId } } }`;
const LEDGER_CHECK = `query { ledgerCheck { entries postings unbalancedEntries trialBalanceFen balanced } }`;

interface Decided {
  decideClaim: { id: string; kind: string; waybillNo: string; status: string; version: number; decision: { code: string; payableFen: number; ruleVersion: string; treatedAs: string | null } };
}
/** The waybill of a claim for a lost parcel (a loss, or a delay treated as one), else null. */
const lostWaybillOf = (c: Decided['decideClaim']): string | null => (c.kind === 'LOSS' || c.decision.treatedAs === 'LOSS' ? c.waybillNo : null);

interface Paid {
  payClaim: { replayed: boolean; payout: { id: string; claimId: string; amountFen: number; chargebackEntryId: string | null } };
}

/** HQ's finding, the same on both paths: every other shipper was told of the uninsured cap. */
const notifiedOfCap = (i: number) => i % 2 === 0;

/** Undecided UNDER_REVIEW claims in a fixed pseudo-random order, with what the decision reads of them. */
async function undecided(databaseUrl: string, limit: number, skip: number): Promise<ClaimSample[]> {
  const client = await claimsClient(databaseUrl, 'courierdesk-bench-claims');
  try {
    const { rows } = await client.query(
      `SELECT c.id, c.number, c.version, c.kind, c.claimed_fen::float8 AS "claimedFen", c.filed_at AS "filedAt", c.refusal_cause AS "refusalCause",
              c.actual_value_fen::float8 AS "actualValueFen", c.actual_loss_fen::float8 AS "actualLossFen", c.promised_at AS "promisedAt", c.waybill_no AS "waybillNo",
              coalesce((SELECT json_agg(json_build_object('item', e.item, 'kind', e.kind)) FROM claim_evidence e WHERE e.claim_id = c.id), '[]') AS evidence
         FROM claim c WHERE c.status = 'UNDER_REVIEW' AND c.decision IS NULL
        ORDER BY md5(c.id::text) OFFSET $2 LIMIT $1`,
      [limit, skip],
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      version: r.version,
      waybillNo: r.waybillNo,
      evidence: r.evidence,
      facts: {
        kind: r.kind,
        claimedFen: r.claimedFen,
        filedAt: r.filedAt,
        refusalCause: r.refusalCause,
        actualValueFen: r.actualValueFen,
        actualLossFen: r.actualLossFen,
        promisedAt: r.promisedAt,
        notifiedOfCap: false,
        intentOrGrossNegligence: false,
        exemption: null,
      },
    }));
  } finally {
    await client.end();
  }
}

const decideBody = (c: ClaimSample, i: number) => requestBody(DECIDE, { input: { claimId: c.id, version: c.version, notifiedOfCap: notifiedOfCap(i) } });

/** The library's decision on pre-fetched facts, as ClaimWorkflowService.decide makes it (no ticket: the loaded claims have none). */
const decideInProcess = (c: ClaimSample, waybill: WaybillFacts, i: number, now: Date): StoredDecision =>
  decideClaimFacts({ ...c.facts, notifiedOfCap: notifiedOfCap(i) }, waybill, null, now, undefined, { checkEvidence: c.evidence });

/**
 * Samples the claims subgraph's sessions (pg_stat_activity, application courierdesk-claims) every
 * 20 ms until stopped: what a payout waits on under concurrency (locks, the pool, I/O, CPU).
 */
function sampleSessions(databaseUrl: string): { stop: () => Promise<Pick<PayoutFigures, 'sessions' | 'busySessions'>> } {
  const tally: Record<string, number> = {};
  let samples = 0;
  let busy = 0;
  let running = true;
  const loop = (async () => {
    const client = await claimsClient(databaseUrl, 'courierdesk-bench-sampler');
    try {
      while (running) {
        const { rows } = await client.query(
          `SELECT coalesce(wait_event_type || ':' || wait_event, state) AS what FROM pg_stat_activity
            WHERE application_name = 'courierdesk-claims' AND state <> 'idle'`,
        );
        samples++;
        busy += rows.length;
        for (const r of rows as { what: string }[]) tally[r.what] = (tally[r.what] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const total = Object.values(tally).reduce((a, b) => a + b, 0) || 1;
      const sessions = Object.fromEntries(Object.entries(tally).sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n / total]));
      return { sessions, busySessions: samples ? busy / samples : 0 };
    },
  };
}

const codeOf = (err: unknown) => (err as { code?: string; reason?: string }).code ?? (err instanceof Error ? err.message.slice(0, 60) : String(err));

/**
 * Claims at volume (`--claims`, after the last stage's other workloads): `count` claims loaded;
 * decideClaim through the gateway (its facts and timeline read from tracking through the gateway)
 * against the facts read alone and the library's decision in-process on pre-fetched facts, one
 * client each, the same claims; then enough claims decided and approved to pay, payClaim at each
 * concurrency on distinct claims with idempotency keys, the same requests retried, and the ledger
 * checked.
 */
export async function measureClaims(ctx: StageContext, o: ClaimsOptions): Promise<ClaimsResult> {
  const { graph, databaseUrl, options } = ctx;
  const { log } = options;
  const started = clock();
  if (!graph.claimsFacts) throw new Error('the claims workload needs the claims subgraph in the bench graph');
  const manager = graph.tokens.claimsManager;
  log(`  claims: loading ${o.count.toLocaleString('en')} claims…`);
  const load = await loadClaims(databaseUrl, o.count, new Date());
  log(`  claims: ${load.claims.toLocaleString('en')} claims (${JSON.stringify(load.byStatus)}), ${load.evidence.toLocaleString('en')} evidence rows, ${load.events.toLocaleString('en')} audit lines in ${load.seconds.toFixed(1)} s; VACUUM ANALYZE ${load.vacuumSeconds.toFixed(1)} s`);

  // The sample: facts read (and timed) through the gateway, the library's decision in-process; a claim the library refuses is left out of both paths.
  const wanted = o.warmup + o.decisions;
  const candidates = await undecided(databaseUrl, Math.ceil(wanted * 1.2) + 10, 0);
  log(`  claims: ${candidates.length} decisions' facts through the gateway, then in-process, then decideClaim through the gateway, one client each…`);
  const factsLatency: number[] = [];
  const prefetched: { claim: ClaimSample; waybill: WaybillFacts }[] = [];
  for (const claim of candidates) {
    const at = clock();
    const waybill = await graph.claimsFacts.facts(claim.waybillNo);
    factsLatency.push(msSince(at));
    if (!waybill) throw new Error(`claim ${claim.number}: waybill ${claim.waybillNo} not in the graph`);
    prefetched.push({ claim, waybill });
  }
  const refused: Record<string, number> = {};
  const now = new Date();
  const sample: { claim: ClaimSample; waybill: WaybillFacts; expected: StoredDecision }[] = [];
  for (const p of prefetched) {
    try {
      // Indexed by the sample's position, as the timed loops and the gateway's requests are (HQ's finding alternates with it).
      sample.push({ ...p, expected: decideInProcess(p.claim, p.waybill, sample.length, now) });
    } catch (err) {
      refused[codeOf(err)] = (refused[codeOf(err)] ?? 0) + 1;
    }
    if (sample.length === wanted) break;
  }
  if (sample.length < o.warmup + 1) throw new Error(`only ${sample.length} claims could be decided: ${JSON.stringify(refused)}`);
  // In-process: the warm-up decisions first (JIT), then the timed ones; the index keeps HQ's finding the same as the gateway's.
  const inProcessLatency: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [i, s] of sample.entries()) {
      const at = clock();
      decideInProcess(s.claim, s.waybill, i, now);
      if (round === 1 && i >= o.warmup) inProcessLatency.push(msSince(at));
    }
  }
  const gatewayLatency: number[] = [];
  const outcomes: Record<string, number> = {};
  let mismatches = 0;
  const mismatchExamples: string[] = [];
  const decided: { id: string; version: number; payableFen: number; lostWaybill: string | null }[] = [];
  for (const [i, s] of sample.entries()) {
    const body = decideBody(s.claim, i);
    const at = clock();
    const { decideClaim } = await graph.gatewayBody<Decided>(manager, body);
    const ms = msSince(at);
    if (i < o.warmup) continue;
    gatewayLatency.push(ms);
    const d = decideClaim.decision;
    outcomes[d.code] = (outcomes[d.code] ?? 0) + 1;
    if (d.code !== s.expected.code || d.payableFen !== s.expected.payableFen) {
      mismatches++;
      if (mismatchExamples.length < 5) mismatchExamples.push(`${s.claim.number} ${s.claim.facts.kind}: in-process ${s.expected.code} ${s.expected.payableFen}, gateway ${d.code} ${d.payableFen}`);
    }
    decided.push({ id: decideClaim.id, version: decideClaim.version, payableFen: d.payableFen, lostWaybill: lostWaybillOf(decideClaim) });
  }
  const timedFacts = factsLatency.slice(o.warmup, o.warmup + gatewayLatency.length);
  const gateway = { decisions: gatewayLatency.length, latency: latencyStats(gatewayLatency) };
  const inProcess = { decisions: inProcessLatency.length, latency: latencyStats(inProcessLatency) };
  const scans = sample.reduce((n, s) => n + s.waybill.scans.length, 0) / sample.length;
  log(`  claims: decideClaim via gateway p50 ${gateway.latency.p50Ms.toFixed(2)} ms, in-process p50 ${(inProcess.latency.p50Ms * 1000).toFixed(1)} µs; ${mismatches} mismatches`);

  // Enough payable claims to pay at every level: more decisions, concurrently (timed as a rate), then approvals.
  const needed = o.payouts * o.payoutConcurrency.length;
  const payable = decided.filter((d) => d.payableFen > 0);
  const prepareConcurrency = 8;
  let prepareDecisions = 0;
  let prepareMs = 0;
  let skip = 0;
  while (payable.length < needed) {
    const batch = await undecided(databaseUrl, Math.min(1000, Math.max(50, 2 * (needed - payable.length))), skip);
    if (batch.length === 0) throw new Error(`only ${payable.length} payable claims after deciding every UNDER_REVIEW claim; ${needed} needed`);
    const at = clock();
    const results = await runConcurrently(
      batch.map((c, i) => async () => {
        try {
          return (await graph.gatewayBody<Decided>(manager, decideBody(c, i))).decideClaim;
        } catch {
          // A claim the library refuses (its code is counted above on the sample) stays undecided: skip past it next round.
          return null;
        }
      }),
      prepareConcurrency,
    );
    prepareMs += msSince(at);
    prepareDecisions += results.filter((r) => r !== null).length;
    skip += results.filter((r) => r === null).length;
    for (const r of results) if (r && r.decision.payableFen > 0) payable.push({ id: r.id, version: r.version, payableFen: r.decision.payableFen, lostWaybill: lostWaybillOf(r) });
  }
  log(`  claims: ${prepareDecisions} more decisions at ${prepareConcurrency} clients (${(prepareDecisions / (prepareMs / 1000)).toFixed(0)}/s); approving ${needed}…`);
  const toPay = payable.slice(0, needed);
  const lost = [...new Set(toPay.map((d) => d.lostWaybill).filter((no): no is string => no !== null))];
  await runConcurrently(
    lost.map((waybillNo) => async () => graph.gatewayBody(manager, requestBody(HEADLESS_SEARCH, { input: { waybillNo } }))),
    prepareConcurrency,
  );
  log(`  claims: ${lost.length} headless-parcel searches for the lost parcels among them`);
  const approveStarted = clock();
  const approved = await runConcurrently(
    toPay.map((d) => async () => (await graph.gatewayBody<{ approveClaim: { id: string; approvedFen: number } }>(manager, requestBody(APPROVE, { input: { claimId: d.id, version: d.version } }))).approveClaim),
    prepareConcurrency,
  );
  const approvalSeconds = msSince(approveStarted) / 1000;

  // Payouts: each level on claims of its own, a fresh idempotency key per payout.
  const payouts: PayoutFigures[] = [];
  const requests: { body: string; claimId: string; payoutId: string }[] = [];
  for (const [level, concurrency] of o.payoutConcurrency.entries()) {
    const claims = approved.slice(level * o.payouts, (level + 1) * o.payouts);
    const bodies = claims.map((c) => ({ claimId: c.id, amountFen: c.approvedFen, body: requestBody(PAY, { input: { claimId: c.id, idempotencyKey: randomUUID() } }) }));
    log(`  claims: ${bodies.length} payouts at ${concurrency} concurrent clients…`);
    const latencies: number[] = [];
    const sampling = sampleSessions(databaseUrl);
    const at = clock();
    const paid = await runConcurrently(
      bodies.map((b) => async () => {
        const t = clock();
        const { payClaim } = await graph.gatewayBody<Paid>(manager, b.body);
        latencies.push(msSince(t));
        if (payClaim.replayed || payClaim.payout.claimId !== b.claimId || payClaim.payout.amountFen !== b.amountFen) {
          throw new Error(`payout of ${b.claimId}: ${JSON.stringify(payClaim)} (approved ${b.amountFen} fen)`);
        }
        requests.push({ body: b.body, claimId: b.claimId, payoutId: payClaim.payout.id });
        return payClaim.payout;
      }),
      concurrency,
    );
    const seconds = msSince(at) / 1000;
    const sessions = await sampling.stop();
    payouts.push({
      ...sessions,
      concurrency,
      payouts: paid.length,
      seconds,
      perSecond: paid.length / seconds,
      latency: latencyStats(latencies),
      chargebacks: paid.filter((p) => p.chargebackEntryId !== null).length,
      paidFen: paid.reduce((n, p) => n + p.amountFen, 0),
    });
  }

  // The same requests again, concurrently: each answered from its first payout, nothing paid twice.
  const retry = requests.slice(0, Math.min(200, requests.length));
  const answers = await runConcurrently(retry.map((r) => async () => (await graph.gatewayBody<Paid>(manager, r.body)).payClaim), 32);
  const retries = {
    sent: retry.length,
    replayed: answers.filter((a) => a.replayed).length,
    samePayout: answers.filter((a, i) => a.payout.id === retry[i].payoutId).length,
  };
  const { ledgerCheck } = await graph.gateway<{ ledgerCheck: Omit<ClaimsResult['ledger'], 'payoutRows' | 'paidClaims'> }>(manager, LEDGER_CHECK);
  const client = await claimsClient(databaseUrl, 'courierdesk-bench-claims');
  const [tables] = (
    await client
      .query(`SELECT (SELECT count(*) FROM payout)::int AS "payoutRows", (SELECT count(*) FROM claim WHERE status = 'PAID')::int AS "paidClaims"`)
      .finally(() => client.end())
  ).rows as { payoutRows: number; paidClaims: number }[];
  return {
    load,
    gateway,
    facts: { decisions: timedFacts.length, latency: latencyStats(timedFacts), scansPerWaybill: scans },
    inProcess,
    ratio: { p50: gateway.latency.p50Ms / inProcess.latency.p50Ms, p99: gateway.latency.p99Ms / inProcess.latency.p99Ms },
    mismatches,
    mismatchExamples,
    outcomes,
    refused,
    prepare: { decisions: prepareDecisions, concurrency: prepareConcurrency, seconds: prepareMs / 1000, perSecond: prepareDecisions / Math.max(prepareMs / 1000, 1e-9), approvals: approved.length, approvalSeconds },
    payouts,
    retries,
    ledger: { ...ledgerCheck, ...tables },
    seconds: msSince(started) / 1000,
  };
}
