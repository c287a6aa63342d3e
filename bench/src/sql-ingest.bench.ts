import type { Client } from 'pg';
import { laneTransitTimeRow, WAYBILL_COLUMNS, waybillRow, type CellValue, type DemoScanEvent, type WaybillHistory } from '@courierdesk/seed';
import { foldState, recomputeState, type TrackedState } from '@courierdesk/domain-parcel';
import type { CapturedStatement } from './bench-graph';
import type { WorkloadSet } from './bench-data';
import type { IngestFigures } from './ingest.bench';
import { clock, latencyStats, msSince } from './stats';

/** The statements of one recordScans call, as captured, by role. */
export interface RecordScansStatements {
  read: string;
  insertScans: string;
  updateWaybills: string;
  insertLaneSamples: string | null;
}

/**
 * Picks recordScans' statements out of one captured call: the SELECT of the waybills, the scan
 * INSERT, the state UPDATE and the lane-sample INSERT. Null when the shapes are not the ones this
 * replay knows (one array parameter per column, in the loaders' column order, timestamps as epoch
 * ms; the UPDATE also takes each row's expected event_count) — the service changed.
 */
export function recordScansStatements(captured: readonly CapturedStatement[]): RecordScansStatements | null {
  const find = (pattern: RegExp, params: number) => captured.find((s) => pattern.test(s.query) && s.parameters.length === params)?.query;
  const read = find(/^\s*SELECT .* FROM waybill w WHERE/is, 1);
  const insertScans = find(/INSERT INTO scan_event/i, 12);
  const updateWaybills = find(/^\s*UPDATE waybill/i, 2 + WAYBILL_COLUMNS.length - STATE_FROM);
  const insertLaneSamples = find(/INSERT INTO lane_transit_time/i, 6) ?? null;
  return read && insertScans && updateWaybills ? { read, insertScans, updateWaybills, insertLaneSamples } : null;
}

const TIMESTAMP_STATE_COLUMNS = new Set(WAYBILL_COLUMNS.map(([, type], i) => (type === 'timestamptz' ? i : -1)).filter((i) => i >= 0));
/** A timestamptz cell as the service sends it: epoch ms. */
const epochMs = (cell: CellValue, column: number): CellValue => (TIMESTAMP_STATE_COLUMNS.has(column) && typeof cell === 'string' ? Date.parse(cell) : cell);

// The state columns start at `status` in WAYBILL_COLUMNS, in the order recordScans' UPDATE takes them.
const STATE_FROM = WAYBILL_COLUMNS.findIndex(([name]) => name === 'status');

/** The parameters of one call, computed in advance. */
export interface PreparedCall {
  numbers: string[];
  scans: unknown[][];
  states: unknown[][];
  lanes: unknown[][] | null;
}

const columns = (rows: readonly CellValue[][], width: number): CellValue[][] => Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));

/**
 * Every call's parameters, computed before the clock starts: the states each batch folds into
 * (foldState, as recordScans does for scans newer than every stored one), and the lane samples of
 * newly signed waybills.
 */
