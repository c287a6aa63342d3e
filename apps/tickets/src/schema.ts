import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@courierdesk/platform-subgraph';
import './common/enums';
import { TicketCommentResolver } from './comment/comment.resolver';
import { TicketEvidenceResolver } from './evidence/evidence.resolver';
import { EscalationResolver } from './escalation/escalation.resolver';
import { ProblemParcelResolver } from './problem-parcel/problem-parcel.resolver';
import { OutletTicketsResolver, TransitCentreTicketsResolver, WaybillTicketsResolver } from './refs/contributed.resolver';
import { outletReference, transitCentreReference, waybillReference } from './refs/refs.reference';
import { OutletRef, TransitCentreRef, WaybillRef } from './refs/refs.type';
import { TicketFieldsResolver } from './ticket/ticket-fields.resolver';
import { TicketHistoryResolver } from './ticket/ticket-history';
import { ticketReference } from './ticket/ticket.reference';
import { TicketResolver } from './ticket/ticket.resolver';
import { Ticket } from './ticket/ticket.type';
import type { TicketsServices } from './tickets.services';

/** Stand-in services for a schema built only to print its SDL (tools/compose): resolving fails loudly. */
const noServices = new Proxy({} as TicketsServices, {
  get: () => {
    throw new Error('buildTicketsSchema() was called without services: this schema prints its SDL but cannot resolve');
  },
});

/**
 * The tickets subgraph's federated schema. Resolvers get their services by constructor from this
 * small container, so no module-level state is shared between schemas. Works without a database.
 */
export async function buildTicketsSchema(services: TicketsServices = noServices): Promise<GraphQLSchema> {
  let instances: Map<unknown, unknown> | undefined;
  const resolverInstances = (): Map<unknown, unknown> =>
    (instances ??= new Map<unknown, unknown>([
      [TicketResolver, new TicketResolver(services.finder, services.opening, services.workflow)],
      [TicketFieldsResolver, new TicketFieldsResolver(services.sla, services.clock)],
      [TicketHistoryResolver, new TicketHistoryResolver()],
      [WaybillTicketsResolver, new WaybillTicketsResolver()],
      [OutletTicketsResolver, new OutletTicketsResolver()],
      [TransitCentreTicketsResolver, new TransitCentreTicketsResolver()],
      [TicketCommentResolver, new TicketCommentResolver(services.comments)],
      [TicketEvidenceResolver, new TicketEvidenceResolver(services.evidence)],
      [EscalationResolver, new EscalationResolver(services.escalation)],
      [ProblemParcelResolver, new ProblemParcelResolver(services.problemParcels, services.clock)],
    ]));
  const resolvers = [
    TicketResolver,
    TicketFieldsResolver,
    TicketHistoryResolver,
    WaybillTicketsResolver,
    OutletTicketsResolver,
    TransitCentreTicketsResolver,
    TicketCommentResolver,
    TicketEvidenceResolver,
    EscalationResolver,
    ProblemParcelResolver,
  ] as const;
  return buildFederatedSchema(
    {
      resolvers,
      orphanedTypes: [Ticket, WaybillRef, OutletRef, TransitCentreRef],
      container: { get: (resolverClass: unknown) => resolverInstances().get(resolverClass) },
    },
    {
      Ticket: ticketReference,
      Waybill: waybillReference,
      Outlet: outletReference,
      TransitCentre: transitCentreReference,
    },
  );
}
