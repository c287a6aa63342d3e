module.exports = {
  displayName: 'seed',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The tracking loaders' int-spec compares them with the tracking subgraph's own services on a real
  // PostgreSQL (DATABASE_URL or an embedded throwaway cluster); unit specs need no database.
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 30000,
};
