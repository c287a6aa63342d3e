/**
 * Real-PostgreSQL test harness.
 *
 * 1. In the project's jest.config.js (paths relative to that file):
 *
 * ```js
 * globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
 * globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
 * testTimeout: 30000,
 * ```
 *
 *    One server serves the whole jest run: DATABASE_URL when set, otherwise an embedded
 *    PostgreSQL in a temp directory that teardown deletes.
 *
 * 2. In each `*.int-spec.ts`, a database of its own (files run in parallel):
 *
 * ```ts
 * const db = await createTestDatabase();
 * const ds = await initializeDataSource(
 *   createDataSource({ url: db.url, schema: 'network', entities, migrations, applicationName: 'test', poolMax: 3 }),
 *   logger,
 * );
 * afterAll(async () => {
 *   await ds.destroy();
 *   await db.drop();
 * });
 * ```
 *
 *    Databases a crashed file did not drop are dropped by the global teardown.
 */
export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { ADMIN_URL_ENV, RUN_ID_ENV } from './test-run';
export { startSubgraphHarness, firstError, testIdentity } from './subgraph-harness';
export type { GraphQLResponse, HarnessStartOptions, SubgraphHarness } from './subgraph-harness';
