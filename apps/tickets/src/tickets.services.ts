import type { DataSource } from 'typeorm';
import { EscalationService } from './escalation/escalation.service';
import { EscalationSweeper } from './escalation/escalation-sweeper';
import type { EscalationChains } from './graph/escalation-chains';
import type { WaybillDirectory } from './graph/waybill-facts';
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
  /** Whom to call when a ticket goes up (the network's chains): the graph in production, in memory in subgraph tests. */
  escalationChains: EscalationChains;
}

/** The tickets services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createTicketsServices(ds: DataSource, options: TicketsServiceOptions) {
  const clock = options.now ?? (() => new Date());
  const sla = new SlaDesk(options.policies ?? DEFAULT_DESK_POLICIES);
  const workflow = new TicketWorkflowService(ds, clock, sla);
  const escalation = new EscalationService(ds, options.escalationChains, workflow);
  return {
    clock,
    sla,
    waybills: options.waybills,
    finder: new TicketFinderService(ds, clock),
    opening: new OpenTicketService(ds, clock, options.waybills, sla, (manager, row, actor) => escalation.recordOpening(manager, row, actor)),
    workflow,
    escalation,
    escalationSweeper: new EscalationSweeper(ds, clock, options.escalationChains, sla),
    problemParcels: new ProblemParcelService(workflow, sla.policies.problemParcel),
  };
}

export type TicketsServices = ReturnType<typeof createTicketsServices>;
