import * as os from 'node:os';
import type { Logger } from 'pino';
import { generateNetworkDemo, loadNetworkDemo, loadTrackingVolume } from '@courierdesk/seed';
import { startBenchGraph } from './bench-graph';
import { BenchData, t, trackingClient } from './bench-data';
import { serverFacts } from './bench-database';
import { cpuMeter } from './cpu-meter';
import type { CpuBreakdown } from './cpu-profile';
import type { IngestFigures } from './ingest.bench';
import type { LookupFigures } from './lookup.bench';
import type { PageFigures } from './outlet-pages.bench';
import type { StatementTimes } from './sql-ingest.bench';
import { measureIngest, measureLookups, measureOutletPages } from './stage-measurements';
import { measureClaims, type ClaimsOptions, type ClaimsResult } from './claims.bench';
import { clock, msSince } from './stats';
import { measureTickets, type TicketsOptions, type TicketsResult } from './tickets.bench';

/** What to measure. See main.ts for the command line and defaults. */
export interface BenchOptions {
  /** Volume-loaded waybills at the last stage. */
  waybills: number;
  /** Scan events in the table at the last stage. */
  events: number;
  /** Scan events in the table at each measurement, ascending (the last is `events`). */
  stages: number[];
  /** Scans sent through recordScans per stage, and COPYed for the baseline. */
  ingestEvents: number;
  ingestWarmup: number;
  batchSize: number;
  /** Concurrent ingest clients. */
  concurrency: number;
  lookups: number;
  lookupWarmup: number;
  /** Outlet pages: outlets listed, inbound waybills per outlet, requests per path (after `warmup`). */
  outletPages: { outlets: number; waybills: number; requests: number; warmup: number };
  /** Also measure the ingest and lookup without the gateway, in-process, and as bare SQL. */
  breakdown: boolean;
  breakdownEvents: number;
  /** Sample the CPU during the gateway ingest and lookups, and the subgraph's outlet pages. */
  profile: boolean;
  deferIndexes: boolean;
  /** The agent's queue and the proactive-ticket lag at the last stage (`--tickets`); null: not measured, tickets not started. */
  tickets: TicketsOptions | null;
  /** Claims decisions and payouts at the last stage (`--claims`); null: not measured, claims not started. */
  claims: ClaimsOptions | null;
  provinces?: readonly string[];
  seed: number;
  log: (line: string) => void;
}

/** The machine and server the figures were measured on. */
export interface BenchEnvironment {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 1-minute load average at the start and the end: anything else running skews the figures. */
  loadAverage: { start: number; end: number };
}

/** The measurements at one data volume. */
export interface StageResult {
  /** Scan events this stage measures at (the volume loaded before the measurements). */
  stageEvents: number;
  /** Waybills and scan events in the tables when the measurements started… */
  waybillsAtStart: number;
  eventsAtStart: number;
  /** …and after them (the workloads add their own waybills and scans). */
  waybillsInTable: number;
  eventsInTable: number;
  load: { waybills: number; events: number; seconds: number; copySeconds: number; indexSeconds: number; vacuumSeconds: number };
  ingest: {
    /** recordScans through the gateway, batches in columns (the figure). */
    gateway: IngestFigures;
    /** The same with one object per scan. */
    gatewayEvents?: IngestFigures;
    copy: IngestFigures;
    /** Gateway ingest ÷ raw COPY, events per second. */
    ratio: number;
    statementsPerCall: string[];
    subgraph?: IngestFigures;
    service?: IngestFigures;
    sql?: IngestFigures & { statementMsPerCall?: StatementTimes };
    cpu?: CpuBreakdown;
  };
  lookup: {
    gateway: LookupFigures;
    sql: LookupFigures;
    /** Gateway mean ÷ bare SQL mean. */
    ratio: number;
    statementsPerLookup: string[];
    /** Statements the network subgraph got for one lookup. */
    networkStatementsPerLookup: number;
    subgraph?: LookupFigures;
    cpu?: CpuBreakdown;
  };
  /** `outlets { inboundWaybills { waybillNo status } }`: through the gateway, tracking's part alone, its page statement as bare SQL. */
  outletPages: {
    gateway: PageFigures;
    subgraph: PageFigures;
    /** Its waybillsPerRequest counts rows: the page's LIMIT reads one more per outlet (is there a next page?). */
    sql: PageFigures;
    statements: string[];
    /** With --profile: where the subgraph-alone path spends the Node process's CPU. */
    cpu?: CpuBreakdown;
  };
  /** The tickets workload (last stage, with `--tickets`). */
  tickets?: TicketsResult;
  /** The claims workload (last stage, with `--claims`). */
  claims?: ClaimsResult;
}

export interface BenchResult {
  environment: BenchEnvironment;
  network: { outlets: number; couriers: number; transitCentres: number };
  stages: StageResult[];
  seconds: number;
}

const sec = (ms: number) => ms / 1000;

