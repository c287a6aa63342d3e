import type { Client } from 'pg';
import { makeWaybillNo } from '@courierdesk/domain-parcel';
import type { BenchOptions, StageResult } from './bench';
import type { BenchGraph } from './bench-graph';
import { trackingClient, type BenchData, type WorkloadSet } from './bench-data';
import type { cpuMeter, CpuTime } from './cpu-meter';
import { profileCpu, type CpuBreakdown } from './cpu-profile';
import {
  asInputs,
  clientBatches,
  copyText,
  ingestThroughGateway,
  ingestThroughService,
  ingestThroughSubgraph,
  ingestWorkload,
  rawCopy,
  statementsOfOneCall,
  type IngestFigures,
} from './ingest.bench';
import { bareSqlLookups, lookupsThroughGateway, lookupsThroughSubgraph, statementsOfOneLookup } from './lookup.bench';
import { bareSqlOutletPages, listedOutlets, outletPagesThroughGateway, outletPagesThroughSubgraph, statementsOfOneOutletPage } from './outlet-pages.bench';
import { ingestBareSql, prepareBareSql, recordScansStatements } from './sql-ingest.bench';
import { sampler } from './stats';

/** Meters CPU around a measurement (see cpu-meter.ts). */
export type Meter = Awaited<ReturnType<typeof cpuMeter>>;

/** What a stage's measurements need. */
export interface StageContext {
  graph: BenchGraph;
  data: BenchData;
  databaseUrl: string;
  meter: Meter;
  options: BenchOptions;
}

const firstLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 70);

/** Runs a measurement under the CPU meter (and the profiler when asked) and attaches the CPU time to its figures. */
export async function metered<F extends { cpu?: CpuTime }>(meter: Meter, profile: boolean, fn: () => Promise<F>): Promise<{ figures: F; breakdown?: CpuBreakdown }> {
  const run = async (): Promise<{ result: F; breakdown?: CpuBreakdown }> => (profile ? profileCpu(fn) : { result: await fn() });
  const { result, cpu } = await meter(run);
  return { figures: { ...result.result, cpu }, breakdown: result.breakdown };
}

/**
 * pg connections for bare-SQL and COPY measurements, opened before the meter starts (a backend
 * that exits inside a measurement takes its CPU time with it) and closed after.
 */
