import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isWaybillNo, parseWaybillNo } from '@courierdesk/domain-parcel';
import type { Identity } from '@courierdesk/platform-auth';
import { keyedLoader } from '@courierdesk/platform-subgraph';
import { canSeeWaybill } from '../common/access';
import { timelinesOf, type StoredScan } from '../scan/scan-event.row';
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
      const timelines = await timelinesOf((sql, params) => ds.query(sql, params), rows);
      return rows.map((row) => timelines.get(row.waybillNo) ?? []);
    },
    { cacheKeyFn: (row) => row.waybillNo, maxBatchSize: 1000 },
  );
  return { waybill, timeline };
}
