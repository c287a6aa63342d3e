import { Arg, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { listSize } from '@courierdesk/platform-subgraph';
import { MAX_ESCALATIONS } from '../common/list-bounds';
import type { TicketsContext } from '../tickets.loaders';
import { EscalateTicketInput } from '../ticket/ticket.input';
import { Ticket, toTicket } from '../ticket/ticket.type';
import type { EscalationService } from './escalation.service';
import { TicketEscalation, toTicketEscalation } from './escalation.type';

/** Escalation (升级): the mutation and a ticket's steps. Thin: arguments → service → type. */
@Resolver(() => Ticket)
export class EscalationResolver {
  constructor(private readonly escalation: EscalationService) {}

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, {
    description:
      'Escalates the ticket one level up its chain (升级), naming whom to call there; ESCALATED where the transitions allow. CONFLICT (ESCALATION_AT_TOP) at the top.',
  })
  async escalateTicket(@Arg('input', () => EscalateTicketInput) input: EscalateTicketInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.escalation.escalate(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_READ)
  @Directive(listSize(MAX_ESCALATIONS))
  @FieldResolver(() => [TicketEscalation], { description: `The ticket’s escalation steps, oldest first (the latest ${MAX_ESCALATIONS}).` })
  async escalations(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<TicketEscalation[]> {
    return (await ctx.loaders.escalationsOfTicket.load(ticket.id)).map((row) => toTicketEscalation(row, ticket));
  }
}
