import type { DataSource } from 'typeorm';

/**
 * Readiness probe: true when `ds` answers `SELECT 1` within `timeoutMs`. Never throws, so a
 * health endpoint can report "not ready" instead of failing — and never waits longer than
 * `timeoutMs`, even when the pool is exhausted or the server does not answer.
 */
export async function checkDatabase(ds: DataSource, timeoutMs = 2_000): Promise<boolean> {
  if (!ds.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = ds.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
