import 'reflect-metadata';
import { cachedToken, GatewayGraphClient, runService, subgraphEnv } from '@courierdesk/platform-subgraph';
import { startTicketsSubgraph } from './tickets.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4003), HOST, INTERNAL_JWKS_FILE (the gateway's public
// keys), GATEWAY_URL and SERVICE_TOKEN (the service's own token for calling the graph; renewed by
// restarting with a new one — an identity provider's client-credentials grant in production).
runService('tickets', (logger) => {
  const token = process.env.SERVICE_TOKEN;
  const url = process.env.GATEWAY_URL;
  if (!token || !url) throw new Error('GATEWAY_URL and SERVICE_TOKEN are required: the desk reads waybills through the graph');
  return startTicketsSubgraph({
    ...subgraphEnv(4003),
    logger,
    graph: new GatewayGraphClient({ url: () => url, token: cachedToken(async () => token, 60_000) }),
  });
});
