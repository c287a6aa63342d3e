module.exports = {
  displayName: 'claims',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // One PostgreSQL for the whole run (DATABASE_URL or an embedded throwaway cluster); each
  // int-spec file creates a database of its own on it.
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 30000,
};
