import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOrCreateSigningKey } from '@courierdesk/platform-auth';

/**
 * The files of a key set, by who reads them. The private files have the names `npm start` uses
 * under `.data/keys`, so the default key set is the one `npm start` signs with.
 */
export const KEY_FILES = {
  /** The gateway signs each subgraph call's context token with it: gateway `INTERNAL_SIGNING_KEY_FILE`. */
  internalPrivate: 'gateway-internal.private.jwk.json',
  /** Its public half, which subgraphs verify those tokens with: network and tracking `INTERNAL_JWKS_FILE`. */
  internalJwks: 'gateway-internal.jwks.json',
  /** A caller-token issuer standing in for an identity provider: `npm run token -- --keys <dir>`. */
  issuerPrivate: 'demo-issuer.private.jwk.json',
  /** Its public half: gateway `AUTH_JWKS_FILE` (a deployment with an identity provider sets AUTH_JWKS_URL instead). */
  issuerJwks: 'demo-issuer.jwks.json',
} as const;

/** What {@link writeKeySet} wrote: file paths, and whether each private key is new. */
export interface KeySet {
  readonly dir: string;
  readonly files: { readonly [K in keyof typeof KEY_FILES]?: string };
  readonly created: readonly string[];
}

/**
 * Writes the keys services need when they run as separate processes into `dir`: the gateway's
 * internal signing key and its public key set for the subgraphs, and (unless `withIssuer` is
 * false, for a deployment whose identity provider issues caller tokens) a caller-token issuer
 * and its public key set for the gateway. A private key already there is kept — running it again
 * only rewrites the public sets — so replacing a key means deleting its file first.
 */
export async function writeKeySet(dir: string, { withIssuer = true } = {}): Promise<KeySet> {
  await mkdir(dir, { recursive: true });
  const created: string[] = [];
  const files: Record<string, string> = {};
  const pair = async (privateName: keyof typeof KEY_FILES, jwksName: keyof typeof KEY_FILES) => {
    const privateFile = join(dir, KEY_FILES[privateName]);
    if (!existsSync(privateFile)) created.push(privateFile);
    const key = await loadOrCreateSigningKey(privateFile);
    const jwksFile = join(dir, KEY_FILES[jwksName]);
    await writeFile(jwksFile, `${JSON.stringify(key.publicJwks, null, 2)}\n`);
    await chmod(jwksFile, 0o644);
    files[privateName] = privateFile;
    files[jwksName] = jwksFile;
  };
  await pair('internalPrivate', 'internalJwks');
  if (withIssuer) await pair('issuerPrivate', 'issuerJwks');
  return { dir, files, created };
}
