import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { dataDir, repoRoot } from './repo-root';

describe('repoRoot', () => {
  it('walks up from this library to the directory holding nx.json', () => {
    const root = repoRoot(__dirname);
    expect(existsSync(path.join(root, 'nx.json'))).toBe(true);
    expect(path.relative(root, __dirname)).toBe(path.join('libs', 'platform', 'db', 'src'));
  });

  it('says so when there is no workspace above', () => {
    expect(() => repoRoot('/')).toThrow(/No nx.json/);
  });
});

describe('dataDir', () => {
  const saved = process.env['COURIERDESK_DATA_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['COURIERDESK_DATA_DIR'];
    else process.env['COURIERDESK_DATA_DIR'] = saved;
  });

  it('is .data under the repository root unless COURIERDESK_DATA_DIR moves it', () => {
    delete process.env['COURIERDESK_DATA_DIR'];
    expect(dataDir()).toBe(path.join(repoRoot(), '.data'));
    process.env['COURIERDESK_DATA_DIR'] = '/tmp/elsewhere';
    expect(dataDir()).toBe('/tmp/elsewhere');
  });
});
