import type { Logger } from 'pino';
import { type DataSource, MigrationExecutor } from 'typeorm';
import { withMigrationLock } from './migration-lock';
import { retryReadsOnLostConnection } from './read-retry';
import { quoteSchemaName } from './schema-name';
import { TypeormPinoLogger } from './typeorm-pino.logger';

/**
 * Connects `ds` (from {@link createDataSource}), creates its schema if missing and applies the
 * pending migrations, logging which ones ran. On failure the pool is closed and the error rethrown.
 * A DataSource created without a TypeORM logger reports slow and failed queries to `logger`.
 *
 * Pool errors are logged instead of crashing the process: when PostgreSQL restarts or a
 * backend is terminated, pg emits `error` for idle connections and replaces them, so the
 * next query simply opens a fresh connection; a read that met such a connection first is retried
 * once (see {@link retryReadsOnLostConnection}).
 *
 * Migrations run without the per-statement timeout (building an index on a large table
 * legitimately takes longer than a request may), one transaction each.
 */
export async function initializeDataSource(ds: DataSource, logger: Logger): Promise<DataSource> {
  const schema = schemaOf(ds);
  const log = logger.child({ component: 'db', schema });
  // Without a logger of its own, TypeORM would print to the console; report through pino instead.
  if (!ds.options.logger) ds.setOptions({ logger: new TypeormPinoLogger(log) });
  // Set before the pool exists, so it is the pool's `error` listener from the first connection.
  // A pool being closed ends its idle connections without waiting for them (pg-pool calls back at
  // once): a server stopping right after can still terminate one. That is the shutdown, not a loss.
  ds.setOptions({
    poolErrorHandler: (err: Error & { code?: string }) =>
      ds.isInitialized
        ? log.warn({ err: { message: err.message, code: err.code } }, 'lost an idle database connection; the pool will open a new one')
        : log.debug({ err: { message: err.message, code: err.code } }, 'a closed pool’s connection ended'),
  });
  retryReadsOnLostConnection(ds, log);
  await ds.initialize();
  try {
    const applied = await migrate(ds, schema);
    if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
    else log.info('database schema is up to date');
    return ds;
  } catch (err) {
    await ds.destroy();
    throw err;
  }
}

async function migrate(ds: DataSource, schema: string): Promise<string[]> {
  const runner = ds.createQueryRunner();
  try {
    return await withMigrationLock(runner, schema, async () => {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchemaName(schema)}`);
      await runner.query('SET statement_timeout = 0');
      try {
        const executor = new MigrationExecutor(ds, runner);
        executor.transaction = ds.options.migrationsTransactionMode ?? 'each';
        return (await executor.executePendingMigrations()).map((migration) => migration.name);
      } finally {
        // Back to the limit the connection was opened with before it returns to the pool.
        await runner.query('RESET statement_timeout');
      }
    });
  } finally {
    await runner.release();
  }
}

function schemaOf(ds: DataSource): string {
  const schema = (ds.options as { schema?: string }).schema;
  if (!schema) throw new Error('initializeDataSource needs a DataSource with a schema; build it with createDataSource');
  return schema;
}
