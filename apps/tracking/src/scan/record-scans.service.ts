import type { DataSource, EntityManager } from 'typeorm';
import { withTransaction } from '@courierdesk/platform-db';
import { trackingError } from '../common/tracking.errors';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyPolicies } from '../anomaly/anomaly.rules';
import { watchOf } from '../anomaly/watch';
import { laneSampleOf, laneSampleStatements, sameSample, type LaneSample } from '../eta/lane-samples';
import { INGEST_COLUMNS, stateOfRow, updateStatesStatement, type WaybillRow } from '../waybill/waybill.row';
import { distinctNumbers, judgeScans, scanKey, waybillNumbersOf, type ScanInput, type ScanResult, type ValidScan } from './scan-batch';
import { SCAN_COLUMNS, toStoredScan, type StoredScan } from './scan-event.row';
import { canFold, foldState, recomputeState, type TrackedState } from './tracked-state';

/** Most scans one recordScans call takes: a scanner's upload, bounded so one transaction stays short. */
export const MAX_SCANS_PER_CALL = 1000;

/** Scanners' clocks drift; validateScanEvent tolerates this much, so timelines are read from creation minus it. */
export const SCAN_CLOCK_SKEW_MS = 10 * 60_000;

const INSERT_SCANS = `
  INSERT INTO scan_event (waybill_no, event_time, scanner_event_id, type, location_kind, location_id, courier_id,
                          signer_kind, signer_name, failure_reason, problem_code, note)
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
  ON CONFLICT (waybill_no, event_time, scanner_event_id) DO NOTHING
  RETURNING waybill_no, event_time, scanner_event_id`;

/**
 * Batch ingest of scans (扫描上传), built for throughput. Per call, in one transaction:
 *
 * 1. validate every scan in memory (after loading its waybill: the creation time bounds it);
 * 2. ONE query loads and locks the batch's waybills, in key order (no deadlocks between batches);
 * 3. ONE INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING RETURNING stores every valid scan:
 *    the keys it returns were ACCEPTED, the others existed — DUPLICATE (idempotency: the key is
 *    waybill, event time and scanner event id, see the scan_event migration);
 * 4. waybills whose new scans are all later than every stored one fold them into the stored state;
 *    the others (out of order) are recomputed by deriveStatus from their whole timelines — ONE
 *    batched SELECT, only when there are any;
 * 5. ONE UPDATE … FROM unnest writes the new states and anomaly watches; ONE INSERT appends the
 *    lane samples of newly signed waybills (for ETAs), when there are any.
 *
 * Status follows event time, never arrival order; one bad scan is REJECTED alone.
 */
export class RecordScansService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES,
  ) {}

  /** Records a batch; one result per scan, in input order. More than MAX_SCANS_PER_CALL: BAD_USER_INPUT (TOO_MANY_EVENTS). */
  async record(inputs: readonly ScanInput[]): Promise<ScanResult[]> {
    if (inputs.length > MAX_SCANS_PER_CALL) throw trackingError('TOO_MANY_EVENTS', `At most ${MAX_SCANS_PER_CALL} scans per call; split the upload`);
    const now = this.clock();
    const numbers = waybillNumbersOf(inputs);
    const distinct = distinctNumbers(numbers);
    if (distinct.length === 0) return judgeScans(inputs, new Map(), now, numbers).results;
    return withTransaction(this.ds, async (em) => {
      const rows: WaybillRow[] = await em.query(
        `SELECT ${INGEST_COLUMNS} FROM waybill w WHERE w.waybill_no = ANY($1::text[]) ORDER BY w.waybill_no FOR NO KEY UPDATE`,
        [distinct],
      );
      const waybills = new Map(rows.map((row) => [row.waybillNo, row]));
      const { results, valid } = judgeScans(inputs, waybills, now, numbers);
      const accepted = await this.insert(em, valid);
      for (const scan of valid) results[scan.index].status = accepted.has(scan.key) ? 'ACCEPTED' : 'DUPLICATE';
      await this.updateWaybills(em, waybills, valid.filter((scan) => accepted.has(scan.key)));
      return results;
    });
  }

  private async insert(em: EntityManager, scans: readonly ValidScan[]): Promise<Set<string>> {
    if (scans.length === 0) return new Set();
    const col = <T>(get: (scan: ValidScan) => T) => scans.map(get);
    const inserted: { waybill_no: string; event_time: Date; scanner_event_id: string }[] = await em.query(INSERT_SCANS, [
      col((s) => s.event.waybillNo),
      col((s) => s.event.eventTime.toISOString()),
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
    return new Set(inserted.map((row) => scanKey(row.waybill_no, row.event_time, row.scanner_event_id)));
  }

  private async updateWaybills(em: EntityManager, waybills: ReadonlyMap<string, WaybillRow>, accepted: readonly ValidScan[]): Promise<void> {
    const byWaybill = new Map<string, ValidScan[]>();
    for (const scan of accepted) byWaybill.set(scan.event.waybillNo, [...(byWaybill.get(scan.event.waybillNo) ?? []), scan]);
    const next = new Map<string, TrackedState>();
    const outOfOrder: WaybillRow[] = [];
    for (const [waybillNo, scans] of byWaybill) {
      const row = waybills.get(waybillNo) as WaybillRow;
      const stored = stateOfRow(row);
      const events = scans.map((scan) => scan.event);
      if (canFold(stored, events)) next.set(waybillNo, foldState(stored, row, events));
      else outOfOrder.push(row);
    }
    for (const [waybillNo, state] of await this.recompute(em, outOfOrder)) next.set(waybillNo, state);
    if (next.size === 0) return;

    const updates = [...next].map(([waybillNo, state]) => {
      const row = waybills.get(waybillNo) as WaybillRow;
      return { waybillNo, state, watch: watchOf(state, row, this.policies.watch) };
    });
    const [sql, params] = updateStatesStatement(updates);
    await em.query(sql, params);

    const samples: LaneSample[] = [];
    const withdrawn: string[] = [];
    for (const { waybillNo, state } of updates) {
      const row = waybills.get(waybillNo) as WaybillRow;
      const before = laneSampleOf(row, stateOfRow(row));
      const after = laneSampleOf(row, state);
      if (after && !sameSample(before, after)) samples.push(after);
      else if (before && !after) withdrawn.push(waybillNo);
    }
    for (const [sql, params] of laneSampleStatements(samples, withdrawn)) await em.query(sql, params);
  }

  /** Whole timelines of waybills that got out-of-order scans, in one query, through deriveStatus. */
  private async recompute(em: EntityManager, rows: readonly WaybillRow[]): Promise<Map<string, TrackedState>> {
    if (rows.length === 0) return new Map();
    const since = new Date(Math.min(...rows.map((row) => row.createdAt.getTime())) - SCAN_CLOCK_SKEW_MS);
    const scans: StoredScan[] = (
      await em.query(`SELECT ${SCAN_COLUMNS} FROM scan_event s WHERE s.waybill_no = ANY($1::text[]) AND s.event_time >= $2`, [
        rows.map((row) => row.waybillNo),
        since.toISOString(),
      ])
    ).map(toStoredScan);
    const byWaybill = new Map<string, StoredScan[]>(rows.map((row) => [row.waybillNo, []]));
    for (const scan of scans) byWaybill.get(scan.waybillNo)?.push(scan);
    return new Map(rows.map((row) => [row.waybillNo, recomputeState(row, byWaybill.get(row.waybillNo) ?? [])]));
  }
}
