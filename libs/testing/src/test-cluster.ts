import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino, { type Logger } from 'pino';
// Runs inside jest's globalSetup, where path aliases do not resolve (see embedded.entry.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries -- see above
import { clearStalePostmaster, findFreePort, launchEmbeddedPostgres } from '../../platform/db/src/embedded.entry';

const DIR_PREFIX = 'courierdesk-test-pg-';
const OWNER_FILE = 'owner.pid';

/** A throwaway PostgreSQL cluster for one jest run. */
export interface TestCluster {
  adminUrl: string;
  dir: string;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
  /** Last resort from a synchronous `exit` handler: kill the server now, delete its files. */
  killNow(): void;
}

function testLogger(): Logger {
  return pino({ name: 'test-cluster', level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
}

/**
 * Starts a fresh cluster in a new temp directory on a free port. Durability is switched off:
 * the data is thrown away after the run, and fsync on every commit would only slow tests down.
 */
export async function startTestCluster(): Promise<TestCluster> {
  const logger = testLogger();
  await reapAbandonedClusters(logger);
  const dir = await mkdtemp(path.join(tmpdir(), DIR_PREFIX));
  // mkdtemp makes the directory 0700; PostgreSQL runs as user postgres when we are root.
  await chmod(dir, 0o755);
  await writeFile(path.join(dir, OWNER_FILE), String(process.pid));
  const dataDir = path.join(dir, 'data');
  try {
    const cluster = await launchEmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      logger,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
    });
    const postmasterPid = await readPostmasterPid(dataDir);
    let stopped = false;
    return {
      adminUrl: cluster.adminUrl,
      dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await cluster.stop();
        await rm(dir, { recursive: true, force: true });
      },
      killNow() {
        if (stopped) return;
        stopped = true;
        // SIGQUIT = immediate shutdown: nothing here is worth a checkpoint.
        if (postmasterPid) signal(postmasterPid, 'SIGQUIT');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Deletes clusters of earlier runs whose jest process died without its teardown (killed, OOM,
 * CI timeout), stopping their server first if it still runs. Live runs are left alone.
 */
export async function reapAbandonedClusters(logger: Logger): Promise<void> {
  const root = tmpdir();
  const entries = (await readdir(root)).filter((name) => name.startsWith(DIR_PREFIX));
  for (const name of entries) {
    const dir = path.join(root, name);
    const owner = Number.parseInt(await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => ''), 10);
    if (Number.isNaN(owner) ? await isRecent(dir) : isAlive(owner)) continue;
    const dataDir = path.join(dir, 'data');
    if (existsSync(dataDir)) await clearStalePostmaster(dataDir, logger);
    await rm(dir, { recursive: true, force: true });
    logger.warn({ dir }, 'removed a test cluster abandoned by an earlier run');
  }
}

// A directory without an owner file may belong to a run that is creating it right now. One that
// vanished meanwhile was removed by its own run (jest runs projects in parallel): nothing to reap,
// so it counts as recent and is skipped.
async function isRecent(dir: string): Promise<boolean> {
  const found = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  return found === null || Date.now() - found.mtimeMs < 60_000;
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  return Number.isNaN(pid) ? undefined : pid;
}

function isAlive(pid: number): boolean {
  return signal(pid, 0);
}

function signal(pid: number, sig: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
