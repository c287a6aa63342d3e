import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey } from './keys';
import { CallerTokenIssuer, CallerTokenVerifier } from './caller-token';
import { Role } from './roles';

describe('signing keys on disk', () => {
  it('creates a private key once (0600) and loads the same key afterwards', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'k', 'issuer.jwk.json');
    const first = await loadOrCreateSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('d');
    const second = await loadOrCreateSigningKey(file);
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwks.keys[0]).not.toHaveProperty('d');
    // A token signed with the reloaded key verifies against the first key's public set.
    const settings = { issuer: 'i', audience: 'a' };
    const token = await new CallerTokenIssuer(second, settings).mint({ subject: 's', roles: [Role.AGENT] });
    await expect(new CallerTokenVerifier({ jwks: first.publicJwks }, settings).verify(token)).resolves.toMatchObject({ subject: 's' });
  });
});
