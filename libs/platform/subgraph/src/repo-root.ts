import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root (the folder with nx.json), found from this file; `.data/` lives there. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + from);
    dir = parent;
  }
  return dir;
}

/** The local data folder (`<root>/.data` unless `COURIERDESK_DATA_DIR` says otherwise). */
export function dataDir(): string {
  return process.env.COURIERDESK_DATA_DIR ?? join(repoRoot(), '.data');
}
