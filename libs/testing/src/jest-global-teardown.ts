// Jest globalTeardown, the counterpart of jest-global-setup.ts (same process, same rules).
import { GLOBAL_KEY, type GlobalTestServer } from './jest-global-setup';
import { dropRunDatabases } from './run-databases';
import { ADMIN_URL_ENV, RUN_ID_ENV } from './test-run';

type WithServer = typeof globalThis & { [GLOBAL_KEY]?: GlobalTestServer };

/** Stops the run's embedded server, or drops the databases the run left on DATABASE_URL. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as WithServer;
  const server = state[GLOBAL_KEY];
  if (!server || --server.users > 0) return;
  delete state[GLOBAL_KEY];
  if (server.cluster) {
    if (server.exitHandler) process.removeListener('exit', server.exitHandler);
    await server.cluster.stop();
    return;
  }
  const adminUrl = process.env[ADMIN_URL_ENV];
  const runId = process.env[RUN_ID_ENV];
  if (adminUrl && runId) await dropRunDatabases(adminUrl, runId);
}
