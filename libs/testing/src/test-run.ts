import { randomBytes } from 'node:crypto';

// The contract between the jest global setup (jest's own process) and the test files (workers).
// Imported by the global setup too, so: no `@courierdesk/*` imports here.

/** Superuser URL of the server the current jest run may create databases on. */
export const ADMIN_URL_ENV = 'COURIERDESK_TEST_ADMIN_URL';

/** Short random id of the current jest run; prefixes every database the run creates. */
export const RUN_ID_ENV = 'COURIERDESK_TEST_RUN_ID';

/** Names of databases created by run `runId` start with this (`t_<run>_`). */
export function runDatabasePrefix(runId: string): string {
  return `t_${runId}_`;
}

/** A short random id, for run ids and database names. */
export function randomId(bytes = 4): string {
  return randomBytes(bytes).toString('hex');
}
