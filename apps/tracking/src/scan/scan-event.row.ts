import { MAX_CLOCK_SKEW_MS, SCAN_TYPE_ORDER, type ScanEvent } from '@courierdesk/domain-parcel';

/** A stored scan: the domain's event plus what only storage knows. */
export interface StoredScan extends ScanEvent {
  scannerEventId: string;
  receivedAt: Date;
  /** Exact event time in microseconds since the epoch (JS Dates stop at milliseconds). */
  eventUs: string;
}

/** The select list of a scan row under alias `s`. */
export const SCAN_COLUMNS = [
  's.waybill_no AS "waybillNo"', 's.event_time AS "eventTime"', 's.scanner_event_id AS "scannerEventId"', 's.type',
  's.location_kind AS "locationKind"', 's.location_id AS "locationId"', 's.courier_id AS "courierId"',
  's.signer_kind AS "signerKind"', 's.signer_name AS "signerName"', 's.failure_reason AS "failureReason"',
  's.problem_code AS "problemCode"', 's.note', 's.received_at AS "receivedAt"',
  `(extract(epoch FROM s.event_time) * 1000000)::bigint::text AS "eventUs"`,
].join(', ');

/** The stored scan of a row selected with SCAN_COLUMNS. */
export function toStoredScan(row: Record<string, any>): StoredScan {
  return {
    waybillNo: row.waybillNo,
    type: row.type,
    eventTime: row.eventTime,
    location: row.locationKind ? { kind: row.locationKind, id: row.locationId } : null,
    courierId: row.courierId,
    signer: row.signerKind ? { kind: row.signerKind, name: row.signerName } : null,
    failureReason: row.failureReason,
    problemCode: row.problemCode,
    note: row.note,
    scannerEventId: row.scannerEventId,
    receivedAt: row.receivedAt,
    eventUs: row.eventUs,
  };
}

const rank = new Map(SCAN_TYPE_ORDER.map((type, i) => [type, i]));

/** Timeline order (时间线): event time, then the order a parcel meets scans of the same second, then the scanner's id. */
export function byTimeline(a: StoredScan, b: StoredScan): number {
  const time = BigInt(a.eventUs) - BigInt(b.eventUs);
  if (time !== 0n) return time < 0n ? -1 : 1;
  return (rank.get(a.type) ?? 99) - (rank.get(b.type) ?? 99) || (a.scannerEventId < b.scannerEventId ? -1 : a.scannerEventId > b.scannerEventId ? 1 : 0);
}

/** Runs one SQL statement: a DataSource's or a transaction's `query`. */
export type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/**
 * The stored scans of these waybills, each list in timeline order, with one statement. Scans are
 * read from the earliest creation minus the clock-skew allowance: the partition key (event time)
 * bounds the scan, and no scan validation accepted is older than that.
 */
export async function timelinesOf(query: Query, waybills: readonly { waybillNo: string; createdAt: Date }[]): Promise<Map<string, StoredScan[]>> {
  const byWaybill = new Map<string, StoredScan[]>(waybills.map((w) => [w.waybillNo, []]));
  if (waybills.length === 0) return byWaybill;
  const since = new Date(Math.min(...waybills.map((w) => w.createdAt.getTime())) - MAX_CLOCK_SKEW_MS);
  const rows = (await query(`SELECT ${SCAN_COLUMNS} FROM scan_event s WHERE s.waybill_no = ANY($1::text[]) AND s.event_time >= $2`, [
    waybills.map((w) => w.waybillNo),
    since.toISOString(),
  ])) as Record<string, unknown>[];
  for (const scan of rows.map(toStoredScan)) byWaybill.get(scan.waybillNo)?.push(scan);
  for (const list of byWaybill.values()) list.sort(byTimeline);
  return byWaybill;
}
