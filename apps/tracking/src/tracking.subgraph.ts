import type { DataSource } from 'typeorm';
import { startOwnedSubgraph, type OwnedSubgraphOptions, type RunningService } from '@courierdesk/platform-subgraph';
import { maintainScanEventPartitions } from './partitions/scan-event.partitions';
import { buildTrackingSchema } from './schema';
import { TRACKING_DB_SCHEMA, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking.entities';
import { createTrackingLoaders } from './tracking.loaders';
import { createTrackingServices, type TrackingServices } from './tracking.services';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const TRACKING_SUBGRAPH = 'tracking';

/** Default period of the anomaly sweep (ms). */
export const DEFAULT_ANOMALY_SWEEP_MS = 5_000;

/** How to run the tracking subgraph. */
export interface TrackingSubgraphOptions extends OwnedSubgraphOptions {
  /** The clock (validation of scan times, anomalies, ETAs); tests fix it. Default: the system clock. */
  now?: () => Date;
  /**
   * Period of the anomaly sweep that fills the outbox (anomalyEvents), in ms; it also runs soon
   * after recordScans commits. 0: neither (tests call services.anomalies.sweep). Default 5000.
   */
  anomalySweepMs?: number;
  /** Delay of the sweep after recorded scans (debounce), in ms. Default DEFAULT_NUDGE_DELAY_MS. */
  anomalyNudgeMs?: number;
}

/** A running tracking subgraph, the DataSource it owns (closed by `stop()`) and its services (tests and benchmarks sweep the outbox or pause it). */
export type RunningTrackingSubgraph = RunningService & { dataSource: DataSource; services: TrackingServices };

/**
 * Connects to PostgreSQL, applies the `tracking` schema's migrations, makes sure scan_event has
 * partitions around now (and keeps them coming), runs the anomaly sweep and serves the subgraph.
 * `stop()` drains HTTP first, then the sweep and the partition upkeep, then closes the pool.
 */
export function startTrackingSubgraph(options: TrackingSubgraphOptions): Promise<RunningTrackingSubgraph> {
  const { logger } = options;
  return startOwnedSubgraph(
    {
      name: TRACKING_SUBGRAPH,
      dbSchema: TRACKING_DB_SCHEMA,
      entities: TRACKING_ENTITIES,
      migrations: TRACKING_MIGRATIONS,
      build: async (dataSource) => {
        const services = createTrackingServices(dataSource, { now: options.now });
        // Partitions follow the real calendar, whatever clock the requests are judged by.
        const stopMaintenance = await maintainScanEventPartitions(dataSource, () => new Date(), logger);
        return {
          schema: await buildTrackingSchema(services),
          createLoaders: (identity) => createTrackingLoaders(dataSource, identity, services),
          exposed: { services },
          start: () =>
            services.anomalies.start({
              intervalMs: options.anomalySweepMs ?? DEFAULT_ANOMALY_SWEEP_MS,
              nudgeDelayMs: options.anomalyNudgeMs,
              logger: logger.child({ component: 'anomaly-outbox' }),
            }),
          // A sweep under way finishes before the pool closes.
          stop: async () => {
            stopMaintenance();
            await services.anomalies.stop();
          },
        };
      },
    },
    options,
  );
}
