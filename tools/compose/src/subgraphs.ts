import type { GraphQLSchema } from 'graphql';
import { buildClaimsSchema, CLAIMS_NOT_PERSONAL_DATA } from '@courierdesk/claims';
import { buildNetworkSchema, NETWORK_NOT_PERSONAL_DATA } from '@courierdesk/network';
import { buildTicketsSchema, TICKETS_NOT_PERSONAL_DATA } from '@courierdesk/tickets';
import { buildTrackingSchema, TRACKING_NOT_PERSONAL_DATA } from '@courierdesk/tracking';

/** A subgraph of the graph: its name, default local URL and schema builder (no server needed). */
export interface SubgraphEntry {
  readonly name: string;
  /** Default URL written into the supergraph; deployments override it per name at the gateway. */
  readonly url: string;
  readonly build: () => Promise<GraphQLSchema>;
  /** Person-like fields that carry no person's datum, with the reason (docs/personal-data.md). */
  readonly notPersonalData: Readonly<Record<string, string>>;
}

/** Every subgraph the gateway composes, with the local port `npm start` gives it. */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'network', url: 'http://127.0.0.1:4001/graphql', build: buildNetworkSchema, notPersonalData: NETWORK_NOT_PERSONAL_DATA },
  { name: 'tracking', url: 'http://127.0.0.1:4002/graphql', build: buildTrackingSchema, notPersonalData: TRACKING_NOT_PERSONAL_DATA },
  { name: 'tickets', url: 'http://127.0.0.1:4003/graphql', build: buildTicketsSchema, notPersonalData: TICKETS_NOT_PERSONAL_DATA },
  { name: 'claims', url: 'http://127.0.0.1:4004/graphql', build: buildClaimsSchema, notPersonalData: CLAIMS_NOT_PERSONAL_DATA },
];
