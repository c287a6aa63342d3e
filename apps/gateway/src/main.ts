import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callerVerifierFromEnv, fromPrivateJwk } from '@courierdesk/platform-auth';
import { repoRoot } from '@courierdesk/platform-db';
import { runService } from '@courierdesk/platform-subgraph';
import { startGateway } from './gateway.server';

/**
 * Standalone gateway (one process per deployment unit). Environment:
 * PORT, HOST, SUPERGRAPH_FILE, SUBGRAPH_<NAME>_URL for each subgraph in the supergraph,
 * AUTH_ISSUER / AUTH_AUDIENCE / AUTH_JWKS_URL or AUTH_JWKS_FILE, INTERNAL_SIGNING_KEY_FILE.
 * `npm start` runs everything in one process instead (tools/stack).
 */
runService('gateway', async (logger) => {
  const env = process.env;
  const supergraphSdl = readFileSync(env.SUPERGRAPH_FILE ?? join(repoRoot(), 'supergraph.graphql'), 'utf8');
  const subgraphUrls = Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => /^SUBGRAPH_[A-Z0-9_]+_URL$/.test(k) && v)
      .map(([k, v]) => [k.slice('SUBGRAPH_'.length, -'_URL'.length).toLowerCase(), v as string]),
  );
  if (!env.INTERNAL_SIGNING_KEY_FILE) throw new Error('Set INTERNAL_SIGNING_KEY_FILE');
  const internalKey = await fromPrivateJwk(JSON.parse(readFileSync(env.INTERNAL_SIGNING_KEY_FILE, 'utf8')));
  return startGateway({
    supergraphSdl,
    subgraphUrls,
    callerVerifier: callerVerifierFromEnv(env),
    internalKey,
    logger,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
  });
});
