import type { JSONWebKeySet } from 'jose';
import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import { InternalTokenVerifier } from '@courierdesk/platform-auth';
import { checkDatabase, createDataSource, initializeDataSource, TypeormPinoLogger } from '@courierdesk/platform-db';
import { startSubgraphServer, type Logger, type RunningService } from '@courierdesk/platform-subgraph';
import { maintainScanEventPartitions } from './partitions/scan-event.partitions';
import { buildTrackingSchema } from './schema';
import { TRACKING_DB_SCHEMA, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking.entities';
import { createTrackingLoaders, type TrackingLoaders } from './tracking.loaders';
import { createTrackingServices, type TrackingServices } from './tracking.services';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const TRACKING_SUBGRAPH = 'tracking';

/** Default period of the anomaly sweep (ms). */
export const DEFAULT_ANOMALY_SWEEP_MS = 5_000;

/** How to run the tracking subgraph. */
export interface TrackingSubgraphOptions {
  databaseUrl: string;
  /** 0 or absent: any free port. */
  port?: number;
  host?: string;
  /** Public keys of the gateway's internal signing key. */
  internalJwks: JSONWebKeySet;
  logger: Logger;
  /** TypeORM logger, e.g. a QueryCounter in N+1 tests; default: slow and failed queries to pino. */
  queryLogger?: TypeormLogger;
  poolMax?: number;
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
 * partitions around now (and keeps them coming), and serves the subgraph. `stop()` drains HTTP
 * first, then closes the pool.
 */
export async function startTrackingSubgraph(options: TrackingSubgraphOptions): Promise<RunningTrackingSubgraph> {
  const { logger } = options;
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: TRACKING_DB_SCHEMA,
    entities: TRACKING_ENTITIES,
    migrations: TRACKING_MIGRATIONS,
    applicationName: 'courierdesk-tracking',
    poolMax: options.poolMax,
    logger: options.queryLogger ?? new TypeormPinoLogger(logger.child({ component: 'sql' })),
  });
  await initializeDataSource(dataSource, logger);
  let stopMaintenance = () => {};
  let stopSweeping = async () => {};
  try {
    const services = createTrackingServices(dataSource, { now: options.now });
    // Partitions follow the real calendar, whatever clock the requests are judged by.
    stopMaintenance = await maintainScanEventPartitions(dataSource, () => new Date(), logger);
    stopSweeping = () => services.anomalies.stop();
    services.anomalies.start({ intervalMs: options.anomalySweepMs ?? DEFAULT_ANOMALY_SWEEP_MS, nudgeDelayMs: options.anomalyNudgeMs, logger: logger.child({ component: 'anomaly-outbox' }) });
    const schema = await buildTrackingSchema(services);
    const service = await startSubgraphServer<TrackingLoaders>({
      name: TRACKING_SUBGRAPH,
      schema,
      verifier: new InternalTokenVerifier(options.internalJwks, TRACKING_SUBGRAPH),
      createLoaders: (identity) => createTrackingLoaders(dataSource, identity, services),
      logger,
      port: options.port,
      host: options.host,
      ready: () => checkDatabase(dataSource),
      onStop: async () => {
        stopMaintenance();
        // A sweep under way finishes before the pool closes.
        await stopSweeping();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    return { ...service, dataSource, services };
  } catch (err) {
    stopMaintenance();
    await stopSweeping();
    await dataSource.destroy();
    throw err;
  }
}
