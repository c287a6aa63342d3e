import 'reflect-metadata';
import { runService, subgraphEnv } from '@courierdesk/platform-subgraph';
import { startTrackingSubgraph } from './tracking.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4002), HOST, INTERNAL_JWKS_FILE (the gateway's public keys).
runService('tracking', (logger) => startTrackingSubgraph({ ...subgraphEnv(4002), logger }));
