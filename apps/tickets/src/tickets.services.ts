import type { DataSource } from 'typeorm';
import { TicketCommentService } from './comment/comment.service';
import { EscalationService } from './escalation/escalation.service';
import { EscalationSweeper } from './escalation/escalation-sweeper';
import { TicketEvidenceService } from './evidence/evidence.service';
import type { EscalationChains } from './graph/escalation-chains';
import type { WaybillDirectory } from './graph/waybill-facts';
import type { AnomalyFeed } from './proactive/anomaly-feed';
import { ProactiveTicketsService } from './proactive/proactive-tickets.service';
import { ProblemParcelService } from './problem-parcel/problem-parcel.service';
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
  /** Whom to call when a ticket goes up (the network's chains): the graph in production, in memory in subgraph tests. */
  escalationChains: EscalationChains;
}

/** The tickets services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createTicketsServices(ds: DataSource, options: TicketsServiceOptions) {
  const clock = options.now ?? (() => new Date());
  const sla = new SlaDesk(options.policies ?? DEFAULT_DESK_POLICIES);
  const workflow = new TicketWorkflowService(ds, clock, sla);
  const escalation = new EscalationService(ds, options.escalationChains, workflow);
  const opening = new OpenTicketService(ds, clock, options.waybills, sla, (manager, row, actor) => escalation.recordOpening(manager, row, actor));
  return {
    clock,
    sla,
    waybills: options.waybills,
    finder: new TicketFinderService(ds, clock),
    opening,
    proactive: options.feed ? new ProactiveTicketsService(ds, clock, options.feed, opening) : null,
    workflow,
    comments: new TicketCommentService(ds, clock, options.waybills, sla, workflow),
    evidence: new TicketEvidenceService(ds, clock, workflow),
    escalation,
    escalationSweeper: new EscalationSweeper(ds, clock, options.escalationChains, sla),
    problemParcels: new ProblemParcelService(workflow, sla.policies.problemParcel),
  };
}

export type TicketsServices = ReturnType<typeof createTicketsServices>;
