import type { DataSource } from 'typeorm';
import type { LiabilityPolicies } from '@courierdesk/domain-liability';
import { startOwnedSubgraph, type GraphClient, type OwnedSubgraphOptions, type RunningService } from '@courierdesk/platform-subgraph';
import { GraphTicketDirectory, type TicketDirectory } from './graph/ticket-facts';
import { GraphWaybillDirectory, type WaybillDirectory } from './graph/waybill-facts';
import { buildClaimsSchema } from './schema';
import { CLAIMS_DB_SCHEMA, CLAIMS_ENTITIES, CLAIMS_MIGRATIONS } from './claims.entities';
import { createClaimsLoaders } from './claims.loaders';
import { createClaimsServices, type ClaimsServices } from './claims.services';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const CLAIMS_SUBGRAPH = 'claims';

/** How to run the claims subgraph. */
export interface ClaimsSubgraphOptions extends OwnedSubgraphOptions {
  now?: () => Date;
  /** The graph, called with the service's own identity (waybill and ticket facts). */
  graph?: GraphClient;
  /** Waybill facts from elsewhere than the graph (subgraph tests); default: through `graph`. */
  waybills?: WaybillDirectory;
  /** Ticket facts from elsewhere than the graph (subgraph tests); default: through `graph`. */
  tickets?: TicketDirectory;
  /** The liability policy versions (default: the library's). */
  policies?: () => LiabilityPolicies | undefined;
}

/** A running claims subgraph, its DataSource and services (closed by `stop()`). */
export type RunningClaimsSubgraph = RunningService & { dataSource: DataSource; services: ClaimsServices };

/** Connects to PostgreSQL, applies the `claims` schema's migrations (claims, then the ledger) and serves the subgraph. */
export function startClaimsSubgraph(options: ClaimsSubgraphOptions): Promise<RunningClaimsSubgraph> {
  const waybills = options.waybills ?? (options.graph ? new GraphWaybillDirectory(options.graph) : null);
  const tickets = options.tickets ?? (options.graph ? new GraphTicketDirectory(options.graph) : null);
  if (!waybills || !tickets) throw new Error('the claims subgraph needs the graph (or waybill and ticket directories) to read the facts it decides on');
  return startOwnedSubgraph(
    {
      name: CLAIMS_SUBGRAPH,
      dbSchema: CLAIMS_DB_SCHEMA,
      entities: CLAIMS_ENTITIES,
      migrations: CLAIMS_MIGRATIONS,
      build: async (dataSource) => {
        const services = createClaimsServices(dataSource, { now: options.now, waybills, tickets, policies: options.policies });
        return {
          schema: await buildClaimsSchema(services),
          createLoaders: () => createClaimsLoaders(dataSource, services.ledger),
          exposed: { services },
        };
      },
    },
    options,
  );
}
