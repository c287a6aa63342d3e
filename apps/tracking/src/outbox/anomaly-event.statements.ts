import type { Anomaly } from '@courierdesk/domain-parcel';

/** A waybill due for judgement, with what the rules and the judgement need (anomaly.rules.ts WatchedWaybill). */
export interface DueWaybill {
  waybillNo: string;
  createdAt: Date;
  originOutletId: string;
  destinationOutletId: string | null;
  watchFrom: Date | null;
  /** The state's version when read: the judgement is recorded only if it is still the row's. */
  eventCount: number;
}

/**
 * The waybills due at $1 (epoch ms), at most $2: not judged in their current state and past their
 * watch, or past their recheck instant — each branch one range of its partial index (the migration),
 * oldest due first. The rows are locked (FOR NO KEY UPDATE, in key order) for the batch, and rows an
 * upload is writing are skipped (SKIP LOCKED): the sweep never waits for a row, so it never
 * deadlocks; a skipped row stays due, and an upload waits at most one batch for a locked one (its
 * UPDATE then finds event_count unchanged, as the sweep never writes it). Under the lock the
 * timeline read next is the one event_count counts.
 */
export const SELECT_DUE = `
  SELECT w.waybill_no AS "waybillNo", (extract(epoch FROM w.created_at) * 1000)::float8 AS "createdAt",
         w.origin_outlet_id AS "originOutletId", w.destination_outlet_id AS "destinationOutletId",
         (extract(epoch FROM w.watch_from) * 1000)::float8 AS "watchFrom", w.event_count AS "eventCount"
  FROM waybill w
  WHERE w.waybill_no IN (
    SELECT d.waybill_no FROM (
      (SELECT u.waybill_no, u.watch_from AS due FROM waybill u
        WHERE u.watch_from IS NOT NULL AND u.anomaly_judged_count IS DISTINCT FROM u.event_count AND u.watch_from < to_timestamp($1::float8 / 1000)
        ORDER BY u.watch_from, u.waybill_no LIMIT $2)
      UNION ALL
      (SELECT r.waybill_no, r.anomaly_recheck_at AS due FROM waybill r
        WHERE r.anomaly_recheck_at IS NOT NULL AND r.anomaly_recheck_at < to_timestamp($1::float8 / 1000)
        ORDER BY r.anomaly_recheck_at, r.waybill_no LIMIT $2)
    ) d
    ORDER BY d.due, d.waybill_no LIMIT $2)
  ORDER BY w.waybill_no
  FOR NO KEY UPDATE OF w SKIP LOCKED`;

const ms = (at: Date | null | undefined): number | null => (at ? at.getTime() : null);

/**
 * ONE INSERT of new episodes (timestamps as epoch ms): a known episode (waybill, code, since) is
 * skipped by the unique key. Returns the statement and its parameters; the rows returned are the
 * episodes published.
 */
export function INSERT_EVENTS(episodes: readonly { waybill: DueWaybill; anomaly: Anomaly }[], detectedAt: Date): [string, unknown[]] {
  const col = <T>(get: (e: { waybill: DueWaybill; anomaly: Anomaly }) => T) => episodes.map(get);
  return [
    `INSERT INTO anomaly_event (waybill_no, code, since, detected_at, location_kind, location_id, origin_outlet_id, destination_outlet_id,
                                reason, threshold_hours, counted_from, policy_version, peak_season_policy_version, peak_season)
     SELECT v.waybill_no, v.code, to_timestamp(v.since_ms / 1000), to_timestamp($15::float8 / 1000), v.location_kind, v.location_id,
            v.origin_outlet_id, v.destination_outlet_id, v.reason, v.threshold_hours, to_timestamp(v.counted_from_ms / 1000),
            v.policy_version, v.peak_season_policy_version, v.peak_season
     FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::float8[],
                 $10::float8[], $11::text[], $12::text[], $13::text[], $14::int[])
          AS v(waybill_no, code, since_ms, location_kind, location_id, origin_outlet_id, destination_outlet_id, reason, threshold_hours,
               counted_from_ms, policy_version, peak_season_policy_version, peak_season, ord)
     ORDER BY v.ord
     ON CONFLICT (waybill_no, code, since) DO NOTHING
     RETURNING seq`,
    [
      col((e) => e.waybill.waybillNo),
      col((e) => e.anomaly.code),
      col((e) => e.anomaly.since.getTime()),
      col((e) => e.anomaly.location?.kind ?? null),
      col((e) => e.anomaly.location?.id ?? null),
      col((e) => e.waybill.originOutletId),
      col((e) => e.waybill.destinationOutletId),
      col((e) => e.anomaly.reason),
      col((e) => e.anomaly.thresholdHours ?? null),
      col((e) => ms(e.anomaly.countedFrom)),
      col((e) => e.anomaly.policyVersion),
      col((e) => e.anomaly.peakSeasonPolicyVersion ?? null),
      col((e) => e.anomaly.peakSeason ?? null),
      // Within a batch, seqs follow the episodes' start (then the waybill), the order a reader expects.
      episodeOrder(episodes),
      detectedAt.getTime(),
    ],
  ];
}

function episodeOrder(episodes: readonly { waybill: DueWaybill; anomaly: Anomaly }[]): number[] {
  const sorted = episodes
    .map((e, i) => ({ i, since: e.anomaly.since.getTime(), no: e.waybill.waybillNo, code: e.anomaly.code }))
    .sort((a, b) => a.since - b.since || (a.no < b.no ? -1 : a.no > b.no ? 1 : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const order = new Array<number>(episodes.length);
  sorted.forEach((e, rank) => (order[e.i] = rank));
  return order;
}

/**
 * ONE UPDATE recording the judgements: judged in this state (event_count as read), and when to judge
 * again. A row whose event_count moved on (a scan landed since it was read) is left due.
 */
export function RECORD_JUDGEMENTS(judgements: readonly { waybill: DueWaybill; recheckAt: Date | null }[]): [string, unknown[]] {
  return [
    `UPDATE waybill w SET anomaly_judged_count = v.event_count, anomaly_recheck_at = to_timestamp(v.recheck_ms / 1000)
     FROM unnest($1::text[], $2::int[], $3::float8[]) AS v(waybill_no, event_count, recheck_ms)
     WHERE w.waybill_no = v.waybill_no AND w.event_count = v.event_count`,
    [judgements.map((j) => j.waybill.waybillNo), judgements.map((j) => j.waybill.eventCount), judgements.map((j) => ms(j.recheckAt))],
  ];
}
