import { Client, escapeIdentifier } from 'pg';
import { runDatabasePrefix } from './test-run';

/**
 * Drops every database run `runId` created on a shared server (DATABASE_URL), including those
 * of test files that crashed before their own `drop()`, so runs leave no litter behind.
 */
export async function dropRunDatabases(adminUrl: string, runId: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [runDatabasePrefix(runId)],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(datname)} WITH (FORCE)`);
    }
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}
