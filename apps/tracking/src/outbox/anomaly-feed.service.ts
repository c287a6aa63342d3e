import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, pageSize, platformError, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import type { AnomalyEventRow } from './anomaly-event.type';

// Cursors carry a tag, so a cursor of another list is refused rather than misread.
const TAG = 'AE';
const SEQ = /^[0-9]{1,19}$/;

const FEED = `
  SELECT e.seq::text AS seq, e.waybill_no AS "waybillNo", e.code, e.since, e.detected_at AS "detectedAt", e.recorded_at AS "recordedAt",
         e.location_kind AS "locationKind", e.location_id AS "locationId", e.origin_outlet_id AS "originOutletId",
         e.destination_outlet_id AS "destinationOutletId", e.reason, e.threshold_hours AS "thresholdHours", e.counted_from AS "countedFrom",
         e.policy_version AS "policyVersion", e.peak_season_policy_version AS "peakSeasonPolicyVersion", e.peak_season AS "peakSeason"
  FROM anomaly_event e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`;

/**
 * The anomaly-event feed (异常事件流): tracking's outbox in `seq` order, paged by an opaque cursor
 * of the last seq read. A consumer keeps its endCursor and asks again (at-least-once: it stores the
 * cursor after acting on a page, and acts idempotently on the episode key). Seqs become visible in
 * order (one writer at a time: anomaly-detector.service.ts), so a page after a cursor never misses a
 * row committed later.
 */
export class AnomalyFeedService {
  constructor(private readonly ds: DataSource) {}

  /** The events after `page.after` (from the start when absent), at most `page.first`. */
  async page(page: PageArgs): Promise<Page<AnomalyEventRow>> {
    const size = pageSize(page.first);
    const after = page.after ? seqOf(page.after) : '0';
    const rows = (await this.ds.query(FEED, [after, size + 1])) as AnomalyEventRow[];
    return toPage(rows, size, page.after, (row) => encodeCursor([TAG, row.seq]), (row) => row);
  }
}

function seqOf(cursor: string): string {
  const [tag, seq] = decodeCursor(cursor, 2);
  if (tag !== TAG || typeof seq !== 'string' || !SEQ.test(seq)) throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
  return seq;
}
