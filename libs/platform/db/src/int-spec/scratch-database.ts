import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabaseName } from '../database-admin';

/**
 * A database of its own for one int-spec file, on the server of the jest run (see
 * libs/testing/src/jest-global-setup.ts). This library cannot use `@courierdesk/testing`
 * (platform code may not depend on the test harness, which itself depends on this library),
 * so it follows the harness's contract directly: the env variables, and names prefixed
 * `t_<run id>_` so that the global teardown drops whatever a crashed file leaves behind.
 */
export async function createScratchDatabase(): Promise<{ url: string; adminUrl: string; drop(): Promise<void> }> {
  const adminUrl = process.env['COURIERDESK_TEST_ADMIN_URL'];
  const runId = process.env['COURIERDESK_TEST_RUN_ID'];
  if (!adminUrl || !runId) throw new Error('Run through jest with the global setup of libs/testing');
  const name = `t_${runId}_db${process.env['JEST_WORKER_ID'] ?? '0'}_${randomBytes(4).toString('hex')}`;
  await createDatabase(adminUrl, name);
  return { url: withDatabaseName(adminUrl, name), adminUrl, drop: () => dropDatabase(adminUrl, name) };
}
