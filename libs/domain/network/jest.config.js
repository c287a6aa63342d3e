module.exports = {
  displayName: 'domain-network',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
