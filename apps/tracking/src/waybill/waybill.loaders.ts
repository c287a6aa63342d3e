import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isWaybillNo, MAX_CLOCK_SKEW_MS, parseWaybillNo } from '@courierdesk/domain-parcel';
import type { Identity } from '@courierdesk/platform-auth';
import { keyedLoader } from '@courierdesk/platform-subgraph';
import { canSeeWaybill } from '../common/access';
import { byTimeline, SCAN_COLUMNS, toStoredScan, type StoredScan } from '../scan/scan-event.row';
import { WAYBILL_COLUMNS, type WaybillRow } from './waybill.row';

/** What the timeline loader needs of a waybill: page rows and whole rows both have it. */
type TimelineKey = Pick<WaybillRow, 'waybillNo' | 'createdAt'>;

/**
 * Per-request waybill loaders. `waybill` reads whole rows and applies the row rule
 * (common/access.ts): a waybill the caller may not see loads as null, on every path that goes
 * through it; fields of page nodes that need more than the page row read come here too, one query
 * for the level (waybill.resolver.ts). `timeline` reads the scans of every waybill of a level in
 * one query, from the earliest creation among them (events never precede creation by more than the
 * scanners' clock skew), so partitions of older months are pruned instead of probed.
 */
export function waybillLoaders(ds: DataSource, identity: Identity) {
  const waybill = keyedLoader<string, WaybillRow>(
    async (keys) => {
      const numbers = [...new Set(keys.filter((k) => typeof k === 'string' && isWaybillNo(k)).map((k) => parseWaybillNo(k)))];
      if (numbers.length === 0) return [];
      const rows: WaybillRow[] = await ds.query(`SELECT ${WAYBILL_COLUMNS} FROM waybill w WHERE w.waybill_no = ANY($1::text[])`, [numbers]);
      return rows.filter((row) => canSeeWaybill(identity, row));
    },
    (row) => row.waybillNo,
  );
  const timeline = new DataLoader<TimelineKey, StoredScan[], string>(
    async (rows) => {
      const since = new Date(Math.min(...rows.map((row) => row.createdAt.getTime())) - MAX_CLOCK_SKEW_MS);
      const scans: StoredScan[] = (
        await ds.query(`SELECT ${SCAN_COLUMNS} FROM scan_event s WHERE s.waybill_no = ANY($1::text[]) AND s.event_time >= $2`, [
          rows.map((row) => row.waybillNo),
          since.toISOString(),
        ])
      ).map(toStoredScan);
      const byWaybill = new Map<string, StoredScan[]>(rows.map((row) => [row.waybillNo, []]));
      for (const scan of scans) byWaybill.get(scan.waybillNo)?.push(scan);
      return rows.map((row) => (byWaybill.get(row.waybillNo) ?? []).sort(byTimeline));
    },
    { cacheKeyFn: (row) => row.waybillNo, maxBatchSize: 1000 },
  );
  return { waybill, timeline };
}
