module.exports = {
  displayName: 'platform-db',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
