import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import { unauthenticated } from './auth.errors';
import type { Identity } from './identity';
import { SIGNING_ALG, type SigningKey } from './keys';
import { effectiveScopes, parseRoles } from './roles';

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

/** Verifies the gateway's context token inside a subgraph, before any GraphQL runs. */
export class InternalTokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet>;

  constructor(
    jwks: JSONWebKeySet,
    private readonly subgraph: string,
  ) {
    this.keys = createLocalJWKSet(jwks);
  }

  async verify(token: string | null | undefined): Promise<Identity> {
    if (!token) throw unauthenticated('TOKEN_MISSING', 'Subgraphs accept only calls from the gateway');
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
      return {
        subject: String(payload.sub),
        roles,
        // Re-apply the role ceiling: a subgraph trusts the gateway's signature, not its arithmetic.
        scopes: effectiveScopes(roles, typeof payload.scope === 'string' ? payload.scope : ''),
        outletId: typeof payload.outlet_id === 'string' ? payload.outlet_id : null,
        tokenId: typeof payload.caller_jti === 'string' ? payload.caller_jti : '',
      };
    } catch {
      throw unauthenticated('INTERNAL_TOKEN_INVALID', 'Subgraphs accept only calls from the gateway');
    }
  }
}
