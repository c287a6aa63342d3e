module.exports = {
  displayName: 'stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // End-to-end: the real gateway and subgraphs, started as `npm start` starts them, on a
  // database of their own (embedded throwaway cluster, or DATABASE_URL).
  globalSetup: '<rootDir>/../../libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
};
