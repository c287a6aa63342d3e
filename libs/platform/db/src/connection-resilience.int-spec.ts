import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createDataSource } from './data-source.factory';
import { initializeDataSource } from './data-source.initializer';
import { checkDatabase } from './database-health';
import { captureLogger } from './int-spec/capture-logger';
import { createScratchDatabase } from './int-spec/scratch-database';
import { isQueryCanceled, PostgresErrorCode, postgresErrorCode } from './postgres-errors';

const APP = 'platform-db-it-resilience';

/** Polls `probe` until it gives a value (or true); fails naming what it waited for after `timeoutMs`. */
async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a DataSource under runaway queries and lost connections', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  let admin: Client;
  const { logger, records } = captureLogger();

  /** Kills this DataSource's server processes from another session, as a DBA or failover would. */
  const terminateBackends = async (onlyActive = false): Promise<number> => {
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database() AND pid <> pg_backend_pid()
          AND (NOT $2 OR state = 'active')`,
      [APP, onlyActive],
    );
    return rowCount ?? 0;
  };

  beforeAll(async () => {
    db = await createScratchDatabase();
    ds = await initializeDataSource(
      createDataSource({
        url: db.url,
        schema: 'resilience',
        entities: [],
        migrations: [],
        applicationName: APP,
        poolMax: 3,
        statementTimeoutMs: 300,
      }),
      logger,
    );
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
    await ds.destroy();
    await db.drop();
  });

  beforeEach(() => {
    records.length = 0;
  });

  it('cancels a statement that runs past statement_timeout and stays healthy', async () => {
    const error = await ds.query('SELECT pg_sleep(10)').catch((err: unknown) => err);

    // Cancelled by the server's timer (not by a client cancel, nor by sleeping it out).
    expect(isQueryCanceled(error)).toBe(true);
    expect((error as Error).message).toMatch(/statement timeout/);
    expect(await checkDatabase(ds)).toBe(true);
    expect(await ds.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('logs idle connections terminated under it, and the next query gets a fresh one', async () => {
    // Fill the pool with three idle connections.
    await Promise.all([1, 2, 3].map(() => ds.query('SELECT pg_sleep(0.05)')));
    const pool = (ds.driver as PostgresDriver).master;
    expect(pool.totalCount).toBe(3);
    expect(pool.listenerCount('error')).toBeGreaterThan(0);

    expect(await terminateBackends()).toBe(3);
    await waitFor(() => records.filter((r) => /lost an idle database connection/.test(r.msg)).length === 3, 'three lost idle connections logged');

    // Reaching this line at all means no unhandled 'error' event took the process down.
    expect(await ds.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    expect(await checkDatabase(ds)).toBe(true);
  });

  it('fails the query whose connection is cut mid-flight, then replaces that connection', async () => {
    // A DataSource of its own without a statement timeout: the statement can only end by the cut.
    const cut = await initializeDataSource(
      createDataSource({ url: db.url, schema: 'resilience', entities: [], migrations: [], applicationName: `${APP}-cut`, poolMax: 2, statementTimeoutMs: 0 }),
      logger,
    );
    try {
      const pool = (cut.driver as PostgresDriver).master;
      const inFlight = cut.query('SELECT pg_sleep(60)').catch((err: unknown) => err);
      const pid = await waitFor(async () => {
        const { rows } = await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query = 'SELECT pg_sleep(60)'`,
          [`${APP}-cut`],
        );
        return rows[0]?.pid;
      }, 'the statement to run on the server');
      const connections = pool.totalCount;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);

      // The server's FATAL reply reaches the query a moment before the socket closes.
      expect(postgresErrorCode(await inFlight)).toBe(PostgresErrorCode.adminShutdown);
      // Once pg sees the close it drops the client, and from then on queries get healthy connections.
      await waitFor(() => pool.totalCount === connections - 1, 'the pool to drop the cut connection');
      expect(await cut.query('SELECT 2 AS ok')).toEqual([{ ok: 2 }]);
    } finally {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`${APP}-cut`]);
      await cut.destroy();
    }
  });

  it('ends a transaction left idle past idle_in_transaction_session_timeout', async () => {
    const probe = await initializeDataSource(
      createDataSource({ url: db.url, schema: 'resilience', entities: [], migrations: [], applicationName: `${APP}-tx`, poolMax: 1 }),
      logger,
    );
    try {
      const runner = probe.createQueryRunner();
      const connection = (await runner.connect()) as { once(event: 'error', listener: (err: Error) => void): void };
      let ended: Error | undefined;
      connection.once('error', (err) => (ended = err));
      await runner.startTransaction();
      await runner.query(`SET LOCAL idle_in_transaction_session_timeout = '200ms'`);

      // The server ends the session on its own, and says why (SQLSTATE 25P03).
      const reason = await waitFor(() => ended, 'the server to end the idle transaction');
      expect(postgresErrorCode(reason)).toBe('25P03');
      await expect(runner.query('SELECT 1')).rejects.toThrow();
      await runner.release().catch(() => undefined);
      expect(await probe.query('SELECT 3 AS ok')).toEqual([{ ok: 3 }]);
    } finally {
      await probe.destroy();
    }
  });

  it('reports not ready before the DataSource is initialised', async () => {
    const probe = createDataSource({ url: db.url, schema: 'resilience', entities: [], migrations: [], applicationName: `${APP}-probe` });
    expect(await checkDatabase(probe)).toBe(false);
  });

  it('reports not ready, without throwing or hanging, when the server cannot be reached', async () => {
    const unreachable = new URL(db.url);
    unreachable.port = '1';
    const probe = createDataSource({
      url: unreachable.toString(),
      schema: 'resilience',
      entities: [],
      migrations: [],
      applicationName: `${APP}-unreachable`,
    });

    await expect(initializeDataSource(probe, logger)).rejects.toThrow(/ECONNREFUSED|connect/);
    expect(await checkDatabase(probe, 500)).toBe(false);
  });
});
