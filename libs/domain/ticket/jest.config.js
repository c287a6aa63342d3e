module.exports = {
  displayName: 'domain-ticket',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
