import type { DataSource, EntityManager } from 'typeorm';
import {
  canFold,
  DEFAULT_ANOMALY_POLICIES,
  foldState,
  laneSampleOf,
  recomputeState,
  sameSample,
  watchOf,
  type AnomalyPolicies,
  type LaneSample,
  type ScanEvent,
  type TrackedState,
} from '@courierdesk/domain-parcel';
import { PostgresErrorCode, postgresErrorCode, withTransaction } from '@courierdesk/platform-db';
import { NETWORK_WIDE, type ScanReach } from '../common/access';
import { MAX_SCANS_PER_CALL } from '../common/list-bounds';
import { laneSampleStatements } from '../eta/lane-sample.statements';
import { registerCourierOutlets } from '../network-refs/courier-outlets';
import { INGEST_COLUMNS, ingestRowOf, stateOfRow, updateStatesStatement, type WaybillRow } from '../waybill/waybill.row';
import { assertBatchSize, distinctNumbers, judgeScans, scanKeyOfMs, waybillNumbersOf, type ScanInput, type ScanResult, type ValidScan } from './scan-batch';
import { timelinesOf } from '../scan/scan-event.row';
import { courierReports, type ScanAccess } from './scan-reach';

/** Attempts of one call when PostgreSQL picks it as a deadlock victim. */
const MAX_ATTEMPTS = 3;

// Event times travel as epoch ms both ways (see waybill.row.ts).
const INSERT_SCANS = `
  INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type, location_kind, location_id, courier_id,
                          signer_kind, signer_name, failure_reason, problem_code, note)
  SELECT waybill_no, to_timestamp(event_ms / 1000), scanner_event_id, type, location_kind, location_id, courier_id,
         signer_kind, signer_name, failure_reason, problem_code, note
  FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
              $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
       AS v(waybill_no, event_ms, scanner_event_id, type, location_kind, location_id, courier_id,
            signer_kind, signer_name, failure_reason, problem_code, note)
  ON CONFLICT (waybill_no, event_time, scanner_event_id) DO NOTHING
  RETURNING waybill_no, (extract(epoch FROM event_time) * 1000)::float8 AS event_ms, scanner_event_id`;

/**
 * Batch ingest of scans (扫描上传), built for throughput. Per call, in one transaction:
 *
 * 1. ONE query reads the batch's waybills (no row lock: see step 5); when the batch names couriers
 *    at outlets, ONE more records the new ones and reads every one's outlet (courier-outlets.ts);
 * 2. every scan is validated in memory (the waybill's creation time bounds it), and held to the
 *    caller's reach: an outlet-bound scanner's scans at its own outlet, with its own couriers;
 * 3. ONE INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING RETURNING stores every valid scan:
 *    the keys it returns were ACCEPTED, the others existed — DUPLICATE (idempotency: the key is
 *    waybill, event time and scanner event id, see the scan_event migration);
 * 4. waybills whose new scans are all later than every stored one fold them into the stored state;
 *    the others (out of order) are recomputed by the domain's fold (recomputeState) over their whole timelines — ONE
 *    batched SELECT, only when there are any;
 * 5. ONE UPDATE … FROM unnest writes the new states and anomaly watches, each only if the row's
 *    event_count is still the one read in step 1. A row another upload changed meanwhile (rare:
 *    two scanners on one parcel in the same instant) is locked, re-read and recomputed from its
 *    whole timeline, which by then holds both uploads' scans. No lock is taken up front, so uploads
 *    of different waybills never wait for each other (it measured no cheaper: bench/REPORT.md);
 * 6. ONE INSERT appends the lane samples of newly signed waybills (for ETAs), when there are any.
 *
 * Status follows event time, never arrival order; one bad scan is REJECTED alone.
 */
