import * as path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import {
  createDatabase,
  dropDatabase,
  findFreePort,
  repoRoot,
  launchEmbeddedPostgres,
  redactUrl,
  withDatabaseName,
} from '@courierdesk/platform-db';

/**
 * Server settings of the benchmark's embedded cluster: a dedicated database server's usual tuning
 * (a quarter of a small machine's memory for buffers, checkpoints spaced out for bulk loads),
 * durability as in production (fsync and synchronous commit on). Printed with the results.
 */
export const BENCH_PG_SETTINGS: Readonly<Record<string, string | number>> = {
  shared_buffers: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '15min',
  max_connections: 100,
};

/** Where the benchmark's data lives for one run. */
export interface BenchDatabase {
  /** URL of the fresh database of this run. */
  url: string;
  /** Server, for the report (password hidden). */
  server: string;
  embedded: boolean;
  /** Drops the run's database (unless kept) and stops a cluster this process started. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

/** Options of {@link startBenchDatabase}. */
export interface BenchDatabaseOptions {
  /** A server to use instead of the embedded cluster (a fresh database is created on it). */
  databaseUrl?: string;
  /** Cluster directory of the embedded server; default `<repo>/.data/bench-pg`. */
  dataDir?: string;
  /** Name of the run's database; default `courierdesk_bench`. */
  database?: string;
  logger: Logger;
}

/**
 * A fresh database for one run: on DATABASE_URL's server when given, otherwise on an embedded
 * PostgreSQL kept under `.data/bench-pg` (benchmark-only, apart from `npm start`'s data), listening
 * on 127.0.0.1 only. A database left by an earlier run is dropped first.
 */
export async function startBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const name = options.database ?? 'courierdesk_bench';
  if (options.databaseUrl) {
    const adminUrl = options.databaseUrl;
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    return {
      url: withDatabaseName(adminUrl, name),
      server: redactUrl(adminUrl),
      embedded: false,
      stop: async ({ keep = false } = {}) => {
        if (!keep) await dropDatabase(adminUrl, name);
      },
    };
  }
  const cluster = await launchEmbeddedPostgres({
    dataDir: options.dataDir ?? path.join(repoRoot(), '.data', 'bench-pg'),
    port: await findFreePort(),
    logger: options.logger,
    settings: BENCH_PG_SETTINGS,
  });
  try {
    await dropDatabase(cluster.adminUrl, name);
    await createDatabase(cluster.adminUrl, name);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return {
    url: withDatabaseName(cluster.adminUrl, name),
    server: `embedded PostgreSQL, data in ${cluster.dataDir}`,
    embedded: true,
    stop: async ({ keep = false } = {}) => {
      if (!keep) await dropDatabase(cluster.adminUrl, name).catch(() => undefined);
      await cluster.stop();
    },
  };
}

/** The server's version and the settings that shape the figures. */
export async function serverFacts(url: string): Promise<{ version: string; settings: Record<string, string> }> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows: [{ server_version: version }] } = await client.query('SHOW server_version');
    const names = ['shared_buffers', 'work_mem', 'max_wal_size', 'fsync', 'synchronous_commit', 'full_page_writes', 'max_parallel_workers_per_gather'];
    const { rows } = await client.query('SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name', [names]);
    const settings = Object.fromEntries(rows.map((r) => [r.name, r.value]));
    return { version, settings };
  } finally {
    await client.end();
  }
}