/** Runs the whole benchmark on a fresh database: graph, demo network, then each stage's load and measurements. */
export async function runBenchmark(databaseUrl: string, options: BenchOptions, logger: Logger): Promise<BenchResult> {
  const started = clock();
  const { log } = options;
  const facts = await serverFacts(databaseUrl);
  const environment: BenchEnvironment = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres: facts.version,
    postgresSettings: facts.settings,
    loadAverage: { start: os.loadavg()[0], end: 0 },
  };
  log(`environment: ${environment.cpus} × ${environment.cpuModel}, ${environment.memoryGb} GB, Node ${environment.node}, PostgreSQL ${environment.postgres}, load average ${environment.loadAverage.start.toFixed(2)}`);

  const graph = await startBenchGraph(databaseUrl, logger, { tickets: options.tickets !== null, claims: options.claims !== null });
  try {
    const network = generateNetworkDemo({ provinces: options.provinces, seed: options.seed });
    await loadNetworkDemo(graph.network.dataSource, network);
    log(`network demo: ${network.outlets.length} outlets, ${network.couriers.length} couriers, ${network.transitCentres.length} transit centres`);
    const data = new BenchData(network, databaseUrl, options.seed);
    const meter = await cpuMeter(databaseUrl);
    const now = new Date();
    let nextSequence = 1;
    let volumeWaybills = 0;
    let waybillsInTable = 0;
    let eventsInTable = 0;
    const stages: StageResult[] = [];

    for (const [index, stageEvents] of options.stages.entries()) {
      log(`\n== stage ${index + 1}: ${stageEvents.toLocaleString('en')} scan events ==`);
      const targetWaybills = Math.round((options.waybills * stageEvents) / options.events);
      const volume = await loadTrackingVolume({
        databaseUrl,
        network,
        waybills: Math.max(0, targetWaybills - volumeWaybills),
        events: Math.max(0, stageEvents - eventsInTable),
        firstSequence: nextSequence,
        seed: options.seed,
        now,
        deferIndexes: options.deferIndexes,
        analyze: false,
        onProgress: (p) => log(`  loading: ${p.waybills.toLocaleString('en')} waybills, ${p.events.toLocaleString('en')} events, ${sec(p.elapsedMs).toFixed(1)} s`),
      });
      nextSequence = volume.lastSequence + 1;
      volumeWaybills += volume.waybills;
      waybillsInTable += volume.waybills;
      eventsInTable += volume.events;
      const vacuumStarted = clock();
      await vacuum(databaseUrl);
      const load = {
        waybills: volume.waybills,
        events: volume.events,
        seconds: sec(volume.totalMs),
        copySeconds: sec(volume.copyMs),
        indexSeconds: sec(volume.indexMs),
        vacuumSeconds: sec(msSince(vacuumStarted)),
      };
      log(`  loaded ${volume.waybills.toLocaleString('en')} waybills, ${volume.events.toLocaleString('en')} events with COPY in ${load.seconds.toFixed(1)} s; VACUUM ANALYZE ${load.vacuumSeconds.toFixed(1)} s`);

      const [waybillsAtStart, eventsAtStart] = [waybillsInTable, eventsInTable];
      const context = { graph, data, databaseUrl, meter, options };
      const ingest = await measureIngest(context);
      waybillsInTable += ingest.waybills;
      eventsInTable += ingest.events;
      const lookup = await measureLookups(context, nextSequence - 1, index);
      const outletPages = await measureOutletPages(context);
      await checkCounts(databaseUrl, waybillsInTable, eventsInTable);
      // After the count check: its lag workload adds waybills and scans of its own (the last stage only).
      const tickets = options.tickets && index === options.stages.length - 1 ? await measureTickets(context, options.tickets, logger) : undefined;
      const claims = options.claims && index === options.stages.length - 1 ? await measureClaims(context, options.claims) : undefined;
      stages.push({ stageEvents, waybillsAtStart, eventsAtStart, waybillsInTable, eventsInTable, load, ingest: ingest.result, lookup, outletPages, tickets, claims });
    }
    environment.loadAverage.end = os.loadavg()[0];
    return {
      environment,
      network: { outlets: network.outlets.length, couriers: network.couriers.length, transitCentres: network.transitCentres.length },
      stages,
      seconds: sec(msSince(started)),
    };
  } finally {
    await graph.stop();
  }
}

/** Hint bits, visibility map and planner statistics, as a vacuumed production table has them. */
async function vacuum(databaseUrl: string): Promise<void> {
  const client = await trackingClient(databaseUrl, 'courierdesk-bench');
  try {
    await client.query(`VACUUM (ANALYZE) ${t('waybill')}, ${t('scan_event')}, ${t('lane_transit_time')}`);
  } finally {
    await client.end();
  }
}

/** The tables hold exactly what the benchmark wrote. */
async function checkCounts(databaseUrl: string, waybills: number, events: number): Promise<void> {
  const client = await trackingClient(databaseUrl, 'courierdesk-bench');
  try {
    const { rows: [row] } = await client.query(`SELECT (SELECT count(*) FROM ${t('waybill')})::int AS waybills, (SELECT count(*) FROM ${t('scan_event')})::int AS events`);
    if (row.waybills !== waybills || row.events !== events) {
      throw new Error(`tables hold ${row.waybills} waybills and ${row.events} events; the benchmark wrote ${waybills} and ${events}`);
    }
  } finally {
    await client.end();
  }
}
