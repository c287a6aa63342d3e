import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The monorepo root: the nearest directory at or above `from` that holds `nx.json`.
 * Walking up (rather than using `process.cwd()`) keeps `.data/` in one place whether the
 * code runs from the repo root, a project folder, jest, or a bundled `dist/` copy.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json found at or above ${from}: cannot locate the repository root`);
    dir = parent;
  }
}

/** The local data folder (`<root>/.data` unless `COURIERDESK_DATA_DIR` says otherwise). */
export function dataDir(): string {
  return process.env['COURIERDESK_DATA_DIR'] ?? path.join(repoRoot(), '.data');
}
