import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { unauthenticated } from './auth.errors';
import type { Identity } from './identity';
import { ACCEPTED_ALGS, type SigningKey } from './keys';
import { effectiveScopes, parseRoles, type Role } from './roles';
import { ExpiringCache } from './token-cache';

/** `typ` header of caller access tokens (RFC 9068). */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Where verifiers find the issuer's public keys: a local set, or the issuer's JWKS URL. */
export type KeySource = { jwks: JSONWebKeySet } | { jwksUrl: string };

/** Settings shared by issuer and verifier of caller tokens. */
export interface CallerTokenSettings {
  readonly issuer: string;
  readonly audience: string;
}

/** Deny-list of token ids (e.g. a leaked partner token); backed by Redis or a table in production. */
export interface RevocationList {
  isRevoked(tokenId: string): Promise<boolean> | boolean;
}

/** Revocation list held in memory (tests, single instances, `AUTH_REVOKED_JTI`). */
export class InMemoryRevocationList implements RevocationList {
  private readonly revoked: Set<string>;
  constructor(ids: Iterable<string> = []) {
    this.revoked = new Set(ids);
  }
  revoke(tokenId: string): void {
    this.revoked.add(tokenId);
  }
  isRevoked(tokenId: string): boolean {
    return this.revoked.has(tokenId);
  }
}

/** What a caller token says about its holder. */
export interface TokenClaims {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Requested scopes; omitted → the roles' defaults. */
  readonly scopes?: readonly string[];
  readonly outletId?: string | null;
  readonly name?: string;
}

/**
 * Mints caller access tokens. In production an identity provider does this; here it backs the
 * demo issuer, `tools/token` and tests, with the same claims a real issuer must produce.
 */
export class CallerTokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly settings: CallerTokenSettings,
  ) {}

  async mint(claims: TokenClaims, opts: { expiresIn?: string | number; tokenId?: string; notBefore?: string | number } = {}): Promise<string> {
    const payload: JWTPayload = { roles: [...claims.roles] };
    if (claims.scopes) payload.scope = claims.scopes.join(' ');
    if (claims.outletId) payload.outlet_id = claims.outletId;
    if (claims.name) payload.name = claims.name;
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: this.key.alg, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(claims.subject)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setJti(opts.tokenId ?? randomUUID())
      .setExpirationTime(opts.expiresIn ?? '8h');
    if (opts.notBefore !== undefined) jwt.setNotBefore(opts.notBefore);
    return jwt.sign(this.key.privateKey);
  }
}

/** Verifies caller tokens at the gateway and turns them into an {@link Identity}. */
export class CallerTokenVerifier {
  private readonly keys: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
  /** Tokens already verified, until their expiry (at most 5 minutes); revocation is still checked every time. */
  private readonly verified = new ExpiringCache<Identity>();

  constructor(
    source: KeySource,
    private readonly settings: CallerTokenSettings & { maxTokenAge?: string; revocations?: RevocationList },
  ) {
    this.keys = 'jwks' in source ? createLocalJWKSet(source.jwks) : createRemoteJWKSet(new URL(source.jwksUrl));
  }

  /** Verifies signature, algorithm, type, issuer, audience, expiry, age and required claims. */
  async verify(token: string | undefined | null): Promise<Identity> {
    if (!token) throw unauthenticated('TOKEN_MISSING', 'A bearer token is required');
    const cached = this.verified.get(token);
    if (cached) {
      if (await this.settings.revocations?.isRevoked(cached.tokenId)) throw unauthenticated('TOKEN_REVOKED', 'The token has been revoked');
      return cached;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: [...ACCEPTED_ALGS],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        typ: ACCESS_TOKEN_TYPE,
        maxTokenAge: this.settings.maxTokenAge ?? '24h',
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
        clockTolerance: 5,
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw unauthenticated('TOKEN_EXPIRED', 'The token has expired');
      throw unauthenticated('TOKEN_INVALID', 'The token is not valid');
    }
    const tokenId = String(payload.jti);
    if (await this.settings.revocations?.isRevoked(tokenId)) {
      throw unauthenticated('TOKEN_REVOKED', 'The token has been revoked');
    }
    const identity = identityFromClaims(payload, tokenId);
    this.verified.set(token, identity, Math.min(Number(payload.exp) * 1000, Date.now() + 5 * 60_000));
    return identity;
  }
}

/** Builds the identity from verified claims; roles and scopes outside the known sets are dropped. */
export function identityFromClaims(payload: JWTPayload, tokenId: string): Identity {
  const roles = parseRoles(payload.roles);
  if (roles.length === 0) throw unauthenticated('TOKEN_INVALID', 'The token carries no known role');
  const scope = typeof payload.scope === 'string' ? payload.scope : undefined;
  const outletId = typeof payload.outlet_id === 'string' && payload.outlet_id.length > 0 ? payload.outlet_id : null;
  return { subject: String(payload.sub), roles, scopes: effectiveScopes(roles, scope), outletId, tokenId };
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match ? match[1] : null;
}
