import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cachedToken, GatewayGraphClient, runService, subgraphEnv } from '@courierdesk/platform-subgraph';
import { startTicketsSubgraph } from './tickets.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4003), HOST, INTERNAL_JWKS_FILE (the gateway's public
// keys), GATEWAY_URL, and the service's own token for calling the graph (role `service`):
// SERVICE_TOKEN_FILE, re-read every minute so whatever renews it (an identity provider's
// client-credentials agent, a sidecar, `npm run token` on a timer) is picked up without a restart —
// or SERVICE_TOKEN, fixed, for a short run.
const RE_READ_MS = 60_000;

runService('tickets', (logger) => {
  const url = process.env.GATEWAY_URL;
  const file = process.env.SERVICE_TOKEN_FILE;
  const fixed = process.env.SERVICE_TOKEN;
  if (!url || (!file && !fixed)) throw new Error('GATEWAY_URL and SERVICE_TOKEN_FILE (or SERVICE_TOKEN) are required: the desk reads waybills through the graph');
  const token = file ? cachedToken(async () => readFileSync(file, 'utf8').trim(), RE_READ_MS) : cachedToken(async () => fixed as string, RE_READ_MS);
  return startTicketsSubgraph({ ...subgraphEnv(4003), logger, graph: new GatewayGraphClient({ url: () => url, token }) });
});
