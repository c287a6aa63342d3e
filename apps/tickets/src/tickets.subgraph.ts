import type { DataSource } from 'typeorm';
import { startOwnedSubgraph, type GraphClient, type OwnedSubgraphOptions, type RunningService } from '@courierdesk/platform-subgraph';
import { startEscalationSweeps, type SweepTimer } from './escalation/escalation-sweeper';
import { GraphEscalationChains, type EscalationChains } from './graph/escalation-chains';
import { GraphWaybillDirectory, type WaybillDirectory } from './graph/waybill-facts';
import { GraphAnomalyFeed, type AnomalyFeed } from './proactive/anomaly-feed';
import { buildTicketsSchema } from './schema';
import type { DeskPolicies } from './sla/sla-desk';
import { TICKETS_DB_SCHEMA, TICKETS_ENTITIES, TICKETS_MIGRATIONS } from './tickets.entities';
import { createTicketsLoaders } from './tickets.loaders';
import { createTicketsServices, type TicketsServices } from './tickets.services';

/** The subgraph's name: the audience of the gateway tokens it accepts. */
export const TICKETS_SUBGRAPH = 'tickets';

/** How to run the tickets subgraph. */
export interface TicketsSubgraphOptions extends OwnedSubgraphOptions {
  now?: () => Date;
  /** The graph, called with the service's own identity (waybill facts, anomaly feed, escalation chains). */
  graph?: GraphClient;
  /** Waybill facts from elsewhere than the graph (subgraph tests); default: through `graph`. */
  waybills?: WaybillDirectory;
  /** Escalation chains from elsewhere than the graph (subgraph tests); default: through `graph`. */
  escalationChains?: EscalationChains;
  /** How often the breach sweep runs (超时自动升级), in ms; default 60 000, 0 off (tests run `services.escalationSweeper.sweep` themselves). */
  escalationSweepMs?: number;
  policies?: DeskPolicies;
  /** Anomaly events; default: tracking's feed through `graph`. */
  feed?: AnomalyFeed;
  /** How often proactive tickets are opened from the feed (default 2000 ms; 0 = never, tests call consume()). */
  proactiveMs?: number;
}

/** Default pace of the proactive consumer: the feed is read every two seconds. */
export const DEFAULT_PROACTIVE_MS = 2000;

/** Default pace of the breach sweep: once a minute. */
export const DEFAULT_ESCALATION_SWEEP_MS = 60_000;

/** A running tickets subgraph, its DataSource and services (closed by `stop()`). */
export type RunningTicketsSubgraph = RunningService & { dataSource: DataSource; services: TicketsServices };

/**
 * Connects to PostgreSQL, applies the `tickets` schema's migrations and serves the subgraph; then
 * runs the proactive consumer and the breach sweep. `stop()` drains HTTP, then both (a round under
 * way finishes), then closes the pool.
 */
export function startTicketsSubgraph(options: TicketsSubgraphOptions): Promise<RunningTicketsSubgraph> {
  const { logger } = options;
  const waybills = options.waybills ?? (options.graph ? new GraphWaybillDirectory(options.graph) : null);
  if (!waybills) throw new Error('the tickets subgraph needs the graph (or a waybill directory) to read waybills');
  const escalationChains = options.escalationChains ?? (options.graph ? new GraphEscalationChains(options.graph) : null);
  if (!escalationChains) throw new Error('the tickets subgraph needs the graph (or escalation chains) to know whom to escalate to');
  const sweepMs = options.escalationSweepMs ?? DEFAULT_ESCALATION_SWEEP_MS;
  return startOwnedSubgraph(
    {
      name: TICKETS_SUBGRAPH,
      dbSchema: TICKETS_DB_SCHEMA,
      entities: TICKETS_ENTITIES,
      migrations: TICKETS_MIGRATIONS,
      build: async (dataSource) => {
        const feed = options.feed ?? (options.graph ? new GraphAnomalyFeed(options.graph) : undefined);
        const services = createTicketsServices(dataSource, { now: options.now, waybills, escalationChains, policies: options.policies, feed });
        let sweeps: SweepTimer | null = null;
        return {
          schema: await buildTicketsSchema(services),
          createLoaders: (identity) => createTicketsLoaders(dataSource, services.clock, identity),
          exposed: { services },
          start: () => {
            services.proactive?.start(options.proactiveMs ?? DEFAULT_PROACTIVE_MS, logger.child({ component: 'proactive' }));
            if (sweepMs > 0) sweeps = startEscalationSweeps(services.escalationSweeper, sweepMs, logger.child({ component: 'escalation-sweep' }));
          },
          stop: async () => {
            await services.proactive?.stop();
            await sweeps?.stop();
          },
        };
      },
    },
    options,
  );
}
