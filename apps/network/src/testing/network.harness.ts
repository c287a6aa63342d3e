import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import { NETWORK_SUBGRAPH, startNetworkSubgraph, type RunningNetworkSubgraph } from '../network.subgraph';

export { firstError, type GraphQLResponse };

/** A network subgraph on a database of its own, with a client that signs as the gateway would. */
export type NetworkHarness = SubgraphHarness<RunningNetworkSubgraph>;

/** Starts the subgraph for one test file (call in beforeAll, `stop` in afterAll). */
export const startNetworkHarness = (): Promise<NetworkHarness> => startSubgraphHarness(NETWORK_SUBGRAPH, startNetworkSubgraph);
