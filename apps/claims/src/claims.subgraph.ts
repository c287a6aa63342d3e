import type { JSONWebKeySet } from 'jose';
import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import type { LiabilityPolicies } from '@courierdesk/domain-liability';
import { InternalTokenVerifier } from '@courierdesk/platform-auth';
import { checkDatabase, createDataSource, initializeDataSource, TypeormPinoLogger } from '@courierdesk/platform-db';
import { startSubgraphServer, type GraphClient, type Logger, type RunningService } from '@courierdesk/platform-subgraph';
import { GraphTicketDirectory, type TicketDirectory } from './graph/ticket-facts';
import { GraphWaybillDirectory, type WaybillDirectory } from './graph/waybill-facts';
import { buildClaimsSchema } from './schema';
import { CLAIMS_DB_SCHEMA, CLAIMS_ENTITIES, CLAIMS_MIGRATIONS } from './claims.entities';
import { createClaimsLoaders, type ClaimsLoaders } from './claims.loaders';
import { createClaimsServices, type ClaimsServices } from './claims.services';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const CLAIMS_SUBGRAPH = 'claims';

/** How to run the claims subgraph. */
export interface ClaimsSubgraphOptions {
  databaseUrl: string;
  /** 0 or absent: any free port. */
  port?: number;
  host?: string;
  /** Public keys of the gateway's internal signing key. */
  internalJwks: JSONWebKeySet;
  logger: Logger;
  queryLogger?: TypeormLogger;
  poolMax?: number;
  now?: () => Date;
  /** The graph, called with the service's own identity (waybill and ticket facts). */
  graph?: GraphClient;
  /** Waybill facts from elsewhere than the graph (subgraph tests); default: through `graph`. */
  waybills?: WaybillDirectory;
  /** Ticket facts from elsewhere than the graph (subgraph tests); default: through `graph`. */
  tickets?: TicketDirectory;
  /** The liability policy versions (default: the library's). */
  policies?: () => LiabilityPolicies | undefined;
}

/** A running claims subgraph, its DataSource and services (closed by `stop()`). */
export type RunningClaimsSubgraph = RunningService & { dataSource: DataSource; services: ClaimsServices };

/** Connects to PostgreSQL, applies the `claims` schema's migrations and serves the subgraph. */
export async function startClaimsSubgraph(options: ClaimsSubgraphOptions): Promise<RunningClaimsSubgraph> {
  const { logger } = options;
  const waybills = options.waybills ?? (options.graph ? new GraphWaybillDirectory(options.graph) : null);
  const tickets = options.tickets ?? (options.graph ? new GraphTicketDirectory(options.graph) : null);
  if (!waybills || !tickets) throw new Error('the claims subgraph needs the graph (or waybill and ticket directories) to read the facts it decides on');
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: CLAIMS_DB_SCHEMA,
    entities: CLAIMS_ENTITIES,
    migrations: CLAIMS_MIGRATIONS,
    applicationName: 'courierdesk-claims',
    poolMax: options.poolMax,
    logger: options.queryLogger ?? new TypeormPinoLogger(logger.child({ component: 'sql' })),
  });
  await initializeDataSource(dataSource, logger);
  try {
    const services = createClaimsServices(dataSource, { now: options.now, waybills, tickets, policies: options.policies });
    const schema = await buildClaimsSchema(services);
    const service = await startSubgraphServer<ClaimsLoaders>({
      name: CLAIMS_SUBGRAPH,
      schema,
      verifier: new InternalTokenVerifier(options.internalJwks, CLAIMS_SUBGRAPH),
      createLoaders: () => createClaimsLoaders(dataSource),
      logger,
      port: options.port,
      host: options.host,
      ready: () => checkDatabase(dataSource),
      onStop: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    return { ...service, dataSource, services };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
