import { createDatabase, dropDatabase, withDatabaseName } from '@courierdesk/platform-db';
import { ADMIN_URL_ENV, RUN_ID_ENV, randomId, runDatabasePrefix } from './test-run';

/** A database of its own for one test file. */
export interface TestDatabase {
  name: string;
  url: string;
  /** Ends its open connections and drops it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty, uniquely named database on the jest run's server, so test files running in
 * parallel never share state. Needs the global setup of this library in jest.config.js.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const runId = process.env[RUN_ID_ENV];
  if (!adminUrl || !runId) {
    throw new Error(
      `${ADMIN_URL_ENV} is not set: add globalSetup/globalTeardown from libs/testing/src to this project's jest.config.js`,
    );
  }
  const name = `${runDatabasePrefix(runId)}w${process.env['JEST_WORKER_ID'] ?? '0'}_${randomId()}`;
  await createDatabase(adminUrl, name);
  return { name, url: withDatabaseName(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
