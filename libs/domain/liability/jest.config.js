module.exports = {
  displayName: 'domain-liability',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
