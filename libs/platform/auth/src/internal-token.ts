import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { unauthenticated } from './auth.errors';
import type { Identity } from './identity';
import { SIGNING_ALG, type SigningKey } from './keys';
import { effectiveScopes, parseRoles } from './roles';
import { ExpiringCache } from './token-cache';

/** Issuer and `typ` of the gateway → subgraph context token. */
export const INTERNAL_ISSUER = 'courierdesk-gateway';
export const INTERNAL_TOKEN_TYPE = 'courierdesk-ctx+jwt';
/** Lifetime of an internal token: long enough for one subgraph call, too short to be worth stealing. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

/** Mints the short-lived signed context the gateway sends to one subgraph (`aud` = that subgraph). */
export async function mintInternalToken(key: SigningKey, identity: Identity, subgraph: string): Promise<string> {
  return new SignJWT({
    roles: [...identity.roles],
    scope: identity.scopes.join(' '),
    ...(identity.outletId ? { outlet_id: identity.outletId } : {}),
    caller_jti: identity.tokenId,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: INTERNAL_TOKEN_TYPE })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(subgraph)
    .setSubject(identity.subject)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
    .sign(key.privateKey);
}

/**
 * Mints context tokens for the gateway, reusing one per caller token and subgraph for the first
 * half of its lifetime: a subgraph always gets a token with at least 30 s left.
 */
export class InternalTokenMinter {
  private readonly minted = new ExpiringCache<string>();

  constructor(private readonly key: SigningKey) {}

  async mint(identity: Identity, subgraph: string): Promise<string> {
    // The caller token id identifies the identity exactly: it was verified with these claims.
    const cacheKey = identity.tokenId ? `${subgraph}\u0000${identity.tokenId}\u0000${identity.subject}` : null;
    const cached = cacheKey ? this.minted.get(cacheKey) : undefined;
    if (cached) return cached;
    const token = await mintInternalToken(this.key, identity, subgraph);
    if (cacheKey) this.minted.set(cacheKey, token, Date.now() + (INTERNAL_TOKEN_TTL_SECONDS / 2) * 1000);
    return token;
  }
}

/** Verifies the gateway's context token inside a subgraph, before any GraphQL runs. */
export class InternalTokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;
  /** Context tokens already verified, until their expiry: the gateway reuses each for up to 30 s. */
  private readonly verified = new ExpiringCache<Identity>();

  constructor(
    jwks: JSONWebKeySet,
    private readonly subgraph: string,
  ) {
    this.keys = createLocalJWKSet(jwks);
  }

  async verify(token: string | null | undefined): Promise<Identity> {
    if (!token) throw unauthenticated('TOKEN_MISSING', 'Subgraphs accept only calls from the gateway');
    const cached = this.verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [SIGNING_ALG],
        issuer: INTERNAL_ISSUER,
        audience: this.subgraph,
        typ: INTERNAL_TOKEN_TYPE,
        maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS + 5}s`,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      });
      const roles = parseRoles(payload.roles);
      const identity: Identity = {
        subject: String(payload.sub),
        roles,
        // Re-apply the role ceiling: a subgraph trusts the gateway's signature, not its arithmetic.
        scopes: effectiveScopes(roles, typeof payload.scope === 'string' ? payload.scope : ''),
        outletId: typeof payload.outlet_id === 'string' ? payload.outlet_id : null,
        tokenId: typeof payload.caller_jti === 'string' ? payload.caller_jti : '',
      };
      this.verified.set(token, identity, Number(payload.exp) * 1000);
      return identity;
    } catch {
      throw unauthenticated('INTERNAL_TOKEN_INVALID', 'Subgraphs accept only calls from the gateway');
    }
  }
}
