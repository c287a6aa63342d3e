import type { GraphQLSchema } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import { InternalTokenVerifier, type Identity } from '@courierdesk/platform-auth';
import { checkDatabase, createDataSource, initializeDataSource, TypeormPinoLogger, type EntityClass, type MigrationClass } from '@courierdesk/platform-db';
import type { Logger } from './logger';
import { startSubgraphServer, type RunningService } from './server';

/** What every subgraph that owns a PostgreSQL schema is started with (its options extend these). */
export interface OwnedSubgraphOptions {
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

/** What a subgraph builds once its database is migrated. */
export interface OwnedSubgraphParts<L, X> {
  schema: GraphQLSchema;
  createLoaders: (identity: Identity) => L;
  /** What the running subgraph exposes besides its service and DataSource (its services, for tests and tools). */
  exposed: X;
  /** Background work started once the server listens (sweeps, consumers). */
  start?: () => void;
  /** Stops that work, before the pool closes (a round under way finishes first). */
  stop?: () => Promise<void>;
}

/** A subgraph, its schema's description and how to build it on its migrated DataSource. */
export interface OwnedSubgraphDefinition<L, X> {
  /** The subgraph's name: the audience of the gateway tokens it accepts. */
  name: string;
  /** The PostgreSQL schema it owns, with its entities and migrations. */
  dbSchema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  build: (dataSource: DataSource) => Promise<OwnedSubgraphParts<L, X>>;
}

/**
 * The one way a subgraph that owns data starts: connect to PostgreSQL, apply its schema's
 * migrations, build its schema and services on that DataSource, serve it behind the gateway's
 * token check. `stop()` drains HTTP first, then stops the background work, then closes the pool;
 * a failure while starting closes what was opened.
 */
export async function startOwnedSubgraph<L, X>(
  definition: OwnedSubgraphDefinition<L, X>,
  options: OwnedSubgraphOptions,
): Promise<RunningService & { dataSource: DataSource } & X> {
  const { logger } = options;
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    applicationName: `courierdesk-${definition.name}`,
    poolMax: options.poolMax,
    logger: options.queryLogger ?? new TypeormPinoLogger(logger.child({ component: 'sql' })),
  });
  await initializeDataSource(dataSource, logger);
  let parts: OwnedSubgraphParts<L, X> | null = null;
  try {
    parts = await definition.build(dataSource);
    const built = parts;
    const service = await startSubgraphServer<L>({
      name: definition.name,
      schema: built.schema,
      verifier: new InternalTokenVerifier(options.internalJwks, definition.name),
      createLoaders: built.createLoaders,
      logger,
      port: options.port,
      host: options.host,
      ready: () => checkDatabase(dataSource),
      onStop: async () => {
        await built.stop?.();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    });
    built.start?.();
    return { ...service, ...built.exposed, dataSource };
  } catch (err) {
    await parts?.stop?.();
    if (dataSource.isInitialized) await dataSource.destroy();
    throw err;
  }
}
