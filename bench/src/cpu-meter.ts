import { readdirSync, readFileSync } from 'node:fs';
import { trackingClient } from './bench-data';

/** CPU time spent by this Node process and by the PostgreSQL server while a measurement ran. */
export interface CpuTime {
  wallMs: number;
  nodeMs: number;
  /** All processes of the PostgreSQL cluster (postmaster, backends, WAL writer, checkpointer…); null where /proc is not available. */
  postgresMs: number | null;
}

const TICK_MS = 10; // Linux USER_HZ is 100 on every common platform.

/** utime + stime of a process and its parent pid, from /proc/<pid>/stat. */
function procStat(pid: string): { ppid: number; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU ms per process of the cluster whose postmaster is `postmaster`: it and its children. */
function clusterCpu(postmaster: number): Map<string, number> | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const cpu = new Map<string, number>();
  for (const pid of entries) {
    const stat = procStat(pid);
    if (stat && (Number(pid) === postmaster || stat.ppid === postmaster)) cpu.set(pid, stat.ms);
  }
  return cpu;
}

/** CPU spent between two snapshots: processes in both by difference, new ones whole (exited ones are lost). */
function spent(before: Map<string, number> | null, after: Map<string, number> | null): number | null {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/**
 * Meters CPU over a measurement: this process by process.cpuUsage(), the PostgreSQL cluster (same
 * machine) by summing /proc of its postmaster's children. The benchmark's connections stay open
 * across a measurement, so their backends are counted.
 */
export async function cpuMeter(databaseUrl: string): Promise<<T>(fn: () => Promise<T>) => Promise<{ result: T; cpu: CpuTime }>> {
  const client = await trackingClient(databaseUrl, 'courierdesk-bench-meter');
  let postmaster: number | null = null;
  try {
    const { rows: [{ pid }] } = await client.query('SELECT pg_backend_pid() AS pid');
    postmaster = procStat(String(pid))?.ppid ?? null;
  } finally {
    await client.end();
  }
  return async (fn) => {
    const pgBefore = postmaster ? clusterCpu(postmaster) : null;
    const nodeBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = await fn();
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const node = process.cpuUsage(nodeBefore);
    const pgAfter = postmaster ? clusterCpu(postmaster) : null;
    return { result, cpu: { wallMs, nodeMs: (node.user + node.system) / 1000, postgresMs: spent(pgBefore, pgAfter) } };
  };
}
