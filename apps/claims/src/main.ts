import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cachedToken, GatewayGraphClient, runService, subgraphEnv } from '@courierdesk/platform-subgraph';
import { startClaimsSubgraph } from './claims.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4004), HOST, INTERNAL_JWKS_FILE (the gateway's public
// keys), GATEWAY_URL, and the service's own token for calling the graph (role `service`, scopes
// tracking:read tickets:read network:read): SERVICE_TOKEN_FILE, re-read every minute, or SERVICE_TOKEN, fixed.
const RE_READ_MS = 60_000;

runService('claims', (logger) => {
  const url = process.env.GATEWAY_URL;
  const file = process.env.SERVICE_TOKEN_FILE;
  const fixed = process.env.SERVICE_TOKEN;
  if (!url || (!file && !fixed)) throw new Error('GATEWAY_URL and SERVICE_TOKEN_FILE (or SERVICE_TOKEN) are required: claims are decided on the graph’s facts');
  const token = file ? cachedToken(async () => readFileSync(file, 'utf8').trim(), RE_READ_MS) : cachedToken(async () => fixed as string, RE_READ_MS);
  return startClaimsSubgraph({ ...subgraphEnv(4004), logger, graph: new GatewayGraphClient({ url: () => url, token }) });
});
