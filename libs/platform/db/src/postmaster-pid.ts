import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from 'pino';

type Owner = 'dead' | 'this-cluster' | 'in-use' | 'other-process' | 'unknown';

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
    if (!isPostgres || !cmdline.includes(dataDir)) return 'other-process';
    // Still the child of a live Node process (another `npm start` on this data directory): in
    // use, not orphaned. An orphan has been handed to init (or a subreaper that is not Node).
    const parent = await parentOf(pid);
    return parent !== null && parent !== process.pid && (await isNode(parent)) ? 'in-use' : 'this-cluster';
  } catch {
    return 'unknown';
  }
}

/** The parent pid of a live process (Linux /proc), or null when it cannot be read. */
async function parentOf(pid: number): Promise<number | null> {
  // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its ')'.
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  return Number.isInteger(ppid) && ppid > 1 ? ppid : null;
}

async function isNode(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return /^node/.test(path.basename(cmdline.split('\0')[0] ?? ''));
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
 * - Our postmaster is running for another live Node process (a second `npm start` on the same
 *   data directory): refuse, naming it, and leave it alone.
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
    case 'in-use':
      throw new Error(`the PostgreSQL in ${dataDir} (pid ${pid}) belongs to another running process: stop that one first, or use another data directory`);
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
