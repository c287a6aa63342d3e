module.exports = {
  displayName: 'domain-parcel',
  preset: '../../../jest.preset.js',
  rootDir: __dirname,
};