async function withConnections<T>(databaseUrl: string, count: number, fn: (clients: Client[]) => Promise<T>): Promise<T> {
  const clients = await Promise.all(Array.from({ length: count }, () => trackingClient(databaseUrl, 'courierdesk-bench-sql')));
  try {
    return await fn(clients);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/**
 * Ingest at this stage: recordScans through the gateway (the figure), raw COPY of as many comparable
 * scans (the baseline), and with `breakdown` the same path without the gateway, in-process, and
 * as bare SQL. Each on fresh waybills written just before; returns what it added to the tables.
 */
export async function measureIngest(ctx: StageContext): Promise<{ result: StageResult['ingest']; waybills: number; events: number }> {
  const { graph, data, databaseUrl, meter, options: o } = ctx;
  let waybills = 0;
  let events = 0;
  const prepare = async (count: number, state: 'initial' | 'final'): Promise<WorkloadSet> => {
    const set = data.generate(count);
    await data.insertWaybills(set, state);
    waybills += set.histories.length;
    events += set.events.length;
    return set;
  };
  const inputs = (set: WorkloadSet, shape: 'columns' | 'events' = 'columns') => ingestWorkload(asInputs(clientBatches(set, o.concurrency, o.batchSize)), shape);
  const measure = async (fn: () => Promise<IngestFigures>) => (await metered(meter, false, fn)).figures;

  // Warm-up (JIT, connection pools, plans), then one call with its statements captured.
  await ingestThroughGateway(graph, inputs(await prepare(o.ingestWarmup, 'initial')));
  const probe = await prepare(Math.min(o.batchSize, o.ingestEvents), 'initial');
  const statements = await statementsOfOneCall(graph, asInputs(clientBatches(probe, 1, o.batchSize))[0][0]);

  const main = inputs(await prepare(o.ingestEvents, 'initial'));
  o.log(`  ingest: ${o.ingestEvents.toLocaleString('en')} scans through the gateway's recordScans, ${o.concurrency} clients, batches of ${o.batchSize} in columns…`);
  const { figures: gateway, breakdown: cpu } = await metered(meter, o.profile, () => ingestThroughGateway(graph, main));
  o.log(`  ingest: the same as one object per scan (events)…`);
  const asObjects = inputs(await prepare(o.ingestEvents, 'initial'), 'events');
  const gatewayEvents = await measure(() => ingestThroughGateway(graph, asObjects));

  return withConnections(databaseUrl, o.concurrency, async (clients) => {
    const warmup = await prepare(Math.min(o.ingestWarmup, o.ingestEvents), 'final');
    await rawCopy(clients[0], copyText(warmup), warmup.events.length);
    const chunks = copyText(await prepare(o.ingestEvents, 'final'));
    const copy = await measure(() => rawCopy(clients[0], chunks, o.ingestEvents));
    const statementsPerCall = statements.map((s) => firstLine(s.query));
    const result: StageResult['ingest'] = { gateway, gatewayEvents, copy, ratio: gateway.eventsPerSecond / copy.eventsPerSecond, statementsPerCall, cpu };
    if (!o.breakdown) return { result, waybills, events };

    o.log(`  ingest breakdown: ${o.breakdownEvents.toLocaleString('en')} scans each through the subgraph alone, the service in-process, bare SQL…`);
    const scanner = await graph.identityOf(graph.tokens.scanner);
    const viaSubgraph = inputs(await prepare(o.breakdownEvents, 'initial'));
    result.subgraph = await measure(() => ingestThroughSubgraph(graph, scanner, viaSubgraph));
    const viaService = inputs(await prepare(o.breakdownEvents, 'initial'));
    result.service = await measure(() => ingestThroughService(graph, viaService));
    const sql = recordScansStatements(statements);
    if (sql) {
      const set = await prepare(o.breakdownEvents, 'initial');
      const calls = prepareBareSql(set, clientBatches(set, o.concurrency, o.batchSize));
      result.sql = (await metered(meter, false, () => ingestBareSql(clients, sql, calls))).figures;
    } else {
      o.log('  (bare-SQL ingest skipped: recordScans sent statements of a shape this replay does not know)');
    }
    return { result, waybills, events };
  });
}

/**
 * Lookups at this stage, one client, over random volume waybills (a fresh draw per path): through
 * the gateway (the figure), the bare SQL the tracking subgraph sent for a sample lookup (the
 * baseline), and with `breakdown` the subgraph without the gateway.
 */
export async function measureLookups(ctx: StageContext, lastSequence: number, stage: number): Promise<StageResult['lookup']> {
  const { graph, databaseUrl, meter, options: o } = ctx;
  const pick = sampler(o.seed * 1000 + stage);
  const numbers = (n: number) => Array.from({ length: n }, () => makeWaybillNo(1 + pick(lastSequence)));
  const [sample] = numbers(1);
  const { tracking: template, network: networkStatements } = await statementsOfOneLookup(graph, sample);
  o.log(`  lookup: ${o.lookups.toLocaleString('en')} random waybills, one client, through the gateway and as bare SQL (${template.length} statements)…`);
  return withConnections(databaseUrl, 1, async ([client]) => {
    await lookupsThroughGateway(graph, numbers(o.lookupWarmup));
    await bareSqlLookups(client, template, sample, numbers(o.lookupWarmup));
    const [viaGateway, viaSql, viaSubgraph] = [numbers(o.lookups), numbers(o.lookups), numbers(o.lookups)];
    const { figures: gateway, breakdown: cpu } = await metered(meter, o.profile, () => lookupsThroughGateway(graph, viaGateway));
    const { figures: sql } = await metered(meter, false, () => bareSqlLookups(client, template, sample, viaSql));
    const result: StageResult['lookup'] = {
      gateway,
      sql,
      ratio: gateway.latency.meanMs / sql.latency.meanMs,
      statementsPerLookup: template.map((s) => firstLine(s.query)),
      networkStatementsPerLookup: networkStatements,
      cpu,
    };
    if (o.breakdown) {
      const agent = await graph.identityOf(graph.tokens.agent);
      result.subgraph = (await metered(meter, false, () => lookupsThroughSubgraph(graph, agent, viaSubgraph))).figures;
    }
    return result;
  });
}

/**
 * Outlet pages at this stage, one client: `outlets(first: 50) { inboundWaybills { waybillNo status } }`
 * through the gateway, tracking's `_entities` call for it straight to the subgraph (its CPU per
 * request and per waybill), and tracking's page statement replayed with pg (the baseline).
 */
export async function measureOutletPages(ctx: StageContext): Promise<StageResult['outletPages']> {
  const { graph, databaseUrl, meter, options: o } = ctx;
  const { outlets, waybills, requests, warmup } = o.outletPages;
  const statements = await statementsOfOneOutletPage(graph, outlets, waybills);
  const outletIds = await listedOutlets(graph, outlets);
  const agent = await graph.identityOf(graph.tokens.agent);
  o.log(`  outlet pages: ${outlets} outlets × inboundWaybills(first: ${waybills}), ${requests} requests per path, one client (${statements.length} tracking statement(s))…`);
  return withConnections(databaseUrl, 1, async ([client]) => {
    await outletPagesThroughGateway(graph, outlets, waybills, warmup);
    await outletPagesThroughSubgraph(graph, agent, outletIds, waybills, warmup);
    await bareSqlOutletPages(client, statements, warmup);
    const gateway = (await metered(meter, false, () => outletPagesThroughGateway(graph, outlets, waybills, requests))).figures;
    const { figures: subgraph, breakdown: cpu } = await metered(meter, o.profile, () => outletPagesThroughSubgraph(graph, agent, outletIds, waybills, requests));
    const sql = (await metered(meter, false, () => bareSqlOutletPages(client, statements, requests))).figures;
    if (subgraph.waybillsPerRequest !== gateway.waybillsPerRequest) throw new Error('the subgraph alone returned other pages than the gateway');
    return { gateway, subgraph, sql, statements: statements.map((s) => firstLine(s.query)), cpu };
  });
}
