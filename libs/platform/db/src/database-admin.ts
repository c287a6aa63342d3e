import { Client, escapeIdentifier } from 'pg';

/** `url` with its database name replaced by `database` (credentials, host and options kept). */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withAdminClient<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  // A server that goes away mid-call must reject the promise, not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server behind `adminUrl` (a role allowed to CREATE DATABASE). */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
}

/** Creates database `name` unless it exists; returns whether it was created. */
export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${escapeIdentifier(name)}`);
      return true;
    } catch (err) {
      // Two processes starting at once both saw "missing"; the loser's 42P04 means it exists now.
      if ((err as { code?: string }).code === '42P04') return false;
      throw err;
    }
  });
}

/**
 * Drops database `name` if it exists. `WITH (FORCE)` (PostgreSQL 13+) terminates sessions
 * still connected to it first, so a pool someone forgot to close cannot block the drop.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`),
  );
}
