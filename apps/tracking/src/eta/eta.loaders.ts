import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ServiceLevel } from '@courierdesk/domain-parcel';

/** How many of a lane's latest samples an ETA reads: enough for the 10th–90th percentiles, HIGH confidence at 4 × 30. */
export const LANE_HISTORY_SAMPLES = 200;

/** The key of a lane's history at a service level. */
export const laneHistoryKey = (laneKey: string, serviceLevel: ServiceLevel): string => `${laneKey}|${serviceLevel}`;

/**
 * Per-request loader of lane histories (hours, newest first): the latest LANE_HISTORY_SAMPLES of
 * every lane and level of a level of waybills, in one query — a LATERAL top-N per key, each an
 * index-only range of lane_transit_time_lane_idx.
 */
export function etaLoaders(ds: DataSource) {
  const laneHistory = new DataLoader<string, number[]>(
    async (keys) => {
      const pairs = keys.map((key) => key.split('|'));
      const rows: { key: string; hours: number }[] = await ds.query(
        `SELECT k.lane_key || '|' || k.service_level AS key, t.hours
         FROM unnest($1::text[], $2::text[]) AS k(lane_key, service_level)
         CROSS JOIN LATERAL (
           SELECT hours FROM lane_transit_time l
           WHERE l.lane_key = k.lane_key AND l.service_level = k.service_level
           ORDER BY l.signed_at DESC LIMIT $3
         ) t`,
        [pairs.map(([lane]) => lane), pairs.map(([, level]) => level), LANE_HISTORY_SAMPLES],
      );
      const byKey = new Map<string, number[]>(keys.map((key) => [key, []]));
      for (const row of rows) byKey.get(row.key)?.push(row.hours);
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { maxBatchSize: 1000 },
  );
  return { laneHistory };
}
