import { SignJWT } from 'jose';
import type { Identity } from './identity';
import { INTERNAL_ISSUER, INTERNAL_TOKEN_TYPE, InternalTokenMinter, InternalTokenVerifier, mintInternalToken } from './internal-token';
import { generateSigningKey, type SigningKey } from './keys';
import { Role, Scope } from './roles';

const partner: Identity = { subject: 'p-1', roles: [Role.OUTLET_PARTNER], scopes: [Scope.NETWORK_READ], outletId: 'o-1', tokenId: 'j-1' };

describe('internal (gateway → subgraph) tokens', () => {
  let gatewayKey: SigningKey;
  let strangerKey: SigningKey;
  beforeAll(async () => {
    gatewayKey = await generateSigningKey();
    strangerKey = await generateSigningKey();
  });

  it('carries the identity to the named subgraph', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'network');
    const identity = await verifier.verify(await mintInternalToken(gatewayKey, partner, 'network'));
    expect(identity).toEqual(partner);
  });

  it('is refused by another subgraph (audience)', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'tracking');
    await expect(verifier.verify(await mintInternalToken(gatewayKey, partner, 'network'))).rejects.toMatchObject({ code: 'INTERNAL_TOKEN_INVALID', kind: 'UNAUTHENTICATED' });
  });

  it('is refused when signed by a key other than the gateway’s', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'network');
    await expect(verifier.verify(await mintInternalToken(strangerKey, partner, 'network'))).rejects.toMatchObject({ code: 'INTERNAL_TOKEN_INVALID' });
  });

  it('is refused when older than its short lifetime', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'network');
    const stale = await new SignJWT({ roles: ['admin'], scope: 'network:read' })
      .setProtectedHeader({ alg: 'EdDSA', kid: gatewayKey.kid, typ: INTERNAL_TOKEN_TYPE })
      .setIssuer(INTERNAL_ISSUER).setAudience('network').setSubject('x')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime('1h')
      .sign(gatewayKey.privateKey);
    await expect(verifier.verify(stale)).rejects.toMatchObject({ code: 'INTERNAL_TOKEN_INVALID' });
  });

  it('re-applies the role ceiling to the scopes it carries', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'network');
    const inflated = await mintInternalToken(gatewayKey, { ...partner, roles: [Role.SCANNER], scopes: [Scope.PERSONAL_DATA, Scope.TRACKING_INGEST] }, 'network');
    expect((await verifier.verify(inflated)).scopes).toEqual([Scope.TRACKING_INGEST]);
  });

  it('refuses a missing token', async () => {
    await expect(new InternalTokenVerifier(gatewayKey.publicJwks, 'network').verify(undefined)).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
  });

  it('reuses a minted token per caller and subgraph, never across them', async () => {
    const minter = new InternalTokenMinter(gatewayKey);
    const first = await minter.mint(partner, 'network');
    expect(await minter.mint(partner, 'network')).toBe(first);
    expect(await minter.mint(partner, 'tracking')).not.toBe(first);
    expect(await minter.mint({ ...partner, tokenId: 'j-2' }, 'network')).not.toBe(first);
    await expect(new InternalTokenVerifier(gatewayKey.publicJwks, 'tracking').verify(await minter.mint(partner, 'tracking'))).resolves.toEqual(partner);
  });

  it('does not keep accepting a cached token past its expiry', async () => {
    const verifier = new InternalTokenVerifier(gatewayKey.publicJwks, 'network');
    const token = await mintInternalToken(gatewayKey, partner, 'network');
    await expect(verifier.verify(token)).resolves.toEqual(partner);
    // Only the clock moves: 2 minutes later the 60 s token is refused, cached or not.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'hrtime', 'performance'] });
    try {
      jest.setSystemTime(Date.now() + 120_000);
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'INTERNAL_TOKEN_INVALID' });
    } finally {
      jest.useRealTimers();
    }
  });
});

