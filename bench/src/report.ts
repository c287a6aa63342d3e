import type { BenchOptions, BenchResult, StageResult } from './bench';
import type { IngestFigures } from './ingest.bench';
import type { LookupFigures } from './lookup.bench';
import type { PageFigures } from './outlet-pages.bench';
import { fixed, int, type LatencyStats } from './stats';
import type { QueuePath } from './tickets.bench';
import type { QueueFigures } from './tickets-queue.bench';

/** Targets of the issue: ingest ≥ 20,000 events/s and ≥ half of raw COPY; lookup within 5× bare SQL. */
export const TARGETS = { ingestEventsPerSecond: 20_000, ingestVsCopy: 0.5, lookupVsSql: 5 } as const;

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const rate = (f: IngestFigures | undefined) => (f ? `${int(f.eventsPerSecond)}/s` : '—');
const calls = (f: IngestFigures | undefined) => (f?.callLatency ? `${fixed(f.callLatency.p50Ms, 0)} / ${fixed(f.callLatency.p95Ms, 0)} ms` : '—');
const lat = (f: { latency: LookupFigures['latency'] } | undefined) => (f ? `${fixed(f.latency.meanMs)} / ${fixed(f.latency.p50Ms)} / ${fixed(f.latency.p95Ms)} ms` : '—');
/** Node CPU of the subgraph-alone outlet pages per request (the benchmark's client included: it only posts a ready body and parses the answer). */
const pageCpuMs = (st: StageResult) => (st.outletPages.subgraph.cpu ? st.outletPages.subgraph.cpu.nodeMs / st.outletPages.subgraph.requests : undefined);
const perWaybillUs = (st: StageResult) => {
  const ms = pageCpuMs(st);
  return ms === undefined || st.outletPages.subgraph.waybillsPerRequest === 0 ? undefined : (ms * 1000) / st.outletPages.subgraph.waybillsPerRequest;
};
const change = (first: number | undefined, last: number | undefined) =>
  first !== undefined && last !== undefined && first > 0 ? `${last >= first ? '+' : ''}${fixed(((last - first) / first) * 100, 0)} %` : '';

