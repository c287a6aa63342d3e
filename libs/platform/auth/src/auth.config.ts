import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { CallerTokenVerifier, InMemoryRevocationList, type CallerTokenSettings, type KeySource } from './caller-token';
import { loadOrCreateSigningKey, readJwksFile, type SigningKey } from './keys';

/** Defaults of the local demo issuer; a deployment points AUTH_* at its identity provider. */
export const DEMO_ISSUER = 'https://auth.courierdesk.local/';
export const DEFAULT_AUDIENCE = 'courierdesk-graph';

type Env = Readonly<Record<string, string | undefined>>;

/** Issuer and audience from `AUTH_ISSUER` / `AUTH_AUDIENCE`. */
export function callerTokenSettings(env: Env = process.env): CallerTokenSettings {
  return { issuer: env.AUTH_ISSUER ?? DEMO_ISSUER, audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE };
}

/** Where the caller-token keys are: `AUTH_JWKS_URL` (an IdP), `AUTH_JWKS_FILE`, or the demo issuer's public set. */
export function callerKeySource(env: Env, demoIssuer?: SigningKey): KeySource {
  if (env.AUTH_JWKS_URL) return { jwksUrl: env.AUTH_JWKS_URL };
  if (env.AUTH_JWKS_FILE) return { jwks: readJwksFile(env.AUTH_JWKS_FILE) };
  if (demoIssuer) return { jwks: demoIssuer.publicJwks };
  throw new Error('Set AUTH_JWKS_URL or AUTH_JWKS_FILE to verify caller tokens');
}

/** The gateway's caller-token verifier, with the `AUTH_REVOKED_JTI` deny-list (comma-separated). */
export function callerVerifierFromEnv(env: Env = process.env, demoIssuer?: SigningKey): CallerTokenVerifier {
  const revoked = (env.AUTH_REVOKED_JTI ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return new CallerTokenVerifier(callerKeySource(env, demoIssuer), { ...callerTokenSettings(env), revocations: new InMemoryRevocationList(revoked) });
}

/** Key files of a local installation, under `<dataDir>/keys`. */
export function localKeyFiles(dataDir: string): { issuer: string; internal: string } {
  return { issuer: join(dataDir, 'keys', 'demo-issuer.private.jwk.json'), internal: join(dataDir, 'keys', 'gateway-internal.private.jwk.json') };
}

/** The local demo issuer key and the gateway's internal key (created on first use). */
export async function loadLocalKeys(dataDir: string): Promise<{ issuer: SigningKey; internal: SigningKey }> {
  const files = localKeyFiles(dataDir);
  const [issuer, internal] = await Promise.all([loadOrCreateSigningKey(files.issuer), loadOrCreateSigningKey(files.internal)]);
  return { issuer, internal };
}

/** The public keys subgraphs trust for the gateway's context tokens: `INTERNAL_JWKS_FILE`. */
export function internalJwksFromEnv(env: Env = process.env): JSONWebKeySet {
  if (!env.INTERNAL_JWKS_FILE) throw new Error('Set INTERNAL_JWKS_FILE to the gateway’s public key set');
  return readJwksFile(env.INTERNAL_JWKS_FILE);
}
