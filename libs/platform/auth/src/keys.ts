import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID, type webcrypto } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';

type CryptoKey = webcrypto.CryptoKey;

/** Algorithms we sign and accept. Pinned: a token naming any other is refused. */
export const SIGNING_ALG = 'EdDSA';
export const ACCEPTED_ALGS = ['EdDSA', 'ES256'] as const;

/** A private signing key with its key id, and the public half as a key set for verifiers. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey | Uint8Array;
  readonly publicJwks: JSONWebKeySet;
}

/** Generates a fresh Ed25519 signing key (in memory). */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return fromPrivateJwk({ ...privateJwk, alg: SIGNING_ALG });
}

/** Imports a private JWK (with `d`); derives the public key set and a thumbprint kid if none. */
export async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  const alg = jwk.alg ?? SIGNING_ALG;
  const { d: _d, ...publicPart } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  const privateKey = (await importJWK({ ...jwk, kid, alg }, alg, { extractable: true })) as CryptoKey;
  return { kid, alg, privateKey, publicJwks: { keys: [{ ...publicPart, kid, alg, use: 'sig' }] } };
}

/** Serialises a key for storage (private JWK). */
export async function toPrivateJwk(key: SigningKey): Promise<JWK> {
  const jwk = await exportJWK(key.privateKey as CryptoKey);
  return { ...jwk, kid: key.kid, alg: key.alg };
}

/**
 * Loads a private JWK from `file`, creating one (mode 0600) the first time. Used for the local
 * demo issuer and the gateway's internal key; production mounts its keys the same way.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  if (existsSync(file)) return fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  const key = await generateSigningKey();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...(await toPrivateJwk(key)), kid: key.kid || randomUUID() }), { mode: 0o600 });
  return key;
}

/** Reads a public key set (JWKS JSON) from a file. */
export function readJwksFile(file: string): JSONWebKeySet {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet;
  if (!parsed || !Array.isArray(parsed.keys)) throw new TypeError(`${file} is not a JWKS`);
  return parsed;
}
