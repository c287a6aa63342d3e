import { SignJWT, UnsecuredJWT } from 'jose';
import { AuthError } from './auth.errors';
import { CallerTokenIssuer, CallerTokenVerifier, InMemoryRevocationList, bearerToken } from './caller-token';
import { generateSigningKey, type SigningKey } from './keys';
import { Role, Scope } from './roles';

const settings = { issuer: 'https://auth.test/', audience: 'courierdesk-graph' };

describe('caller tokens', () => {
  let key: SigningKey;
  let otherKey: SigningKey;
  let issuer: CallerTokenIssuer;
  let revocations: InMemoryRevocationList;
  let verifier: CallerTokenVerifier;

  beforeAll(async () => {
    key = await generateSigningKey();
    otherKey = await generateSigningKey();
    issuer = new CallerTokenIssuer(key, settings);
    revocations = new InMemoryRevocationList();
    verifier = new CallerTokenVerifier({ jwks: key.publicJwks }, { ...settings, revocations });
  });

  const failure = async (token: string | undefined) => {
    try {
      await verifier.verify(token);
    } catch (err) {
      expect(err).toBeInstanceOf(AuthError);
      return { kind: (err as AuthError).kind, code: (err as AuthError).code };
    }
    throw new Error('token was accepted');
  };

  it('accepts a valid partner token and binds it to its outlet', async () => {
    const token = await issuer.mint({ subject: 'p-1', roles: [Role.OUTLET_PARTNER], outletId: 'o-1' });
    const identity = await verifier.verify(token);
    expect(identity).toMatchObject({ subject: 'p-1', roles: [Role.OUTLET_PARTNER], outletId: 'o-1' });
    expect(identity.scopes).toContain(Scope.NETWORK_READ);
    expect(identity.scopes).not.toContain(Scope.NETWORK_WRITE);
  });

  it('never grants a scope beyond the role ceiling', async () => {
    const token = await issuer.mint({ subject: 's-1', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.PERSONAL_DATA, 'root'] });
    expect((await verifier.verify(token)).scopes).toEqual([Scope.TRACKING_INGEST]);
  });

  it('refuses a missing token', async () => {
    expect(await failure(undefined)).toEqual({ kind: 'UNAUTHENTICATED', code: 'TOKEN_MISSING' });
  });

  it.each<[string, () => Promise<string>, string]>([
    ['wrong audience', () => new CallerTokenIssuer(key, { ...settings, audience: 'other' }).mint({ subject: 'a', roles: [Role.AGENT] }), 'TOKEN_INVALID'],
    ['wrong issuer', () => new CallerTokenIssuer(key, { ...settings, issuer: 'https://evil/' }).mint({ subject: 'a', roles: [Role.AGENT] }), 'TOKEN_INVALID'],
    ['expired', () => issuer.mint({ subject: 'a', roles: [Role.AGENT] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }), 'TOKEN_EXPIRED'],
    ['not yet valid', () => issuer.mint({ subject: 'a', roles: [Role.AGENT] }, { notBefore: '1h' }), 'TOKEN_INVALID'],
    ['signed by an unknown key', () => new CallerTokenIssuer(otherKey, settings).mint({ subject: 'a', roles: [Role.AGENT] }), 'TOKEN_INVALID'],
    ['alg none', async () => new UnsecuredJWT({ roles: ['admin'], jti: 'x' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1h').encode(), 'TOKEN_INVALID'],
    ['HS256 keyed with the public key', async () => {
      // The classic confusion attack: an HMAC "secret" that is the verifier's public key.
      const secret = new TextEncoder().encode(JSON.stringify(key.publicJwks.keys[0]));
      return new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' }).setSubject('a').setJti('j').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1h').sign(secret);
    }, 'TOKEN_INVALID'],
    ['wrong typ header', () => new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' }).setSubject('a').setJti('j').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1h').sign(key.privateKey), 'TOKEN_INVALID'],
    ['no jti', () => new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' }).setSubject('a').setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt().setExpirationTime('1h').sign(key.privateKey), 'TOKEN_INVALID'],
    ['no known role', () => issuer.mint({ subject: 'a', roles: ['superuser' as Role] }), 'TOKEN_INVALID'],
    ['garbage', async () => 'not.a.jwt', 'TOKEN_INVALID'],
  ])('refuses a token: %s', async (_name, make, code) => {
    expect(await failure(await make())).toEqual({ kind: 'UNAUTHENTICATED', code });
  });

  it('refuses a revoked token id', async () => {
    const token = await issuer.mint({ subject: 'a', roles: [Role.AGENT] }, { tokenId: 'leaked-1' });
    await expect(verifier.verify(token)).resolves.toBeDefined();
    revocations.revoke('leaked-1');
    expect(await failure(token)).toEqual({ kind: 'UNAUTHENTICATED', code: 'TOKEN_REVOKED' });
  });

  it('does not accept a verified (cached) token after it expires', async () => {
    const token = await issuer.mint({ subject: 'a', roles: [Role.AGENT] }, { expiresIn: '60s' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'a' });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'hrtime', 'performance'] });
    try {
      jest.setSystemTime(Date.now() + 120_000);
      expect(await failure(token)).toEqual({ kind: 'UNAUTHENTICATED', code: 'TOKEN_EXPIRED' });
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   tok ', 'tok'],
    ['Basic dXNlcg==', null],
    [undefined, null],
    ['Bearer', null],
  ])('bearerToken(%p) → %p', (header, expected) => expect(bearerToken(header)).toBe(expected));
});
