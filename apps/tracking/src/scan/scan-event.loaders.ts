import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { decodeScanEventId, encodeScanEventId, type ScanEventKey } from './scan-event.id';
import { SCAN_COLUMNS, toStoredScan, type StoredScan } from './scan-event.row';

/** Per-request loader of scans by their key (ScanEvent references): one query for all, null for misses. */
export function scanEventLoaders(ds: DataSource) {
  const scanEvent = new DataLoader<string, StoredScan | null>(
    async (ids) => {
      const keys = ids.map(decodeScanEventId).filter((key): key is ScanEventKey => key !== null);
      if (keys.length === 0) return ids.map(() => null);
      const rows: StoredScan[] = (
        await ds.query(
          `SELECT ${SCAN_COLUMNS} FROM unnest($1::text[], $2::bigint[], $3::text[]) AS k(waybill_no, event_us, scanner_event_id)
           JOIN scan_event s ON s.waybill_no = k.waybill_no AND s.scanner_event_id = k.scanner_event_id
            AND s.event_time = timestamptz 'epoch' + k.event_us * interval '1 microsecond'`,
          [keys.map((k) => k.waybillNo), keys.map((k) => k.eventUs), keys.map((k) => k.scannerEventId)],
        )
      ).map(toStoredScan);
      const byId = new Map(rows.map((row) => [encodeScanEventId(row), row]));
      return ids.map((id) => {
        const key = decodeScanEventId(id);
        return key ? (byId.get(encodeScanEventId(key)) ?? null) : null;
      });
    },
    { maxBatchSize: 1000 },
  );
  return { scanEvent };
}
