module.exports = {
  displayName: 'domain-tariff',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
