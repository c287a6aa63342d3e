module.exports = {
  displayName: 'platform-subgraph',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
