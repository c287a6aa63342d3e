module.exports = {
  displayName: 'platform-db',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
  // One PostgreSQL for the whole run (DATABASE_URL or an embedded throwaway cluster).
  globalSetup: '<rootDir>/../../testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../testing/src/jest-global-teardown.ts',
  testTimeout: 30000,
};
