import type { JSONWebKeySet } from 'jose';
import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import { InternalTokenVerifier } from '@courierdesk/platform-auth';
import { checkDatabase, createDataSource, initializeDataSource, TypeormPinoLogger } from '@courierdesk/platform-db';
import { startSubgraphServer, type Logger, type RunningService } from '@courierdesk/platform-subgraph';
import { createNetworkLoaders, type NetworkLoaders } from './network.loaders';
import { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from './network.entities';
import { createNetworkServices } from './network.services';
import { buildNetworkSchema } from './schema';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const NETWORK_SUBGRAPH = 'network';

/** How to run the network subgraph. */
export interface NetworkSubgraphOptions {
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
}

/** A running network subgraph and the DataSource it owns (closed by `stop()`). */
export type RunningNetworkSubgraph = RunningService & { dataSource: DataSource };

/**
 * Connects to PostgreSQL, applies the `network` schema's migrations and serves the subgraph.
 * `stop()` drains HTTP first, then closes the pool.
 */
export async function startNetworkSubgraph(options: NetworkSubgraphOptions): Promise<RunningNetworkSubgraph> {
  const { logger } = options;
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: NETWORK_DB_SCHEMA,
    entities: NETWORK_ENTITIES,
    migrations: NETWORK_MIGRATIONS,
    applicationName: 'courierdesk-network',
    poolMax: options.poolMax,
    logger: options.queryLogger ?? new TypeormPinoLogger(logger.child({ component: 'sql' })),
  });
  await initializeDataSource(dataSource, logger);
  try {
    const schema = await buildNetworkSchema(createNetworkServices(dataSource));
    const service = await startSubgraphServer<NetworkLoaders>({
      name: NETWORK_SUBGRAPH,
      schema,
      verifier: new InternalTokenVerifier(options.internalJwks, NETWORK_SUBGRAPH),
      createLoaders: () => createNetworkLoaders(dataSource),
      logger,
      port: options.port,
      host: options.host,
      ready: () => checkDatabase(dataSource),
      onStop: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    return { ...service, dataSource };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