export function prepareBareSql(set: WorkloadSet, perClient: DemoScanEvent[][][]): PreparedCall[][] {
  const histories = new Map<string, WaybillHistory>(set.histories.map((h) => [h.waybill.waybillNo, h]));
  const states = new Map<string, TrackedState>();
  return perClient.map((batches) =>
    batches.map((batch) => {
      const byWaybill = new Map<string, DemoScanEvent[]>();
      for (const e of batch) byWaybill.set(e.waybillNo, [...(byWaybill.get(e.waybillNo) ?? []), e]);
      const numbers = [...byWaybill.keys()].sort();
      const stateRows: CellValue[][] = [];
      const laneRows: CellValue[][] = [];
      for (const waybillNo of numbers) {
        const history = histories.get(waybillNo)!;
        const facts = { destinationOutletId: history.waybill.destinationOutletId };
        const before = states.get(waybillNo) ?? recomputeState(facts, []);
        const after = foldState(before, facts, byWaybill.get(waybillNo)!);
        states.set(waybillNo, after);
        const cells = waybillRow(history, after).map(epochMs).slice(STATE_FROM);
        stateRows.push([waybillNo, before.eventCount, ...cells]);
        const [sampleBefore, sampleAfter] = [laneTransitTimeRow(history, before), laneTransitTimeRow(history, after)];
        if (sampleAfter && (sampleAfter[3] !== sampleBefore?.[3] || sampleAfter[4] !== sampleBefore?.[4])) laneRows.push(sampleAfter);
      }
      const scanRows = batch.map((e) => [
        e.waybillNo, e.eventTime.getTime(), e.eventId, e.type, e.location?.kind ?? null, e.location?.id ?? null, e.courierId,
        e.signer?.kind ?? null, e.signer?.name ?? null, e.failureReason, e.problemCode, e.note,
      ]);
      return {
        numbers,
        scans: columns(scanRows, 12),
        states: columns(stateRows, 2 + WAYBILL_COLUMNS.length - STATE_FROM),
        lanes: laneRows.length > 0 ? columns(laneRows, 6) : null,
      };
    }),
  );
}

/** Milliseconds spent per statement role, summed over calls. */
export type StatementTimes = Record<'begin' | 'read' | 'insertScans' | 'updateWaybills' | 'insertLaneSamples' | 'commit', number>;

async function call(client: Client, sql: RecordScansStatements, p: PreparedCall, times: StatementTimes): Promise<number> {
  const timed = async <T>(role: keyof StatementTimes, run: () => Promise<T>): Promise<T> => {
    const at = clock();
    try {
      return await run();
    } finally {
      times[role] += msSince(at);
    }
  };
  await timed('begin', () => client.query('BEGIN'));
  try {
    await timed('read', () => client.query(sql.read, [p.numbers]));
    const { rowCount } = await timed('insertScans', () => client.query(sql.insertScans, p.scans));
    await timed('updateWaybills', () => client.query(sql.updateWaybills, p.states));
    if (p.lanes && sql.insertLaneSamples) await timed('insertLaneSamples', () => client.query(sql.insertLaneSamples!, p.lanes!));
    await timed('commit', () => client.query('COMMIT'));
    return rowCount ?? 0;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/**
 * The SQL floor of recordScans: its own statements (captured) with parameters prepared in advance,
 * sent with pg by the same number of clients (connections opened by the caller) — what the database costs for the design, with
 * validation, state folding, GraphQL and HTTP left out.
 */
export async function ingestBareSql(
  clients: readonly Client[],
  sql: RecordScansStatements,
  prepared: PreparedCall[][],
): Promise<IngestFigures & { statementMsPerCall: StatementTimes }> {
  if (clients.length < prepared.length) throw new Error(`bare-SQL ingest needs ${prepared.length} connections, got ${clients.length}`);
  const latencies: number[] = [];
  const times: StatementTimes = { begin: 0, read: 0, insertScans: 0, updateWaybills: 0, insertLaneSamples: 0, commit: 0 };
  let stored = 0;
  const started = clock();
  await Promise.all(
    prepared.map(async (calls, c) => {
      for (const p of calls) {
        const at = clock();
        const rows = await call(clients[c], sql, p, times);
        stored += rows;
        latencies.push(msSince(at));
      }
    }),
  );
  const seconds = msSince(started) / 1000;
  const expected = prepared.flat().reduce((n, p) => n + p.scans[0].length, 0);
  if (stored !== expected) throw new Error(`bare SQL stored ${stored} of ${expected} scans`);
  const statementMsPerCall = Object.fromEntries(Object.entries(times).map(([role, ms]) => [role, ms / latencies.length])) as StatementTimes;
  return { events: stored, seconds, eventsPerSecond: stored / seconds, calls: latencies.length, concurrency: prepared.length, callLatency: latencyStats(latencies), statementMsPerCall };
}
