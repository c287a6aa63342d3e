/** Wall-clock now in nanoseconds (monotonic). */
export const clock = (): bigint => process.hrtime.bigint();

/** Milliseconds since `since` (from {@link clock}). */
export const msSince = (since: bigint): number => Number(clock() - since) / 1e6;

/** Latency summary of a series of timings, in milliseconds. */
export interface LatencyStats {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values (p in 0–100). */
function rank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Mean and percentiles of timings in milliseconds. */
export function latencyStats(timingsMs: readonly number[]): LatencyStats {
  const sorted = [...timingsMs].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    meanMs: sorted.length ? sum / sorted.length : 0,
    p50Ms: rank(sorted, 50),
    p95Ms: rank(sorted, 95),
    p99Ms: rank(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}

/** A small deterministic PRNG (mulberry32) for picking sample waybills reproducibly. */
export function sampler(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Runs `tasks` with at most `concurrency` in flight, in order of the array. */
export async function runConcurrently<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/** `1,234,567` */
export const int = (n: number): string => Math.round(n).toLocaleString('en');

/** A number with `digits` decimals. */
export const fixed = (n: number, digits = 2): string => n.toFixed(digits);
