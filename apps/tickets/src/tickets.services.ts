import type { DataSource } from 'typeorm';
import { TicketCommentService } from './comment/comment.service';
import { TicketEvidenceService } from './evidence/evidence.service';
import type { WaybillDirectory } from './graph/waybill-facts';
import type { AnomalyFeed } from './proactive/anomaly-feed';
import { ProactiveTicketsService } from './proactive/proactive-tickets.service';
import { DEFAULT_DESK_POLICIES, SlaDesk, type DeskPolicies } from './sla/sla-desk';
import { OpenTicketService } from './ticket/open-ticket.service';
import { TicketFinderService } from './ticket/ticket-finder.service';
import { TicketWorkflowService } from './ticket/ticket-workflow.service';

/** Options of the tickets services. */
export interface TicketsServiceOptions {
  /** The clock; tests and replays fix it. Default: the system clock. */
  now?: () => Date;
  /** Where waybills' live facts come from: the graph (production), an in-memory directory in subgraph tests. */
  waybills: WaybillDirectory;
  policies?: DeskPolicies;
  /** Tracking's anomaly events (through the graph); absent: no proactive tickets. */
  feed?: AnomalyFeed;
}

/** The tickets services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createTicketsServices(ds: DataSource, options: TicketsServiceOptions) {
  const clock = options.now ?? (() => new Date());
  const sla = new SlaDesk(options.policies ?? DEFAULT_DESK_POLICIES);
  const opening = new OpenTicketService(ds, clock, options.waybills, sla);
  return {
    clock,
    sla,
    waybills: options.waybills,
    finder: new TicketFinderService(ds, clock),
    opening,
    proactive: options.feed ? new ProactiveTicketsService(ds, clock, options.feed, opening) : null,
    workflow: new TicketWorkflowService(ds, clock, sla),
    comments: new TicketCommentService(ds, clock, options.waybills, sla, new TicketWorkflowService(ds, clock, sla)),
    evidence: new TicketEvidenceService(ds, clock, new TicketWorkflowService(ds, clock, sla)),
  };
}

export type TicketsServices = ReturnType<typeof createTicketsServices>;
