import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '@courierdesk/platform-subgraph';
import { runBenchmark, type BenchOptions } from './bench';
import { startBenchDatabase } from './bench-database';
import { claimsReport, resultDetails, resultPreamble, resultTable, ticketsReport } from './report';

const HELP = `npm run bench [-- options]

Loads a volume of waybills and scan events with COPY into a fresh database, starts the network and
tracking subgraphs and the gateway, and measures in one run, at each stage's volume:
  ingest  recordScans through the gateway vs raw COPY into the same table (events/s, ratio)
  lookup  waybill(waybillNo) { status timeline { … } } through the gateway vs its bare SQL (latency, ratio)
  outlet pages  outlets(first: 50) { inboundWaybills { waybillNo status } }: through the gateway, tracking
          alone (CPU per request and per waybill) vs its page statement as bare SQL
  claims (--claims)  decideClaim through the gateway vs the library in-process, payouts per second
          under concurrency, the ledger check after
  tickets (--tickets)  the agent's queue tickets(first: 50) through the gateway vs its SQL, and the
          proactive-ticket lag (scan → anomaly → ticket) with the real timers

  --waybills <n>         waybills at the last stage (default 1000000)
  --events <n>           scan events at the last stage (default 8000000)
  --stages <n,n,…>       scan events in the table at each measurement (default 1000000,8000000)
  --ingest <n>           scans sent through recordScans per stage, and COPYed for the baseline (default 200000)
  --concurrency <n>      ingest clients (default 3)
  --batch <n>            scans per recordScans call (default 1000)
  --lookups <n>          lookups per path per stage (default 3000)
  --outlet-pages <n>     outlet-page requests per path per stage (default 200)
  --outlet-page-size <n> inboundWaybills(first: n) per outlet, 1–100 (default 20)
  --tickets              also, at the last stage: load tickets on the volume and measure the agent's
                         50-ticket queue (HQ agent and the busiest outlet's partner) through the
                         gateway vs its SQL, with the plans, and the scan → proactive-ticket lag
  --ticket-count <n>     tickets loaded (default 200000)
  --queue-requests <n>   queue requests per path (default 300)
  --lag-waybills <n>     waybills made anomalous for the lag (default 100), one every --lag-gap ms (default 150)
  --claims               also, at the last stage: load claims on the volume, time decideClaim through the
                         gateway (facts and timeline read from tracking through the gateway) against the
                         library's decision in-process on pre-fetched facts, and payClaim under concurrency
                         (distinct approved claims, idempotency keys), then the ledger check
  --claim-count <n>      claims loaded (default 20000)
  --decisions <n>        decisions timed per path, one client (default 1000)
  --payouts <n>          payouts per concurrency level (default 1000)
  --payout-clients <n,…> concurrent payout clients, one run each (default 8,32)
  --no-breakdown         skip the breakdown (subgraph alone, service in-process, bare SQL)
  --profile              sample the CPU during the gateway ingest and lookups and tracking's outlet
                         pages, and print where it goes
  --defer-indexes        rebuild the waybill table's secondary indexes after each volume load
  --smoke                a tiny run (200 waybills, 2,000 events) to check the harness, not to measure
  --keep-db              keep the benchmark database afterwards
  --json <file>          also write the results as JSON
Environment: DATABASE_URL (a server to create the benchmark database on; default: embedded
PostgreSQL under .data/bench-pg), LOG_LEVEL (default warn).`;

const SMOKE: Partial<BenchOptions> = {
  waybills: 200,
  events: 2000,
  stages: [2000],
  ingestEvents: 2000,
  ingestWarmup: 500,
  lookups: 50,
  lookupWarmup: 10,
  outletPages: { outlets: 50, waybills: 20, requests: 5, warmup: 2 },
  breakdownEvents: 1000,
  concurrency: 2,
  tickets: { count: 2000, requests: 10, warmup: 3, lagWaybills: 5, lagGapMs: 100 },
  claims: { count: 2000, decisions: 30, warmup: 5, payouts: 40, payoutConcurrency: [4, 8] },
};

