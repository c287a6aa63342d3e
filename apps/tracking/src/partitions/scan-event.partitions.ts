import type { DataSource } from 'typeorm';
import type { Logger } from '@courierdesk/platform-subgraph';

/** Months of partitions kept ready behind and ahead of now (the migration also made a year back). */
export const PARTITION_MONTHS_BEHIND = 1;
export const PARTITION_MONTHS_AHEAD = 3;
/** How often a running subgraph checks (partitions for three months ahead: a missed run costs nothing). */
export const PARTITION_CHECK_INTERVAL_MS = 12 * 3_600_000;

/**
 * Creates the missing monthly scan_event partitions covering [from, to] (China months); rows of
 * those months waiting in the default partition move into them. Returns how many were created.
 * Safe to run concurrently (an advisory lock serialises maintainers) and repeatedly.
 */
export async function ensureScanEventPartitions(ds: DataSource, from: Date, to: Date): Promise<number> {
  const [row] = await ds.query('SELECT ensure_scan_event_partitions($1, $2) AS created', [from.toISOString(), to.toISOString()]);
  return Number(row.created);
}

/** The maintenance window around `now`: a month back, three ahead. */
export function partitionWindow(now: Date): [Date, Date] {
  const shift = (months: number) => {
    const at = new Date(now);
    at.setUTCMonth(at.getUTCMonth() + months);
    return at;
  };
  return [shift(-PARTITION_MONTHS_BEHIND), shift(PARTITION_MONTHS_AHEAD)];
}

/**
 * Runs the maintenance now (awaited: start-up fails loudly if it cannot) and then twice a day on
 * an unref'd timer; the returned function stops the timer. A failed periodic run is logged and
 * retried at the next tick: the default partition takes every event meanwhile.
 */
export async function maintainScanEventPartitions(ds: DataSource, clock: () => Date, logger: Logger): Promise<() => void> {
  const run = async () => {
    const created = await ensureScanEventPartitions(ds, ...partitionWindow(clock()));
    if (created > 0) logger.info({ created }, 'created scan_event partitions');
  };
  await run();
  const timer = setInterval(() => run().catch((err) => logger.warn({ err }, 'scan_event partition maintenance failed; retrying later')), PARTITION_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
