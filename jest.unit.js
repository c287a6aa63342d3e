// `npm run test:unit`: a project's specs without a database, for quick feedback. The project's own
// Jest config (JEST_UNIT_PROJECT) minus the PostgreSQL global setup and the int/e2e specs.
const path = require('path');

const projectRoot = process.env.JEST_UNIT_PROJECT;
if (!projectRoot) throw new Error('JEST_UNIT_PROJECT is not set: run `npm run test:unit` (or nx run <project>:test:unit)');
const base = require(path.resolve(projectRoot, 'jest.config.js'));

module.exports = {
  ...base,
  globalSetup: undefined,
  globalTeardown: undefined,
  testMatch: ['**/?(*.)+(spec).ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.int-spec\\.ts$', '\\.e2e-spec\\.ts$'],
};