const count = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got ${value}`);
  return n;
};

/** Options from the command line, defaults filled in. */
export function benchOptions(argv: string[], log: (line: string) => void): { options: BenchOptions; help: boolean; keep: boolean; json?: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      waybills: { type: 'string' },
      events: { type: 'string' },
      stages: { type: 'string' },
      ingest: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      lookups: { type: 'string' },
      'outlet-pages': { type: 'string' },
      'outlet-page-size': { type: 'string' },
      tickets: { type: 'boolean', default: false },
      'ticket-count': { type: 'string' },
      'queue-requests': { type: 'string' },
      'lag-waybills': { type: 'string' },
      'lag-gap': { type: 'string' },
      claims: { type: 'boolean', default: false },
      'claim-count': { type: 'string' },
      decisions: { type: 'string' },
      payouts: { type: 'string' },
      'payout-clients': { type: 'string' },
      'no-breakdown': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'defer-indexes': { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const base = values.smoke ? SMOKE : {};
  const events = count(values.events, 'events') ?? base.events ?? 8_000_000;
  const stages = values.stages ? values.stages.split(',').map((s) => count(s.trim(), 'stages')!) : (base.stages ?? [Math.min(1_000_000, events), events]);
  const ingestEvents = count(values.ingest, 'ingest') ?? base.ingestEvents ?? 200_000;
  const options: BenchOptions = {
    waybills: count(values.waybills, 'waybills') ?? base.waybills ?? 1_000_000,
    events,
    stages: [...new Set(stages)].sort((a, b) => a - b),
    ingestEvents,
    ingestWarmup: base.ingestWarmup ?? Math.min(10_000, ingestEvents),
    batchSize: count(values.batch, 'batch') ?? 1000,
    concurrency: count(values.concurrency, 'concurrency') ?? base.concurrency ?? 3,
    lookups: count(values.lookups, 'lookups') ?? base.lookups ?? 3000,
    lookupWarmup: base.lookupWarmup ?? 300,
    outletPages: {
      outlets: 50,
      waybills: count(values['outlet-page-size'], 'outlet-page-size') ?? base.outletPages?.waybills ?? 20,
      requests: count(values['outlet-pages'], 'outlet-pages') ?? base.outletPages?.requests ?? 200,
      warmup: base.outletPages?.warmup ?? 20,
    },
    breakdown: !values['no-breakdown'],
    breakdownEvents: base.breakdownEvents ?? Math.min(50_000, ingestEvents),
    profile: values.profile,
    deferIndexes: values['defer-indexes'],
    tickets: values.tickets
      ? {
          count: count(values['ticket-count'], 'ticket-count') ?? base.tickets?.count ?? 200_000,
          requests: count(values['queue-requests'], 'queue-requests') ?? base.tickets?.requests ?? 300,
          warmup: base.tickets?.warmup ?? 30,
          lagWaybills: count(values['lag-waybills'], 'lag-waybills') ?? base.tickets?.lagWaybills ?? 100,
          lagGapMs: count(values['lag-gap'], 'lag-gap') ?? base.tickets?.lagGapMs ?? 150,
        }
      : null,
    claims: values.claims
      ? {
          count: count(values['claim-count'], 'claim-count') ?? base.claims?.count ?? 20_000,
          decisions: count(values.decisions, 'decisions') ?? base.claims?.decisions ?? 1000,
          warmup: base.claims?.warmup ?? 50,
          payouts: count(values.payouts, 'payouts') ?? base.claims?.payouts ?? 1000,
          payoutConcurrency: values['payout-clients']
            ? values['payout-clients'].split(',').map((s) => count(s.trim(), 'payout-clients')!)
            : (base.claims?.payoutConcurrency ?? [8, 32]),
        }
      : null,
    seed: 1,
    log,
  };
  if (options.stages[options.stages.length - 1] > options.events) throw new Error('--stages must not exceed --events');
  return { options, help: Boolean(values.help), keep: values['keep-db'], json: values.json };
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const { options, help, keep, json } = benchOptions(process.argv.slice(2), log);
  if (help) {
    console.log(HELP);
    return;
  }
  const logger = createLogger('bench', process.env.LOG_LEVEL ?? 'warn');
  const database = await startBenchDatabase({ databaseUrl: process.env['DATABASE_URL'], logger });
  log(`database: ${database.server}`);
  try {
    const result = await runBenchmark(database.url, options, logger);
    log(`\n${resultPreamble(result, options)}\n\n${resultTable(result, options)}\n\n${resultDetails(result)}${ticketsReport(result)}${claimsReport(result)}\n\ntotal ${result.seconds.toFixed(0)} s`);
    if (json) writeFileSync(json, `${JSON.stringify({ options: { ...options, log: undefined }, result }, null, 2)}\n`);
  } finally {
    await database.stop({ keep });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error('bench failed:', err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
