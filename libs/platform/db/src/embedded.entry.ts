// Entry point for code that runs where the tsconfig path aliases do not resolve — jest's
// globalSetup/globalTeardown run in jest's own process, outside `moduleNameMapper` — and so
// must import this library by relative path. Keep it free of `@courierdesk/*` imports.
export { launchEmbeddedPostgres } from './embedded-postgres.launcher';
export type { EmbeddedPostgresOptions, EmbeddedPostgresHandle } from './embedded-postgres.launcher';
export { clearStalePostmaster } from './postmaster-pid';
export { findFreePort } from './port-check';
