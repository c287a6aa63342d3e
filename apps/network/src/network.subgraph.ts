import type { DataSource } from 'typeorm';
import { startOwnedSubgraph, type OwnedSubgraphOptions, type RunningService } from '@courierdesk/platform-subgraph';
import { createNetworkLoaders } from './network.loaders';
import { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from './network.entities';
import { createNetworkServices } from './network.services';
import { buildNetworkSchema } from './schema';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const NETWORK_SUBGRAPH = 'network';

/** How to run the network subgraph. */
export type NetworkSubgraphOptions = OwnedSubgraphOptions;

/** A running network subgraph and the DataSource it owns (closed by `stop()`). */
export type RunningNetworkSubgraph = RunningService & { dataSource: DataSource };

/**
 * Connects to PostgreSQL, applies the `network` schema's migrations and serves the subgraph.
 * `stop()` drains HTTP first, then closes the pool.
 */
export function startNetworkSubgraph(options: NetworkSubgraphOptions): Promise<RunningNetworkSubgraph> {
  return startOwnedSubgraph(
    {
      name: NETWORK_SUBGRAPH,
      dbSchema: NETWORK_DB_SCHEMA,
      entities: NETWORK_ENTITIES,
      migrations: NETWORK_MIGRATIONS,
      build: async (dataSource) => ({
        schema: await buildNetworkSchema(createNetworkServices(dataSource)),
        createLoaders: () => createNetworkLoaders(dataSource),
        exposed: {},
      }),
    },
    options,
  );
}
