import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';

type Owner = 'dead' | 'this-cluster' | 'other-process' | 'unknown';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerOf(pid: number, dataDir: string): Promise<Owner> {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return 'dead';
  try {
    // /proc exists on Linux only; elsewhere we cannot tell a reused pid from our postmaster.
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const isPostgres = path.basename(cmdline[0] ?? '') === 'postgres';
    return isPostgres && cmdline.includes(dataDir) ? 'this-cluster' : 'other-process';
  } catch {
    return 'unknown';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Makes a data directory startable after the process that owned it was killed.
 *
 * - The postmaster is gone: drop the stale `postmaster.pid` (PostgreSQL would refuse to
 *   start if the pid has since been reused by an unrelated process, common in containers).
 * - Our postmaster is still running, orphaned (its parent died without stopping it): shut it
 *   down (fast, then immediate) so this process owns the cluster and stops it on exit.
 * - The pid is alive and cannot be identified: leave it; PostgreSQL reports the conflict.
 */
export async function clearStalePostmaster(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(pidFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const owner = await ownerOf(pid, dataDir);
  switch (owner) {
    case 'dead':
    case 'other-process':
      logger.warn({ pid, dataDir }, 'removing stale postmaster.pid left by a PostgreSQL that did not shut down');
      await rm(pidFile, { force: true });
      return;
    case 'this-cluster':
      logger.warn({ pid, dataDir }, 'stopping an orphaned PostgreSQL left running by a previous process');
      process.kill(pid, 'SIGINT');
      if (await waitForExit(pid, 15_000)) return;
      process.kill(pid, 'SIGQUIT');
      if (await waitForExit(pid, 5_000)) return;
      throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop; stop it by hand and retry`);
    case 'unknown':
      return;
  }
}
