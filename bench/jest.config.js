module.exports = {
  displayName: 'bench',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  // The smoke test runs the harness end to end (gateway, subgraphs, PostgreSQL) at tiny volumes,
  // on a database of its own (embedded throwaway cluster, or DATABASE_URL). Never timed.
  globalSetup: '<rootDir>/../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
};
