import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { copyTextLine, scanEventRow, type DemoScanEvent } from '@courierdesk/seed';
import type { Identity } from '@courierdesk/platform-auth';
import { columnsOfScans, createTrackingServices, type ScanInput } from '@courierdesk/tracking';
import { requestBody, type BenchGraph, type CapturedStatement } from './bench-graph';
import type { CpuTime } from './cpu-meter';
import type { Client } from 'pg';
import { copyChunks, SCAN_EVENT_COLUMNS, t, type WorkloadSet } from './bench-data';
import { clock, latencyStats, msSince, type LatencyStats } from './stats';

/** Throughput of one way of storing scans. */
export interface IngestFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Calls of `batchSize` (recordScans paths); 1 for a COPY. */
  calls: number;
  concurrency: number;
  callLatency: LatencyStats | null;
  /** CPU of this process and of PostgreSQL meanwhile (set by the caller's meter). */
  cpu?: CpuTime;
}

/** The recordScans mutation as the benchmark's scanners send it. */
export const RECORD_SCANS = 'mutation Ingest($input: RecordScansInput!) { recordScans(input: $input) { accepted duplicates rejected } }';

/** A scan as a scanner uploads it (GraphQL ScanEventInput): fields that do not apply are left out. */
export function scanInput(e: DemoScanEvent): ScanInput {
  const input: ScanInput = { eventId: e.eventId, waybillNo: e.waybillNo, type: e.type, eventTime: e.eventTime.toISOString() };
  if (e.location) input.location = e.location;
  if (e.courierId) input.courierId = e.courierId;
  if (e.signer) input.signer = e.signer;
  if (e.failureReason) input.failureReason = e.failureReason;
  if (e.problemCode) input.problemCode = e.problemCode;
  if (e.note) input.note = e.note;
  return input;
}

/**
 * Splits a workload among `concurrency` clients as scanner fleets upload: each client owns its
 * waybills (no two clients scan one parcel), and sends their scans in time order — first scans of
 * all its waybills, then second scans… — in batches of `batchSize`.
 */
export function clientBatches(set: WorkloadSet, concurrency: number, batchSize: number): DemoScanEvent[][][] {
  return Array.from({ length: concurrency }, (_, c) => {
    const owned = set.histories.filter((_, i) => i % concurrency === c);
    const stream: DemoScanEvent[] = [];
    const rounds = Math.max(0, ...owned.map((h) => h.events.length));
    for (let r = 0; r < rounds; r++) for (const h of owned) if (r < h.events.length) stream.push(h.events[r]);
    const batches: DemoScanEvent[][] = [];
    for (let i = 0; i < stream.length; i += batchSize) batches.push(stream.slice(i, i + batchSize));
    return batches;
  });
}

/** The batches as GraphQL inputs (built before any timing starts). */
export const asInputs = (perClient: DemoScanEvent[][][]): ScanInput[][][] => perClient.map((batches) => batches.map((batch) => batch.map(scanInput)));

/** How a batch travels: one object per scan (`events`) or one list per field (`columns`). */
export type IngestShape = 'events' | 'columns';

/** The recordScans variables of a batch in the given shape. */
export const recordScansVariables = (batch: readonly ScanInput[], shape: IngestShape) => ({ input: shape === 'events' ? { events: batch } : { columns: columnsOfScans(batch) } });

/** Each client's batches as request bodies, serialised before any clock starts (the scanners' work, not the graph's). */
export interface IngestWorkload {
  shape: IngestShape;
  events: number;
  bodies: string[][];
  inputs: ScanInput[][][];
}

export function ingestWorkload(perClient: ScanInput[][][], shape: IngestShape): IngestWorkload {
  return {
    shape,
    events: perClient.flat(2).length,
    inputs: perClient,
    bodies: perClient.map((batches) => batches.map((batch) => requestBody(RECORD_SCANS, recordScansVariables(batch, shape)))),
  };
}

type Send<B> = (batch: B) => Promise<{ accepted: number; rejected: number }>;

/** Sends every client's batches, clients in parallel, each sequentially; times the whole and each call. */
async function drive<B>(perClient: B[][], events: number, send: Send<B>): Promise<IngestFigures> {
  const latencies: number[] = [];
  let accepted = 0;
  let rejected = 0;
  const started = clock();
  await Promise.all(
    perClient.map(async (batches) => {
      for (const batch of batches) {
        const at = clock();
        const result = await send(batch);
        latencies.push(msSince(at));
        accepted += result.accepted;
        rejected += result.rejected;
      }
    }),
  );
  const seconds = msSince(started) / 1000;
  if (accepted !== events || rejected > 0) throw new Error(`ingest stored ${accepted} of ${events} scans (${rejected} rejected)`);
  return { events, seconds, eventsPerSecond: events / seconds, calls: latencies.length, concurrency: perClient.length, callLatency: latencyStats(latencies) };
}

/** recordScans through the gateway, as a scanner fleet calls it. */
export function ingestThroughGateway(graph: BenchGraph, work: IngestWorkload): Promise<IngestFigures> {
  return drive(work.bodies, work.events, async (body) => (await graph.gatewayBody(graph.tokens.scanner, body)).recordScans);
}

/** recordScans posted straight to the tracking subgraph (the gateway's part left out). */
export function ingestThroughSubgraph(graph: BenchGraph, scanner: Identity, work: IngestWorkload): Promise<IngestFigures> {
  return drive(work.bodies, work.events, async (body) => (await graph.trackingDirectBody(scanner, body)).recordScans);
}

/** RecordScansService.record called in-process (HTTP and GraphQL left out): validation, state and SQL. */
export function ingestThroughService(graph: BenchGraph, work: IngestWorkload): Promise<IngestFigures> {
  const { scans } = createTrackingServices(graph.tracking.dataSource);
  return drive(work.inputs, work.events, async (events) => {
    const results = await scans.record(events);
    return { accepted: results.filter((r) => r.status === 'ACCEPTED').length, rejected: results.filter((r) => r.status === 'REJECTED').length };
  });
}

/** The statements one recordScans call sends (captured from the tracking subgraph's SQL logger). */
export async function statementsOfOneCall(graph: BenchGraph, batch: ScanInput[]): Promise<CapturedStatement[]> {
  return graph.sql.capture(() => graph.gateway(graph.tokens.scanner, RECORD_SCANS, recordScansVariables(batch, 'columns')));
}

/** A set's scans as COPY text chunks, rendered before any clock starts. */
export const copyText = (set: WorkloadSet): string[] => copyChunks(set.events, (e) => copyTextLine(scanEventRow(e)));

/**
 * The baseline: the same number of comparable scans (fresh waybills' histories, see copyText)
 * COPYed into the same scan_event table on one connection (opened by the caller).
 */
export async function rawCopy(client: Client, chunks: readonly string[], events: number): Promise<IngestFigures> {
  const started = clock();
  const stream = client.query(copyFrom(`COPY ${t('scan_event')} (${SCAN_EVENT_COLUMNS.map(([n]) => n).join(', ')}) FROM STDIN`));
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => stream.once('drain', resolve).once('error', reject));
  }
  stream.end();
  await finished(stream);
  const seconds = msSince(started) / 1000;
  if (stream.rowCount !== events) throw new Error(`COPY stored ${stream.rowCount} of ${events} scans`);
  return { events, seconds, eventsPerSecond: events / seconds, calls: 1, concurrency: 1, callLatency: null };
}
