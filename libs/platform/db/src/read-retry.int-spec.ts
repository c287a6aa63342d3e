import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.factory';
import { initializeDataSource } from './data-source.initializer';
import { captureLogger } from './int-spec/capture-logger';
import { createScratchDatabase } from './int-spec/scratch-database';
import { isTransientDatabaseError } from './postgres-errors';
import { declareReadOnly, runUnitOfWork } from './read-retry';

const APP = 'platform-db-it-read-retry';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// A statement is held by a table lock another session takes, its backend is terminated while
// it waits (as a restart or failover would), and then the lock is let go.
describe('reads retried once after a lost connection', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let ds: DataSource;
  let admin: Client;
  // Holds the lock; a session of its own, because pg_stat_activity is a snapshot per transaction.
  let locker: Client;
  const { logger, records } = captureLogger();
  const retries = () => records.filter((r) => /retrying it once/.test(r.msg)).length;

  /** The pid of a backend of ours waiting for a lock, other than `except`. */
  const waitingBackend = (except: number[] = []) =>
    waitFor(async () => {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND NOT pid = ANY($2::int[])`,
        [APP, except],
      );
      return rows[0]?.pid;
    });
  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);

  /** Runs `read` while the table is locked; terminates its backend `kills` times, then unlocks. */
  async function underLostConnections<T>(read: () => Promise<T>, kills: number): Promise<{ result: T | undefined; error: unknown; killed: number[] }> {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE retry.parcel IN ACCESS EXCLUSIVE MODE');
    const pending = read().then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    const killed: number[] = [];
    try {
      for (let i = 0; i < kills; i++) {
        const pid = await waitingBackend(killed);
        await terminate(pid);
        killed.push(pid);
      }
    } finally {
      await locker.query('COMMIT');
    }
    return { ...(await pending), killed };
  }

  const readParcels = () => ds.query('SELECT pg_backend_pid() AS pid, count(*)::int AS parcels FROM retry.parcel') as Promise<{ pid: number; parcels: number }[]>;
  const asReadOnlyWork = <T>(fn: () => Promise<T>) =>
    runUnitOfWork(() => {
      declareReadOnly();
      return fn();
    });

  beforeAll(async () => {
    db = await createScratchDatabase();
    ds = await initializeDataSource(
      createDataSource({ url: db.url, schema: 'retry', entities: [], migrations: [], applicationName: APP, poolMax: 4 }),
      logger,
    );
    await ds.query('CREATE TABLE retry.parcel (no text PRIMARY KEY)');
    await ds.query('INSERT INTO retry.parcel VALUES ($1), ($2)', ['SF1', 'SF2']);
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    locker = new Client({ connectionString: db.url });
    await locker.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await locker?.end();
    await ds?.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    records.length = 0;
  });

  it('answers a read of a read-only unit of work from a fresh connection', async () => {
    const { result, error, killed } = await underLostConnections(() => asReadOnlyWork(readParcels), 1);
    expect(error).toBeUndefined();
    expect(result).toEqual([{ pid: expect.any(Number), parcels: 2 }]);
    expect(result![0].pid).not.toBe(killed[0]);
    expect(retries()).toBe(1);
  });

  it('retries only once: a second loss reaches the caller as a transient error', async () => {
    const { error } = await underLostConnections(() => asReadOnlyWork(readParcels), 2);
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(retries()).toBe(1);
  });

  it.each([
    ['outside any unit of work (startup, maintenance)', () => readParcels()],
    ['in a unit of work not declared read-only (a mutation)', () => runUnitOfWork(readParcels)],
    ['in a transaction, even of read-only work', () => asReadOnlyWork(() => ds.transaction((em) => em.query('SELECT count(*) FROM retry.parcel')))],
  ])('does not retry a read %s', async (_label, read) => {
    const { error } = await underLostConnections(read as () => Promise<unknown>, 1);
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(retries()).toBe(0);
  });

  it('never hands a connection that was lost mid-statement to the next statement', async () => {
    const { error } = await underLostConnections(() => runUnitOfWork(readParcels), 1);
    expect(isTransientDatabaseError(error)).toBe(true);
    // Straight away, before node-postgres may have seen the socket close: no retry here, so
    // only a healthy connection can answer.
    expect(await readParcels()).toEqual([{ pid: expect.any(Number), parcels: 2 }]);
    expect(retries()).toBe(0);
  });

  it('does not retry a statement that failed for another reason', async () => {
    const error = await asReadOnlyWork(() => ds.query('SELECT * FROM retry.no_such_table')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(isTransientDatabaseError(error)).toBe(false);
    expect(retries()).toBe(0);
  });
});
