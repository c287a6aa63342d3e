module.exports = {
  displayName: 'stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
