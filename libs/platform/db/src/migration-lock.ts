import type { QueryRunner } from 'typeorm';

const POLL_MS = 250;
const GIVE_UP_MS = 5 * 60_000;

// Replicas of a subgraph start together; without a lock each would run the same pending
// migrations at once and all but one would fail half-way. A session-level advisory lock, held on
// the connection that runs the migrations, serialises them and vanishes if the process dies.
// It is polled with pg_try_advisory_lock so that statement_timeout never cuts the wait short.

/** Runs `fn` while holding the cluster-wide migration lock of `schema` on `runner`'s connection. */
export async function withMigrationLock<T>(runner: QueryRunner, schema: string, fn: () => Promise<T>): Promise<T> {
  const key = `courierdesk:migrations:${schema}`;
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const [row] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    if (row.locked) break;
    if (Date.now() > deadline) {
      throw new Error(`Another process has been migrating schema "${schema}" for over ${GIVE_UP_MS / 60_000} minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    // If the connection broke, the session and its lock are gone already; keep fn's error.
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
  }
}
