import { Arg, Args, Authorized, Ctx, Directive, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { TicketKind, TicketStatus } from '@courierdesk/domain-ticket';
import { OpenOutcome } from '../common/enums';
import type { TicketsContext } from '../tickets.loaders';
import type { OpenTicketService } from './open-ticket.service';
import { referenceArg } from '@courierdesk/platform-subgraph';
import type { TicketFinderService } from './ticket-finder.service';
import type { TicketWorkflowService } from './ticket-workflow.service';
import {
  AssignTicketInput,
  ChangeTicketStatusInput,
  MergeTicketsInput,
  OpenTicketInput,
  ReopenTicketInput,
  ResolveTicketInput,
  SetTicketPriorityInput,
} from './ticket.input';
import { OpenTicketPayload, Ticket, toTicket } from './ticket.type';
import { Field as _Field, ObjectType } from 'type-graphql';

/** The queue's page of tickets. */
export const TicketConnection = connectionType(Ticket, 'Ticket');

/** Filters of the agent's queue; each is an indexed column. */
@InputType({ description: 'Filters of the queue (工单队列); absent filters do not filter, except status: the open statuses by default.' })
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true, description: 'Default: every open status (all but RESOLVED and CLOSED).' })
  status?: string[] | null;

  @Field(() => [TicketKind], { nullable: true })
  kind?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Tickets this outlet is party to (responsible, or the other outlet of a problem parcel).' })
  outletId?: string | null;

  @Field(() => ID, { nullable: true })
  transitCentreId?: string | null;

  @Field(() => String, { nullable: true, description: 'Assigned to this agent (subject).' })
  assignee?: string | null;

  @Field({ nullable: true, description: 'Only tickets assigned to you.' })
  mine?: boolean;

  @Field({ nullable: true, description: 'true: a deadline was missed or has passed; false: none has.' })
  breached?: boolean;

  @Field(() => Date, { nullable: true })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  openedTo?: Date | null;

  @Field(() => String, { nullable: true })
  waybillNo?: string | null;
}

/** Both tickets of a merge, after it. */
@ObjectType({ description: 'The source (closed as MERGED) and the target that carries on.' })
export class MergeTicketsPayload {
  @_Field(() => Ticket)
  source: Ticket;

  @_Field(() => Ticket)
  target: Ticket;
}

/** Tickets: the desk's queries and the changes of a ticket's life. Thin: arguments → service → type. */
@Resolver(() => Ticket)
export class TicketResolver {
  constructor(
    private readonly finder: TicketFinderService,
    private readonly opening: OpenTicketService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  @Authorized(Scope.TICKETS_READ)
  @Query(() => Ticket, { description: 'A ticket by id or number (give one); NOT_FOUND (TICKET_NOT_FOUND) if none, or not yours.' })
  async ticket(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('number', () => String, { nullable: true }) number: string | null,
    @Ctx() ctx: TicketsContext,
  ): Promise<Ticket> {
    return toTicket(await this.finder.one(ctx.identity, ctx.loaders, id, number));
  }

  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => TicketConnection, { description: 'The queue (工单队列): tickets by nearest deadline first, filtered; your outlet’s only when outlet-bound.' })
  async tickets(@Arg('filter', () => TicketFilter, { nullable: true }) filter: TicketFilter | null, @Args() page: PageArgs, @Ctx() ctx: TicketsContext) {
    const f = filter ?? {};
    const result = await this.finder.page(
      ctx.identity,
      ctx.loaders,
      {
        statuses: f.status?.length ? f.status : null,
        kinds: f.kind?.length ? f.kind : null,
        outletId: referenceArg(f.outletId, 'outletId'),
        transitCentreId: referenceArg(f.transitCentreId, 'transitCentreId'),
        assignee: f.mine ? ctx.identity.subject : (f.assignee ?? null),
        breached: f.breached ?? null,
        openedFrom: f.openedFrom ?? null,
        openedTo: f.openedTo ?? null,
        waybillNo: f.waybillNo?.trim().toUpperCase() || null,
      },
      page,
    );
    return mapPage(result, toTicket);
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => OpenTicketPayload, { description: 'Opens a ticket (开工单); a repeat urge on a waybill with an open urge is counted on it (催件合并).' })
  async openTicket(@Arg('input', () => OpenTicketInput) input: OpenTicketInput, @Ctx() ctx: TicketsContext): Promise<OpenTicketPayload> {
    const { row, repeat } = await this.opening.open(ctx.identity, input);
    return Object.assign(new OpenTicketPayload(), { ticket: toTicket(row), outcome: repeat ? OpenOutcome.COUNTED_AS_REPEAT_URGE : OpenOutcome.OPENED });
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Moves a ticket to another status by the allowed transitions (TRANSITION_NOT_ALLOWED otherwise); RESOLVED goes through resolveTicket.' })
  async changeTicketStatus(@Arg('input', () => ChangeTicketStatusInput) input: ChangeTicketStatusInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.workflow.changeStatus(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Assigns the ticket to an agent (null unassigns).' })
  async assignTicket(@Arg('input', () => AssignTicketInput) input: AssignTicketInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.workflow.assign(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Changes the priority; the SLA targets follow.' })
  async setTicketPriority(@Arg('input', () => SetTicketPriorityInput) input: SetTicketPriorityInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.workflow.setPriority(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Resolves the ticket with a resolution code (办结).' })
  async resolveTicket(@Arg('input', () => ResolveTicketInput) input: ResolveTicketInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.workflow.resolve(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => Ticket, { description: 'Reopens a resolved ticket within the reopen window (重开).' })
  async reopenTicket(@Arg('input', () => ReopenTicketInput) input: ReopenTicketInput, @Ctx() ctx: TicketsContext): Promise<Ticket> {
    return toTicket(await this.workflow.reopen(ctx.identity, input));
  }

  @Authorized(Scope.TICKETS_WRITE)
  @Mutation(() => MergeTicketsPayload, { description: 'Merges the source ticket into the target (合并): both histories kept, the source closed as MERGED.' })
  async mergeTickets(@Arg('input', () => MergeTicketsInput) input: MergeTicketsInput, @Ctx() ctx: TicketsContext): Promise<MergeTicketsPayload> {
    const { source, target } = await this.workflow.merge(ctx.identity, input);
    return Object.assign(new MergeTicketsPayload(), { source: toTicket(source), target: toTicket(target) });
  }
}
