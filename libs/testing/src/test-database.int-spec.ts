import { createDatabase } from '@courierdesk/platform-db';
import { Client } from 'pg';
import { dropRunDatabases } from './run-databases';
import { createTestDatabase } from './test-database';
import { ADMIN_URL_ENV, RUN_ID_ENV, randomId, runDatabasePrefix } from './test-run';

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const exists = (name: string) =>
  withClient(process.env[ADMIN_URL_ENV]!, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

describe('createTestDatabase', () => {
  it('creates an empty database of its own, named after the run and the worker', async () => {
    const db = await createTestDatabase();
    try {
      expect(db.name).toMatch(new RegExp(`^${runDatabasePrefix(process.env[RUN_ID_ENV]!)}w\\d+_[0-9a-f]{8}$`));
      const current = await withClient(db.url, async (c) => (await c.query('SELECT current_database() AS name')).rows[0].name);
      expect(current).toBe(db.name);
    } finally {
      await db.drop();
    }
  });

  it('keeps test files apart: what one writes, another does not see', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.name).not.toBe(b.name);
      await withClient(a.url, (c) => c.query('CREATE TABLE only_in_a (id int)'));
      const inB = await withClient(b.url, async (c) => (await c.query(`SELECT to_regclass('only_in_a') AS t`)).rows[0].t);
      expect(inB).toBeNull();
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('drops the database even while connections to it are still open', async () => {
    const db = await createTestDatabase();
    const forgotten = new Client({ connectionString: db.url });
    forgotten.on('error', () => undefined); // it is about to be terminated
    await forgotten.connect();

    await db.drop();

    expect(await exists(db.name)).toBe(false);
    await forgotten.end().catch(() => undefined);
  });

  it('tells how to fix a jest config without the global setup', async () => {
    const saved = process.env[ADMIN_URL_ENV];
    delete process.env[ADMIN_URL_ENV];
    try {
      await expect(createTestDatabase()).rejects.toThrow(/globalSetup/);
    } finally {
      process.env[ADMIN_URL_ENV] = saved;
    }
  });
});

describe('dropRunDatabases', () => {
  it("drops a run's databases and nothing else", async () => {
    const admin = process.env[ADMIN_URL_ENV]!;
    const run = randomId();
    const other = randomId();
    const mine = [`${runDatabasePrefix(run)}w1_a`, `${runDatabasePrefix(run)}w2_b`];
    const theirs = `${runDatabasePrefix(other)}w1_a`;
    for (const name of [...mine, theirs]) await createDatabase(admin, name);

    expect((await dropRunDatabases(admin, run)).sort()).toEqual(mine);
    expect(await Promise.all(mine.map(exists))).toEqual([false, false]);
    expect(await exists(theirs)).toBe(true);
    await dropRunDatabases(admin, other);
  });
});
