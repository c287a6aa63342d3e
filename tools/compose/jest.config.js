module.exports = {
  displayName: 'compose',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 60000,
};
