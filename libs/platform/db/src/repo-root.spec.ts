import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from './repo-root';

describe('findRepoRoot', () => {
  it('walks up from this library to the directory holding nx.json', () => {
    const root = findRepoRoot(__dirname);
    expect(existsSync(path.join(root, 'nx.json'))).toBe(true);
    expect(path.relative(root, __dirname)).toBe(path.join('libs', 'platform', 'db', 'src'));
  });

  it('says so when there is no workspace above', () => {
    expect(() => findRepoRoot('/')).toThrow(/No nx.json/);
  });
});
