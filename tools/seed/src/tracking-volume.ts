import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { registerCourierOutletsFromScans, TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import type { NetworkDemo } from './network-demo.types';
import { TrackingHistoryGenerator } from './tracking-demo';
import type { TrackingDemoOptions } from './tracking-demo.types';
import { LANE_TRANSIT_TIME_COLUMNS, rowsOf, SCAN_EVENT_COLUMNS, WAYBILL_COLUMNS, type CellValue, type ColumnList } from './tracking-rows';

/** What to load in volume mode. */
export interface TrackingVolumeOptions extends Omit<TrackingDemoOptions, 'waybills'> {
  /** A PostgreSQL URL of the database holding the tracking schema (migrated). */
  databaseUrl: string;
  network: NetworkDemo;
  /** At least this many waybills. */
  waybills: number;
  /** At least this many scan events: more waybills are generated until there are (whole histories only). */
  events?: number;
  schema?: string;
  /**
   * Drop the waybill table's secondary indexes for the load and rebuild them after (sorted builds
   * beat a million random inserts). Only for a table nobody else is using: lists and the anomaly
   * queue crawl without them. scan_event's only index is its primary key, the idempotency key,
   * which is never dropped.
   */
  deferIndexes?: boolean;
  /** ANALYZE the tables after the load, so the planner knows their new size. Default true. */
  analyze?: boolean;
  /** Called about every 100,000 waybills. */
  onProgress?: (progress: TrackingVolumeProgress) => void;
}

/** How far a volume load has come. */
export interface TrackingVolumeProgress {
  waybills: number;
  events: number;
  elapsedMs: number;
}

/** What a volume load wrote and where the time went. */
export interface TrackingVolumeResult {
  waybills: number;
  events: number;
  laneTransitTimes: number;
  firstSequence: number;
  lastSequence: number;
  /** Generating and streaming (COPY) until the server confirmed every row. */
  copyMs: number;
  /** Rebuilding the deferred indexes (0 without deferIndexes). */
  indexMs: number;
  analyzeMs: number;
  totalMs: number;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const escapeText = (s: string): string =>
  NEEDS_ESCAPE.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyTextLine(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    line += v === null ? '\\N' : typeof v === 'string' ? escapeText(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  }
  return `${line}\n`;
}

const FLUSH_CHARS = 1 << 18;

/** One COPY … FROM STDIN: rows buffered into chunks, each written with backpressure (waits for 'drain'). */
export class CopySink {
  private buffer = '';
  private failure: Error | null = null;
  rows = 0;

  constructor(private readonly stream: CopyStreamQuery) {
    stream.on('error', (err: Error) => (this.failure ??= err));
  }

  /** Opens `COPY <table> (<columns>) FROM STDIN` on a connected client. */
  static open(client: Client, table: string, columns: ColumnList): CopySink {
    return new CopySink(client.query(copyFrom(`COPY ${table} (${columns.map(([name]) => name).join(', ')}) FROM STDIN`)));
  }

  /** Buffers a row; true when the buffer should be flushed. */
  add(values: readonly CellValue[]): boolean {
    this.buffer += copyTextLine(values);
    this.rows += 1;
    return this.buffer.length >= FLUSH_CHARS;
  }

  /** Writes the buffer; resolves when the stream can take more. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk === '' || this.stream.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  /** Sends the rest and waits until the server has committed the COPY. */
  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
    return this.rows;
  }

  /** Aborts the COPY (the server rolls it back). */
  abort(err: Error): void {
    this.stream.destroy(err);
  }
}

const ms = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

/** The waybill table's indexes other than constraints (the primary key), as `CREATE INDEX` statements. */
async function secondaryIndexes(client: Client, schema: string, table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = $1 AND i.tablename = $2
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
    [schema, table],
  );
  return rows;
}

/**
 * Streams generated histories straight into PostgreSQL with COPY … FROM STDIN — waybills (with
 * the state recordScans would have stored), scan events and lane samples on three connections at
 * once — in constant memory: each history is generated, turned into rows and dropped. Each table's
 * COPY is one transaction; a failure rolls back the COPYs still open (those already committed stay).
 */
