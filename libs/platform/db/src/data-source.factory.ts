import { DataSource, type Logger as TypeormLogger, type MigrationInterface } from 'typeorm';
import { assertSchemaName } from './schema-name';

/** A TypeORM entity class. */
export type EntityClass = new (...args: any[]) => object;

/** A TypeORM migration class (its name ends in a timestamp, e.g. `CreateOutlets1735689600000`). */
export type MigrationClass = new (...args: any[]) => MigrationInterface;

/** Options of {@link createDataSource}. */
export interface CreateDataSourceOptions {
  url: string;
  /** The subgraph's own PostgreSQL schema, e.g. `network`. */
  schema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Shown in `pg_stat_activity`, so a DBA can tell which service holds a connection. */
  applicationName: string;
  /** Pool size; default 10. Sum over all replicas must stay under the server's max_connections. */
  poolMax?: number;
  /** Server-side limit per statement; default 15 000 ms. */
  statementTimeoutMs?: number;
  /** Statements slower than this are reported to `logger.logQuerySlow`; default 1 000 ms. */
  slowQueryMs?: number;
  logger?: TypeormLogger;
}

/** Defaults chosen so that no query, transaction or connection attempt can hang a request forever. */
export const DATA_SOURCE_DEFAULTS = {
  poolMax: 10,
  statementTimeoutMs: 15_000,
  slowQueryMs: 1_000,
  connectionTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
  idleTimeoutMs: 10_000,
  maxLifetimeSeconds: 30 * 60,
} as const;

/**
 * A TypeORM DataSource for one subgraph, confined to its own PostgreSQL schema.
 *
 * node-postgres has no timeouts by default: a runaway query, a transaction left open, or an
 * unreachable server would hold a pooled connection forever and starve every request. Every
 * limit is therefore set here, once. The schema is never synchronised from entities — only
 * migrations change it. Call {@link initializeDataSource} to connect and migrate.
 */
export function createDataSource(options: CreateDataSourceOptions): DataSource {
  assertSchemaName(options.schema);
  const d = DATA_SOURCE_DEFAULTS;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    // Recorded inside the subgraph's schema, so each subgraph migrates independently.
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    applicationName: options.applicationName,
    maxQueryExecutionTime: options.slowQueryMs ?? d.slowQueryMs,
    logger: options.logger,
    extra: {
      max: options.poolMax ?? d.poolMax,
      connectionTimeoutMillis: d.connectionTimeoutMs,
      idleTimeoutMillis: d.idleTimeoutMs,
      // Recycle connections now and then: picks up DNS/failover changes and bounds backend bloat.
      maxLifetimeSeconds: d.maxLifetimeSeconds,
      statement_timeout: options.statementTimeoutMs ?? d.statementTimeoutMs,
      // A transaction left open (a bug, a crashed request) holds row locks; the server ends it.
      idle_in_transaction_session_timeout: d.idleInTransactionTimeoutMs,
      application_name: options.applicationName,
      // Unqualified names in migrations and raw SQL resolve to the subgraph's schema first;
      // `public` stays on the path for extension functions.
      options: `-c search_path=${options.schema},public`,
    },
  });
}
