export { startDatabase, APP_DATABASE, DEFAULT_EMBEDDED_PORT, redactUrl } from './start-database';
export type { StartDatabaseOptions, RunningDatabase } from './start-database';
export { launchEmbeddedPostgres, clearStalePostmaster, findFreePort } from './embedded.entry';
export type { EmbeddedPostgresOptions, EmbeddedPostgresHandle } from './embedded.entry';
export { createDatabase, createDatabaseIfMissing, dropDatabase, withDatabaseName } from './database-admin';
export { createDataSource, DATA_SOURCE_DEFAULTS } from './data-source.factory';
export type { CreateDataSourceOptions, EntityClass, MigrationClass } from './data-source.factory';
export { initializeDataSource } from './data-source.initializer';
export { checkDatabase } from './database-health';
export { withTransaction } from './transaction';
export { TypeormPinoLogger } from './typeorm-pino.logger';
export { QueryCounter } from './query-counter.logger';
export {
  PostgresErrorCode,
  postgresErrorCode,
  violatedConstraint,
  isUniqueViolation,
  isForeignKeyViolation,
  isCheckViolation,
  isQueryCanceled,
  isTransientDatabaseError,
} from './postgres-errors';
export { runUnitOfWork, declareReadOnly, isReadOnlyWork, retryReadsOnLostConnection } from './read-retry';
export { assertSchemaName, quoteSchemaName } from './schema-name';
export { dataDir, repoRoot } from './repo-root';
export { appendAuditLines, auditText, type AuditActor, type AuditLine, type AuditTrail } from './audit-trail';