export async function loadTrackingVolume(options: TrackingVolumeOptions): Promise<TrackingVolumeResult> {
  const started = process.hrtime.bigint();
  const schema = options.schema ?? TRACKING_DB_SCHEMA;
  const t = (table: string) => `"${schema}".${table}`;
  const generator = new TrackingHistoryGenerator(options.network, { ...options, waybills: 0 });
  const { firstSequence, now, days, peakWeek } = generator.options;
  const minEvents = options.events ?? 0;

  const clients = [0, 1, 2].map(() => new Client({ connectionString: options.databaseUrl, application_name: 'courierdesk-seed-volume' }));
  // A dropped connection fails its COPY stream (and so the load) instead of crashing the process.
  for (const c of clients) c.on('error', () => undefined);
  await Promise.all(clients.map((c) => c.connect()));
  const [main] = clients;
  let deferred: { name: string; definition: string }[] = [];
  try {
    // Partitions for the whole generated history (stalls reach a week before the creation window).
    const from = new Date(Math.min(now.getTime() - (days + 10) * 86_400_000, peakWeek.start.getTime()));
    await main.query(`SELECT ${t('ensure_scan_event_partitions')}($1, $2)`, [from.toISOString(), now.toISOString()]);
    if (options.deferIndexes) {
      deferred = await secondaryIndexes(main, schema, 'waybill');
      for (const index of deferred) await main.query(`DROP INDEX "${schema}"."${index.name}"`);
    }

    const copyStarted = process.hrtime.bigint();
    const sinks = {
      waybill: CopySink.open(clients[0], t('waybill'), WAYBILL_COLUMNS),
      event: CopySink.open(clients[1], t('scan_event'), SCAN_EVENT_COLUMNS),
      lane: CopySink.open(clients[2], t('lane_transit_time'), LANE_TRANSIT_TIME_COLUMNS),
    };
    let sequence = firstSequence;
    try {
      while (sequence - firstSequence < options.waybills || sinks.event.rows < minEvents) {
        const rows = rowsOf(generator.history(sequence++));
        let flush = sinks.waybill.add(rows.waybill);
        for (const row of rows.events) flush = sinks.event.add(row) || flush;
        if (rows.lane) flush = sinks.lane.add(rows.lane) || flush;
        if (flush) await Promise.all([sinks.waybill.flush(), sinks.event.flush(), sinks.lane.flush()]);
        if ((sequence - firstSequence) % 100_000 === 0) {
          options.onProgress?.({ waybills: sequence - firstSequence, events: sinks.event.rows, elapsedMs: ms(started) });
        }
      }
      await Promise.all([sinks.waybill.end(), sinks.event.end(), sinks.lane.end()]);
    } catch (err) {
      for (const sink of Object.values(sinks)) sink.abort(err as Error);
      throw err;
    }
    const copyMs = ms(copyStarted);

    const indexStarted = process.hrtime.bigint();
    await rebuild(main, deferred);
    deferred = [];
    const indexMs = ms(indexStarted);
    // The couriers' outlets as the loaded scans report them, as recordScans would have recorded.
    await registerCourierOutletsFromScans(main, schema);

    const analyzeStarted = process.hrtime.bigint();
    if (options.analyze ?? true) await main.query(`ANALYZE ${t('waybill')}, ${t('scan_event')}, ${t('lane_transit_time')}`);
    return {
      waybills: sinks.waybill.rows,
      events: sinks.event.rows,
      laneTransitTimes: sinks.lane.rows,
      firstSequence,
      lastSequence: sequence - 1,
      copyMs,
      indexMs,
      analyzeMs: ms(analyzeStarted),
      totalMs: ms(started),
    };
  } finally {
    // Never leave the table without its indexes, whatever failed.
    await rebuild(main, deferred).catch(() => undefined);
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}

async function rebuild(client: Client, indexes: readonly { definition: string }[]): Promise<void> {
  if (indexes.length === 0) return;
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) await client.query(index.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
}
