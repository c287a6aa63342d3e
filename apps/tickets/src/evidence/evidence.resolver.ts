import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, mapPage, PageArgs, type Page } from '@courierdesk/platform-subgraph';
import { Ticket, toTicket } from '../ticket/ticket.type';
import type { TicketsContext } from '../tickets.loaders';
import { AttachEvidenceInput } from './evidence.input';
import type { TicketEvidenceService } from './evidence.service';
import { AttachEvidencePayload, EvidenceDecision, TicketEvidence, TicketEvidenceConnection, toEvidence, toEvidenceDecision } from './evidence.type';

/** Evidence (证据) of tickets and the decision on it. Thin: arguments → service → type. */
@Resolver(() => Ticket)
export class TicketEvidenceResolver {
  constructor(private readonly evidenceService: TicketEvidenceService) {}

  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => TicketEvidenceConnection, { description: 'The evidence recorded for the ticket, oldest first.' })
  async evidence(@Root() ticket: Ticket, @Args() page: PageArgs, @Ctx() ctx: TicketsContext): Promise<Page<TicketEvidence>> {
    return mapPage(await ctx.loaders.ticketEvidence.load({ parentId: ticket.id, first: page.first, after: page.after }), (row) => toEvidence(row, ticket));
  }

  @Authorized(Scope.TICKETS_READ)
  @FieldResolver(() => EvidenceDecision, {
    nullable: true,
    description: 'Disputes with an evidence rule (e.g. a not-delivered-upstairs complaint): how the case stands on the evidence delivered in time; null for tickets without one.',
  })
  async evidenceDecision(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<EvidenceDecision | null> {
    if (!this.evidenceService.deadline(ticket.row)) return null;
    const result = this.evidenceService.decision(ticket.row, await ctx.loaders.evidenceItems.load(ticket.id));
    return result && toEvidenceDecision(result.decision, result.deadline.accepted);
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => AttachEvidencePayload, {
    description: 'Records evidence (举证) for a ticket: metadata and the storage reference of a file already uploaded. Refused after the case’s evidence deadline (EVIDENCE_AFTER_DEADLINE).',
  })
  async attachEvidence(@Arg('input', () => AttachEvidenceInput) input: AttachEvidenceInput, @Ctx() ctx: TicketsContext): Promise<AttachEvidencePayload> {
    const { evidence, ticket } = await this.evidenceService.attach(ctx.identity, input);
    return Object.assign(new AttachEvidencePayload(), { evidence: toEvidence(evidence, ticket), ticket: toTicket(ticket) });
  }
}