export class RecordScansService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES,
    /** Called after a call committed accepted scans (the anomaly detector's nudge); never throws into the call. */
    private readonly afterCommit: () => void = () => {},
  ) {}

  /**
   * Records a batch; one result per scan, in input order. More than MAX_SCANS_PER_CALL: BAD_USER_INPUT
   * (TOO_MANY_EVENTS). `reach`: the caller's (scanReach); network-wide for trusted in-process loaders.
   */
  async record(inputs: readonly ScanInput[], reach: ScanReach = NETWORK_WIDE): Promise<ScanResult[]> {
    assertBatchSize(inputs.length, MAX_SCANS_PER_CALL);
    const now = this.clock();
    const numbers = waybillNumbersOf(inputs);
    const distinct = distinctNumbers(numbers);
    if (distinct.length === 0) return judgeScans(inputs, new Map(), now, numbers, { reach, courierOutlets: new Map() }).results;
    for (let attempt = 1; ; attempt++) {
      try {
        const results = await withTransaction(this.ds, (em) => this.recordBatch(em, inputs, now, numbers, distinct, reach));
        // Immediate rules (a suspect sign-off, repeated failures) reach the anomaly feed within the nudge's delay.
        if (results.some((result) => result.status === 'ACCEPTED')) this.afterCommit();
        return results;
      } catch (err) {
        // Rows are written in key order, so uploads do not deadlock each other; the scan_event key
        // and other writers of waybill rows still may, rarely: the whole call is rolled back and
        // replayed (idempotent), a few times at most.
        if (postgresErrorCode(err) !== PostgresErrorCode.deadlockDetected || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  /**
   * The same, inside a caller's transaction, which also writes other rows (confirmHeadlessMatch
   * relabels a parcel with a scan): the same statements, state fold and lane samples. No retry and
   * no nudge: the caller commits, replays a deadlock victim if it wants, and then calls `committed()`.
   */
  async recordWithin(em: EntityManager, inputs: readonly ScanInput[], reach: ScanReach = NETWORK_WIDE): Promise<ScanResult[]> {
    assertBatchSize(inputs.length, MAX_SCANS_PER_CALL);
    const numbers = waybillNumbersOf(inputs);
    return this.recordBatch(em, inputs, this.clock(), numbers, distinctNumbers(numbers), reach);
  }

  /** Tells the anomaly detector that scans recorded with recordWithin were committed. */
  committed(): void {
    this.afterCommit();
  }

  private async recordBatch(
    em: EntityManager,
    inputs: readonly ScanInput[],
    now: Date,
    numbers: ReadonlyMap<string, string | null>,
    distinct: readonly string[],
    reach: ScanReach,
  ): Promise<ScanResult[]> {
    const rows = await this.readWaybills(em, distinct, false);
    const waybills = new Map(rows.map((row) => [row.waybillNo, row]));
    const access: ScanAccess = { reach, courierOutlets: await registerCourierOutlets(em, courierReports(inputs, reach)) };
    const { results, valid } = judgeScans(inputs, waybills, now, numbers, access);
    const accepted = await this.insert(em, valid);
    for (const scan of valid) results[scan.index].status = accepted.has(scan.key) ? 'ACCEPTED' : 'DUPLICATE';
    await this.updateWaybills(em, waybills, valid.filter((scan) => accepted.has(scan.key)));
    return results;
  }

  private async readWaybills(em: EntityManager, numbers: readonly string[], lock: boolean): Promise<WaybillRow[]> {
    const sql = `SELECT ${INGEST_COLUMNS} FROM waybill w WHERE w.waybill_no = ANY($1::text[])` + (lock ? ' ORDER BY w.waybill_no FOR NO KEY UPDATE' : '');
    const raw: Record<string, unknown>[] = await em.query(sql, [numbers]);
    return raw.map(ingestRowOf);
  }

  private async insert(em: EntityManager, scans: readonly ValidScan[]): Promise<Set<string>> {
    if (scans.length === 0) return new Set();
    const col = <T>(get: (scan: ValidScan) => T) => scans.map(get);
    const inserted: { waybill_no: string; event_ms: number; scanner_event_id: string }[] = await em.query(INSERT_SCANS, [
      col((s) => s.event.waybillNo),
      col((s) => s.event.eventTime.getTime()),
      col((s) => s.eventId),
      col((s) => s.event.type),
      col((s) => s.event.location?.kind ?? null),
      col((s) => s.event.location?.id ?? null),
      col((s) => s.event.courierId),
      col((s) => s.event.signer?.kind ?? null),
      col((s) => s.event.signer?.name ?? null),
      col((s) => s.event.failureReason),
      col((s) => s.event.problemCode),
      col((s) => s.event.note),
    ]);
    return new Set(inserted.map((row) => scanKeyOfMs(row.waybill_no, row.event_ms, row.scanner_event_id)));
  }

  private async updateWaybills(em: EntityManager, waybills: ReadonlyMap<string, WaybillRow>, accepted: readonly ValidScan[]): Promise<void> {
    const byWaybill = new Map<string, ScanEvent[]>();
    for (const scan of accepted) {
      const events = byWaybill.get(scan.event.waybillNo);
      if (events) events.push(scan.event);
      else byWaybill.set(scan.event.waybillNo, [scan.event]);
    }
    const next = new Map<string, TrackedState>();
    const outOfOrder: WaybillRow[] = [];
    for (const [waybillNo, events] of byWaybill) {
      const row = waybills.get(waybillNo) as WaybillRow;
      const stored = stateOfRow(row);
      if (canFold(stored, events)) next.set(waybillNo, foldState(stored, row, events));
      else outOfOrder.push(row);
    }
    for (const [waybillNo, state] of await this.recompute(em, outOfOrder)) next.set(waybillNo, state);
    if (next.size === 0) return;

    const written = await this.writeStates(em, [...next].map(([waybillNo, state]) => ({ row: waybills.get(waybillNo) as WaybillRow, state })));
    const changed = [...next.keys()].filter((waybillNo) => !written.has(waybillNo));
    if (changed.length > 0) {
      // Another upload wrote these rows since step 1: lock them now, and recompute from the timelines
      // (which hold its scans and ours). Under the lock the second write cannot miss.
      const fresh = await this.readWaybills(em, changed, true);
      const states = await this.recompute(em, fresh);
      const rewritten = await this.writeStates(em, fresh.map((row) => ({ row, state: states.get(row.waybillNo) as TrackedState })));
      if (rewritten.size !== fresh.length) throw new Error(`recordScans: ${fresh.length - rewritten.size} locked waybill rows were not written`);
      for (const row of fresh) {
        written.set(row.waybillNo, { row, state: states.get(row.waybillNo) as TrackedState });
      }
    }

    const samples: LaneSample[] = [];
    const withdrawn: string[] = [];
    for (const { row, state } of written.values()) {
      const before = laneSampleOf(row, stateOfRow(row));
      const after = laneSampleOf(row, state);
      if (after && !sameSample(before, after)) samples.push(after);
      else if (before && !after) withdrawn.push(row.waybillNo);
    }
    for (const [sql, params] of laneSampleStatements(samples, withdrawn)) await em.query(sql, params);
  }

  /** Writes states whose rows are unchanged since read; returns what was written, by waybill number. */
  private async writeStates(em: EntityManager, changes: readonly { row: WaybillRow; state: TrackedState }[]): Promise<Map<string, { row: WaybillRow; state: TrackedState }>> {
    const updates = changes.map(({ row, state }) => ({ waybillNo: row.waybillNo, state, watch: watchOf(state, row, this.policies.watch), expectedCount: row.eventCount }));
    const [sql, params] = updateStatesStatement(updates);
    // TypeORM returns [rows, affected count] for an UPDATE … RETURNING.
    const [rows] = (await em.query(sql, params)) as [{ waybillNo: string }[], number];
    const byNumber = new Map(changes.map((change) => [change.row.waybillNo, change]));
    return new Map(rows.map(({ waybillNo }) => [waybillNo, byNumber.get(waybillNo) as { row: WaybillRow; state: TrackedState }]));
  }

  /** Whole timelines of these waybills, in one query, through the domain's fold. */
  private async recompute(em: EntityManager, rows: readonly WaybillRow[]): Promise<Map<string, TrackedState>> {
    const timelines = await timelinesOf((sql, params) => em.query(sql, params), rows);
    return new Map(rows.map((row) => [row.waybillNo, recomputeState(row, timelines.get(row.waybillNo) ?? [])]));
  }
}
