import type { GraphQLSchema } from 'graphql';
import { buildNetworkSchema } from '@courierdesk/network';
import { buildTrackingSchema } from '@courierdesk/tracking';

/** A subgraph of the graph: its name, default local URL and schema builder (no server needed). */
export interface SubgraphEntry {
  readonly name: string;
  /** Default URL written into the supergraph; deployments override it per name at the gateway. */
  readonly url: string;
  readonly build: () => Promise<GraphQLSchema>;
}

/** Every subgraph the gateway composes, with the local port `npm start` gives it. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'network', url: 'http://127.0.0.1:4001/graphql', build: buildNetworkSchema },
  { name: 'tracking', url: 'http://127.0.0.1:4002/graphql', build: buildTrackingSchema },
];
