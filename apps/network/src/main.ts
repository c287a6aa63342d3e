import 'reflect-metadata';
import { runService, subgraphEnv } from '@courierdesk/platform-subgraph';
import { startNetworkSubgraph } from './network.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4001), HOST, INTERNAL_JWKS_FILE (the gateway's public keys).
runService('network', (logger) => startNetworkSubgraph({ ...subgraphEnv(4001), logger }));
