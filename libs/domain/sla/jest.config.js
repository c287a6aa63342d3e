module.exports = {
  displayName: 'domain-sla',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
