import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { isTransientDatabaseError } from './postgres-errors';

interface UnitOfWork {
  readOnly: boolean;
}

// The request's unit of work follows its async calls down to the query runner. On Node 20 an
// AsyncLocalStorage in use costs about 0.08 µs per promise: some 50 µs of a subgraph lookup,
// which creates about 600 (measured), about 2 % of its CPU.
const currentWork = new AsyncLocalStorage<UnitOfWork>();

/** QueryRunner.query without its overloads, so that a wrapper can pass every argument on. */
type LooseQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/**
 * Runs `fn` — one request — as a unit of work that may be declared read-only once its operation
 * is known ({@link declareReadOnly}). Everything `fn` starts, DataLoader batches included,
 * belongs to it.
 */
export function runUnitOfWork<T>(fn: () => T): T {
  return currentWork.run({ readOnly: false }, fn);
}

/**
 * Declares the current unit of work read-only (a GraphQL query): from now on its statements
 * outside a transaction are retried once when the connection is lost. Outside a unit of work
 * this does nothing.
 */
export function declareReadOnly(): void {
  const work = currentWork.getStore();
  if (work) work.readOnly = true;
}

/** True inside a unit of work declared read-only. */
export function isReadOnlyWork(): boolean {
  return currentWork.getStore()?.readOnly === true;
}

/**
 * Retries a read once when its connection was lost. A pooled connection can die under a
 * request — PostgreSQL restarted or failed over, a DBA or the idle-session limit ended the
 * backend — and the first statement to use it fails although the server is fine again.
 *
 * Retried: a statement of a read-only unit of work, outside any transaction, that failed with
 * {@link isTransientDatabaseError}; once, on a fresh connection. Never retried: anything in a
 * transaction (the transaction is gone with its connection, and a write in it may have
 * committed), statements of work not declared read-only — mutations, migrations, advisory
 * locks and other session state, whose meaning is tied to the connection that died.
 *
 * Whatever the statement, a connection that reported itself lost is closed, so that the pool
 * drops it when it is given back instead of handing it to the next request.
 */
export function retryReadsOnLostConnection(ds: DataSource, logger: Logger): void {
  const createQueryRunner = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode?: ReplicationMode): QueryRunner => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as LooseQuery;
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      try {
        return await query(sql, parameters, structured);
      } catch (err) {
        if (!isTransientDatabaseError(err)) throw err;
        discardConnection(runner);
        if (runner.isTransactionActive || !isReadOnlyWork()) throw err;
        logger.warn({ err: { message: (err as Error).message, code: (err as { code?: unknown }).code } }, 'lost the database connection during a read; retrying it once');
        // Let node-postgres handle the other sockets the server closed at the same moment, so
        // the pool does not hand one of them out again.
        await new Promise((resolve) => setImmediate(resolve));
        const fresh = createQueryRunner(mode);
        try {
          return await (fresh.query as LooseQuery).call(fresh, sql, parameters, structured);
        } catch (again) {
          if (isTransientDatabaseError(again)) discardConnection(fresh);
          throw again;
        } finally {
          await fresh.release();
        }
      }
    }) as QueryRunner['query'];
    return runner;
  };
}

// The server's FATAL reply reaches the query before its socket closes; a connection given back
// in between looks healthy to the pool. Ending it marks it so that the pool removes it.
function discardConnection(runner: QueryRunner): void {
  const connection = (runner as { databaseConnection?: { end?: () => Promise<void> } }).databaseConnection;
  connection?.end?.().catch(() => undefined);
}