/** The results as a fixed-width table: one column per stage, and the change from the first to the last. */
export function resultTable(result: BenchResult, options: Pick<BenchOptions, 'batchSize' | 'concurrency' | 'ingestEvents' | 'lookups'>): string {
  const s = result.stages;
  const rows: [string, (st: StageResult) => string, ((st: StageResult) => number | undefined)?][] = [
    ['waybills / scan events in the table', (st) => `${int(st.waybillsAtStart)} / ${int(st.eventsAtStart)}`],
    ['volume load with COPY (this stage)', (st) => `${int(st.load.events)} ev in ${fixed(st.load.copySeconds, 1)} s = ${int(st.load.events / Math.max(st.load.copySeconds, 1e-9))}/s`],
    [`INGEST recordScans via gateway (${options.concurrency} clients × ${options.batchSize}, columns)`, (st) => rate(st.ingest.gateway), (st) => st.ingest.gateway.eventsPerSecond],
    ['  call latency p50 / p95', (st) => calls(st.ingest.gateway), (st) => st.ingest.gateway.callLatency?.p50Ms],
    ['  same, one object per scan (events)', (st) => rate(st.ingest.gatewayEvents), (st) => st.ingest.gatewayEvents?.eventsPerSecond],
    ['  raw COPY, same table, 1 connection', (st) => rate(st.ingest.copy), (st) => st.ingest.copy.eventsPerSecond],
    [`  ingest ÷ COPY (target ≥ ${TARGETS.ingestVsCopy})`, (st) => `${fixed(st.ingest.ratio)} ${mark(st.ingest.ratio >= TARGETS.ingestVsCopy)}`, (st) => st.ingest.ratio],
    [`  ingest ≥ ${int(TARGETS.ingestEventsPerSecond)}/s`, (st) => mark(st.ingest.gateway.eventsPerSecond >= TARGETS.ingestEventsPerSecond)],
    ['  breakdown: tracking subgraph alone', (st) => rate(st.ingest.subgraph), (st) => st.ingest.subgraph?.eventsPerSecond],
    ['  breakdown: RecordScansService in-process', (st) => rate(st.ingest.service), (st) => st.ingest.service?.eventsPerSecond],
    ['  breakdown: its SQL alone (pg, prepared params)', (st) => rate(st.ingest.sql), (st) => st.ingest.sql?.eventsPerSecond],
    ['LOOKUP via gateway, 1 client: mean / p50 / p95', (st) => lat(st.lookup.gateway), (st) => st.lookup.gateway.latency.meanMs],
    ['  bare SQL (same statements, pg)', (st) => lat(st.lookup.sql), (st) => st.lookup.sql.latency.meanMs],
    [`  gateway ÷ SQL, mean (target ≤ ${TARGETS.lookupVsSql})`, (st) => `${fixed(st.lookup.ratio, 1)} ${mark(st.lookup.ratio <= TARGETS.lookupVsSql)}`, (st) => st.lookup.ratio],
    ['  p50 ratio', (st) => fixed(st.lookup.gateway.latency.p50Ms / st.lookup.sql.latency.p50Ms, 1)],
    ['  breakdown: tracking subgraph alone', (st) => lat(st.lookup.subgraph), (st) => st.lookup.subgraph?.latency.meanMs],
    ['OUTLET PAGES via gateway, 1 client: mean / p50 / p95', (st) => lat(st.outletPages.gateway), (st) => st.outletPages.gateway.latency.meanMs],
    ['  waybills per request', (st) => int(st.outletPages.gateway.waybillsPerRequest)],
    ['  tracking subgraph alone (its _entities call)', (st) => lat(st.outletPages.subgraph), (st) => st.outletPages.subgraph.latency.meanMs],
    ['  bare SQL (its page statement, pg)', (st) => lat(st.outletPages.sql), (st) => st.outletPages.sql.latency.meanMs],
    ['  subgraph ÷ SQL, mean', (st) => fixed(st.outletPages.subgraph.latency.meanMs / st.outletPages.sql.latency.meanMs, 1), (st) => st.outletPages.subgraph.latency.meanMs / st.outletPages.sql.latency.meanMs],
    ['  subgraph Node CPU per request / per waybill', (st) => `${fixed(pageCpuMs(st) ?? NaN, 1)} ms / ${fixed(perWaybillUs(st) ?? NaN, 1)} µs`, perWaybillUs],
    ['  subgraph Node CPU ÷ SQL mean time', (st) => fixed((pageCpuMs(st) ?? NaN) / st.outletPages.sql.latency.meanMs, 1), (st) => (pageCpuMs(st) ?? NaN) / st.outletPages.sql.latency.meanMs],
  ];
  const changes = s.length > 1;
  const header = ['', ...s.map((st) => `${int(st.stageEvents)} events`), ...(changes ? [`change ${s.length > 2 ? 'first → last' : ''}`.trim()] : [])];
  const body = rows.map(([label, cell, value]) => [label, ...s.map(cell), ...(changes ? [value ? change(value(s[0]), value(s[s.length - 1])) : ''] : [])]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => [...r[i]].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Environment and method lines printed above the table. */
export function resultPreamble(result: BenchResult, options: BenchOptions): string {
  const e = result.environment;
  const settings = Object.entries(e.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ');
  return [
    `machine:  ${e.cpus} × ${e.cpuModel}, ${e.memoryGb} GB RAM, ${e.platform}; 1-min load average ${fixed(e.loadAverage.start)} at the start, ${fixed(e.loadAverage.end)} at the end`,
    `runtime:  Node ${e.node} (NODE_ENV=${process.env.NODE_ENV ?? 'unset'}); PostgreSQL ${e.postgres} (${settings}); gateway, subgraphs and clients in one Node process, PostgreSQL beside it, all on 127.0.0.1`,
    `network:  ${result.network.transitCentres} transit centres, ${result.network.outlets} outlets, ${result.network.couriers} couriers (demo provinces)`,
    `ingest:   ${int(options.ingestEvents)} new scans per stage on fresh waybills, ${options.concurrency} clients, batches of ${options.batchSize}, after ${int(options.ingestWarmup)} warm-up scans`,
    `lookup:   ${int(options.lookups)} random waybills per path, one client, after ${int(options.lookupWarmup)} warm-up lookups`,
    `pages:    ${int(options.outletPages.requests)} requests per path of outlets(first: ${options.outletPages.outlets}) { code inboundWaybills(first: ${options.outletPages.waybills}) { waybillNo status } }, one client, after ${int(options.outletPages.warmup)} warm-up requests`,
  ].join('\n');
}

/** The statements per call and the CPU split of each stage. */
export function resultDetails(result: BenchResult): string {
  const out: string[] = [];
  result.stages.forEach((st, i) => {
    out.push(`stage ${i + 1} (${int(st.stageEvents)} events; ${int(st.eventsInTable)} after its workloads): load ${fixed(st.load.seconds, 1)} s (COPY ${fixed(st.load.copySeconds, 1)} s, indexes ${fixed(st.load.indexSeconds, 1)} s) + VACUUM ANALYZE ${fixed(st.load.vacuumSeconds, 1)} s`);
    out.push(`  recordScans call = ${st.ingest.statementsPerCall.length} statements: ${st.ingest.statementsPerCall.map((q) => `[${q}]`).join(' ')}`);
    out.push(`  lookup = ${st.lookup.statementsPerLookup.length} statements: ${st.lookup.statementsPerLookup.map((q) => `[${q}]`).join(' ')}; network subgraph: ${st.lookup.networkStatementsPerLookup}`);
    out.push(`  outlet pages = ${st.outletPages.statements.length} tracking statement(s): ${st.outletPages.statements.map((q) => `[${q}]`).join(' ')}`);
    out.push('  CPU while measuring (Node = gateway + subgraphs + clients in this process; PostgreSQL = all its processes):');
    const paths: [string, IngestFigures | LookupFigures | PageFigures | undefined, number][] = [
      ['ingest via gateway', st.ingest.gateway, st.ingest.gateway.events / 1000],
      ['ingest via gateway, events', st.ingest.gatewayEvents, (st.ingest.gatewayEvents?.events ?? 0) / 1000],
      ['ingest, subgraph alone', st.ingest.subgraph, (st.ingest.subgraph?.events ?? 0) / 1000],
      ['ingest, service in-process', st.ingest.service, (st.ingest.service?.events ?? 0) / 1000],
      ['ingest, bare SQL', st.ingest.sql, (st.ingest.sql?.events ?? 0) / 1000],
      ['raw COPY', st.ingest.copy, st.ingest.copy.events / 1000],
      ['lookup via gateway', st.lookup.gateway, st.lookup.gateway.lookups],
      ['lookup, subgraph alone', st.lookup.subgraph, st.lookup.subgraph?.lookups ?? 0],
      ['lookup, bare SQL', st.lookup.sql, st.lookup.sql.lookups],
      ['outlet pages via gateway', st.outletPages.gateway, st.outletPages.gateway.requests],
      ['outlet pages, subgraph alone', st.outletPages.subgraph, st.outletPages.subgraph.requests],
      ['outlet pages, bare SQL', st.outletPages.sql, st.outletPages.sql.requests],
    ];
    for (const [what, f, units] of paths) {
      if (!f?.cpu || units === 0) continue;
      const unit = what.startsWith('lookup') ? 'per lookup' : what.startsWith('outlet') ? 'per request' : 'per 1,000 scans';
      const pg = f.cpu.postgresMs === null ? '?' : fixed(f.cpu.postgresMs / units, 2);
      const busy = f.cpu.postgresMs === null ? '' : `, ${fixed((f.cpu.nodeMs + f.cpu.postgresMs) / f.cpu.wallMs, 2)} cores busy`;
      out.push(`    ${what.padEnd(28)} Node ${fixed(f.cpu.nodeMs / units, 2)} ms + PostgreSQL ${pg} ms CPU ${unit}${busy}`);
    }
    const times = st.ingest.sql?.statementMsPerCall;
    if (times) {
      const total = Object.values(times).reduce((a, b) => a + b, 0);
      out.push(`  bare-SQL recordScans call, ${st.ingest.sql!.concurrency} clients, mean ms per call by statement: ` +
        Object.entries(times).map(([role, ms]) => `${role} ${fixed(ms, 1)}`).join(', ') + ` (sum ${fixed(total, 1)})`);
    }
    for (const [what, cpu] of [['gateway ingest', st.ingest.cpu], ['gateway lookups', st.lookup.cpu], ['outlet pages, subgraph alone', st.outletPages.cpu]] as const) {
      if (!cpu) continue;
      out.push(`  CPU of the Node process during the ${what} (${fixed(cpu.sampledMs / 1000, 1)} s sampled), self time by area:`);
      for (const a of cpu.areas.filter((x) => x.share >= 0.005)) out.push(`    ${fixed(a.share * 100, 1).padStart(5)} %  ${a.area}`);
      out.push('  top functions:');
      for (const f of cpu.top.slice(0, 12)) out.push(`    ${fixed(f.share * 100, 1).padStart(5)} %  ${f.fn}`);
    }
  });
  return out.join('\n');
}

const ms = (s: { p50Ms: number; p99Ms: number; meanMs: number }) => `${fixed(s.p50Ms)} / ${fixed(s.p99Ms)} ms (mean ${fixed(s.meanMs)})`;
const perRequest = (f: QueueFigures) =>
  f.cpu ? `Node ${fixed(f.cpu.nodeMs / f.requests, 2)} ms + PostgreSQL ${f.cpu.postgresMs === null ? '?' : fixed(f.cpu.postgresMs / f.requests, 2)} ms CPU per request` : '';

/** The tickets workload (`--tickets`): the queue's latencies and ratios, the plans, the proactive lag; empty without it. */
export function ticketsReport(result: BenchResult): string {
  const st = result.stages.find((s) => s.tickets);
  const k = st?.tickets;
  if (!st || !k) return '';
  const out = [
    '',
    '',
    `TICKETS at ${int(st.eventsInTable)} scan events, ${int(st.waybillsInTable)} waybills:`,
    `  settled first: ${int(k.settle.judged)} volume waybills marked judged by tracking's detector, ${int(k.settle.skippedEvents)} anomaly events already published skipped by the desk's feed position (${fixed(k.settle.seconds, 1)} s)`,
    `  loaded ${int(k.load.tickets)} tickets (${int(k.load.open)} open, responsible outlets: ${int(k.load.outlets)}) and ${int(k.load.events)} audit lines in ${fixed(k.load.seconds, 1)} s; VACUUM ANALYZE ${fixed(k.load.vacuumSeconds, 1)} s`,
  ];
  for (const path of [k.hq, k.outlet] as QueuePath[]) {
    const who = path === k.outlet ? `${path.caller} (outlet ${k.outlet.outletId}: party to ${int(k.outlet.openTickets)} open of ${int(k.outlet.tickets)} tickets)` : path.caller;
    out.push(
      `  QUEUE tickets(first: 50) as ${who}, ${int(path.gateway.requests)} requests per path, one client — p50 / p99:`,
      `    via gateway                              ${ms(path.gateway.latency)}; ${int(path.gateway.ticketsPerRequest)} tickets; ${perRequest(path.gateway)}`,
      `    bare SQL, its page statement (pg)        ${ms(path.pageSql.latency)}; ${int(path.pageSql.ticketsPerRequest)} rows; ${perRequest(path.pageSql)}`,
      `    bare SQL, all ${path.statements.length} tickets statements      ${ms(path.ticketsSql.latency)}; ${perRequest(path.ticketsSql)}`,
      `    gateway ÷ page SQL: p50 ${fixed(path.gateway.latency.p50Ms / path.pageSql.latency.p50Ms, 1)}, p99 ${fixed(path.gateway.latency.p99Ms / path.pageSql.latency.p99Ms, 1)}; ` +
        `gateway ÷ all tickets SQL: p50 ${fixed(path.gateway.latency.p50Ms / path.ticketsSql.latency.p50Ms, 1)}, p99 ${fixed(path.gateway.latency.p99Ms / path.ticketsSql.latency.p99Ms, 1)}`,
      `    statements: ${path.statements.map((q) => `[${q}]`).join(' ')}`,
      `    EXPLAIN (ANALYZE, BUFFERS) of the page statement:`,
      ...path.plan.split('\n').map((line) => `      ${line}`),
    );
    if (path.orSql) {
      out.push(
        `    for comparison, the page as one OR of responsible/counterpart (bare SQL)   ${ms(path.orSql.latency)}; ${perRequest(path.orSql)}`,
        `    EXPLAIN (ANALYZE, BUFFERS) of the OR form:`,
        ...path.orSql.plan.split('\n').map((line) => `      ${line}`),
      );
    }
  }
  const l = k.lag;
  out.push(
    `  PROACTIVE LAG, ${l.waybills} waybills signed without out-for-delivery, one recordScans call every ${l.gapMs} ms through the gateway; ` +
      `timers: tracking's nudge ${l.timers.nudgeDelayMs} ms (periodic sweep ${l.timers.sweepMs} ms), the desk's consumer every ${l.timers.consumerMs} ms, poll ${l.timers.pollMs} ms — p50 / p99:`,
    `    scan (recordScans sent) → ticket seen in tickets(filter: { waybillNo }) via gateway   ${ms(l.total)}`,
    `      scan → anomaly_event.recorded_at (call + nudge + sweep)        ${ms(l.toAnomaly)}`,
    `      recorded_at → ticket.opened_at (consumer interval + round)      ${ms(l.toTicket)}`,
    `      opened_at → seen (round's commit + poll)                        ${ms(l.toVisible)}`,
  );
  return out.join('\n');
}

const us = (s: LatencyStats) => `${fixed(s.p50Ms * 1000, 1)} / ${fixed(s.p99Ms * 1000, 1)} µs (mean ${fixed(s.meanMs * 1000, 1)})`;
const counts = (c: Record<string, number>) => Object.entries(c).map(([k, n]) => `${k} ${int(n)}`).join(', ') || 'none';

/** The claims workload (`--claims`): decision latency through the gateway against the library in-process, payouts per second, the ledger check; empty without it. */
export function claimsReport(result: BenchResult): string {
  const st = result.stages.find((s) => s.claims);
  const c = st?.claims;
  if (!st || !c) return '';
  const out = [
    '',
    '',
    `CLAIMS at ${int(st.eventsInTable)} scan events, ${int(st.waybillsInTable)} waybills (${fixed(c.seconds, 0)} s):`,
    `  loaded ${int(c.load.claims)} claims (${counts(c.load.byStatus)}; ${counts(c.load.byKind)}; ${int(c.load.insured)} on insured waybills), ` +
      `${int(c.load.evidence)} evidence rows and ${int(c.load.events)} audit lines in ${fixed(c.load.seconds, 1)} s; VACUUM ANALYZE ${fixed(c.load.vacuumSeconds, 1)} s`,
    `  DECISIONS, the same ${int(c.gateway.decisions)} UNDER_REVIEW claims on each path, one client — p50 / p99:`,
    `    decideClaim via gateway (facts + timeline from tracking via gateway)   ${ms(c.gateway.latency)}`,
    `    the facts alone: ClaimWaybillFacts via gateway, claims' token         ${ms(c.facts.latency)}; ${fixed(c.facts.scansPerWaybill, 1)} scans per waybill`,
    `    the library in-process on pre-fetched facts (decideClaimFacts)        ${us(c.inProcess.latency)}`,
    `    gateway ÷ in-process: p50 ${int(c.ratio.p50)}, p99 ${int(c.ratio.p99)}; gateway − facts alone, p50: ${fixed(c.gateway.latency.p50Ms - c.facts.latency.p50Ms)} ms`,
    `    outcomes: ${counts(c.outcomes)}; in-process vs gateway mismatches (code or payable): ${c.mismatches}; refused by the library (left out): ${counts(c.refused)}`,
    ...c.mismatchExamples.map((m) => `      mismatch ${m}`),
    `  prepared: ${int(c.prepare.decisions)} more decisions at ${c.prepare.concurrency} clients, ${int(c.prepare.perSecond)}/s; ${int(c.prepare.approvals)} approvals in ${fixed(c.prepare.approvalSeconds, 1)} s`,
    `  PAYOUTS payClaim via gateway, distinct approved claims, a fresh idempotency key each:`,
    ...c.payouts.map(
      (p) =>
        `    ${String(p.concurrency).padStart(2)} clients: ${int(p.payouts)} payouts in ${fixed(p.seconds, 1)} s = ${fixed(p.perSecond, 0)}/s; latency ${ms(p.latency)}; ` +
        `${int(p.chargebacks)} with a chargeback; ${int(p.paidFen / 100)} yuan\n` +
        `      claims' PostgreSQL sessions busy ${fixed(p.busySessions, 1)} on average; they were: ` +
        Object.entries(p.sessions).slice(0, 6).map(([what, share]) => `${what} ${fixed(share * 100, 0)} %`).join(', '),
    ),
    `    retried ${c.retries.sent} of them (same keys, 32 clients): ${c.retries.replayed} replayed, ${c.retries.samePayout} with the first payout's id`,
    `  LEDGER after: ledgerCheck via gateway: ${int(c.ledger.entries)} entries, ${int(c.ledger.postings)} postings, ${int(c.ledger.unbalancedEntries)} unbalanced, trial balance ${int(c.ledger.trialBalanceFen)} fen, balanced ${c.ledger.balanced}; ` +
      `${int(c.ledger.payoutRows)} payout rows, ${int(c.ledger.paidClaims)} claims PAID`,
  ];
  return out.join('\n');
}
