module.exports = {
  displayName: 'keys',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The key-set test starts a subgraph on a database of its own (embedded throwaway cluster, or DATABASE_URL).
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 120000,
};
