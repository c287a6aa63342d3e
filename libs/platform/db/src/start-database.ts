import * as path from 'node:path';
import type { Logger } from 'pino';
import { createDatabaseIfMissing, withDatabaseName } from './database-admin';
import { launchEmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.launcher';
import { dataDir } from './repo-root';

/** The application database every subgraph schema lives in, on the embedded cluster. */
export const APP_DATABASE = 'courierdesk';

/** Default port of the embedded cluster: away from 5432 so it never collides with a system PostgreSQL. */
export const DEFAULT_EMBEDDED_PORT = 54320;

/** Options of {@link startDatabase}. */
export interface StartDatabaseOptions {
  /** Cluster directory; default `postgres` in `COURIERDESK_DATA_DIR`, else `<repo>/.data/postgres`. */
  dataDir?: string;
  /** Default: env `EMBEDDED_PG_PORT`, else 54320. */
  port?: number;
  logger: Logger;
  /** See {@link EmbeddedPostgresOptions.stopOnSignals}; default `package`. */
  stopOnSignals?: EmbeddedPostgresOptions['stopOnSignals'];
}

/** A PostgreSQL server ready for use; `stop()` stops it when this process started it. */
export interface RunningDatabase {
  /** Connection URL of the application database. */
  url: string;
  /** True when this process started an embedded cluster (false with DATABASE_URL). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database for `npm start` and tools: `DATABASE_URL` when set (used as is, never stopped),
 * otherwise an embedded PostgreSQL whose data survives restarts under `.data/postgres` (or
 * `$COURIERDESK_DATA_DIR/postgres`), with
 * the `courierdesk` database created on first use.
 */
export async function startDatabase(options: StartDatabaseOptions): Promise<RunningDatabase> {
  const { logger } = options;
  const external = process.env['DATABASE_URL'];
  if (external) {
    logger.info({ server: redactUrl(external) }, 'using the PostgreSQL server from DATABASE_URL');
    return { url: external, embedded: false, stop: async () => undefined };
  }

  const cluster = await launchEmbeddedPostgres({
    dataDir: options.dataDir ?? path.join(dataDir(), 'postgres'),
    port: options.port ?? embeddedPortFromEnv(),
    logger,
    stopOnSignals: options.stopOnSignals,
  });
  try {
    if (await createDatabaseIfMissing(cluster.adminUrl, APP_DATABASE)) {
      logger.info({ database: APP_DATABASE }, 'created the application database');
    }
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return { url: withDatabaseName(cluster.adminUrl, APP_DATABASE), embedded: true, stop: cluster.stop };
}

function embeddedPortFromEnv(): number {
  const raw = process.env['EMBEDDED_PG_PORT'];
  if (!raw) return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a TCP port number, got ${JSON.stringify(raw)}`);
  }
  return port;
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
