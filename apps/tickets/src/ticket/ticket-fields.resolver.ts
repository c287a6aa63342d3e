import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { canSeeTicket } from '../common/access';
import { MAX_CLOCKS } from '../common/list-bounds';
import { outletRef, transitCentreRef, waybillRef, OutletRef, TransitCentreRef, WaybillRef } from '../refs/refs.type';
import type { SlaDesk } from '../sla/sla-desk';
import { TicketSla, toSlaClock } from '../sla/sla.type';
import type { TicketsContext } from '../tickets.loaders';
import { Ticket, toTicket } from './ticket.type';

/** A ticket's references and computed fields. */
@Resolver(() => Ticket)
export class TicketFieldsResolver {
  constructor(
    private readonly desk: SlaDesk,
    private readonly clock: () => Date,
  ) {}

  @FieldResolver(() => WaybillRef, { nullable: true, description: 'The waybill (from tracking).' })
  waybill(@Root() ticket: Ticket): WaybillRef | null {
    return waybillRef(ticket.waybillNo);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'The outlet that must act (责任网点); for a problem parcel, the registering outlet.' })
  responsibleOutlet(@Root() ticket: Ticket): OutletRef | null {
    return outletRef(ticket.responsibleOutletId);
  }

  @FieldResolver(() => TransitCentreRef, { nullable: true, description: 'The transit centre that must act (a parcel stalled at a hub).' })
  responsibleTransitCentre(@Root() ticket: Ticket): TransitCentreRef | null {
    return transitCentreRef(ticket.responsibleTransitCentreId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'Problem parcels: the other outlet, notified and answering.' })
  counterpartOutlet(@Root() ticket: Ticket): OutletRef | null {
    return outletRef(ticket.counterpartOutletId);
  }

  @Authorized(Scope.TICKETS_READ)
  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket this one was merged into (its case continues there).' })
  async mergedInto(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<Ticket | null> {
    if (!ticket.mergedIntoId) return null;
    const row = await ctx.loaders.ticket.load(ticket.mergedIntoId);
    return row && canSeeTicket(ctx.identity, row) ? toTicket(row) : null;
  }

  @Authorized(Scope.TICKETS_READ)
  @FieldResolver(() => TicketSla, { description: 'Deadlines, time left and each clock’s state (active, paused, met, breached), by the SLA policy version in force at opening.' })
  async sla(@Root() ticket: Ticket, @Ctx() ctx: TicketsContext): Promise<TicketSla> {
    const now = this.clock();
    const [events, hours] = await Promise.all([
      ctx.loaders.clockEvents.load(ticket.id),
      ticket.responsibleOutletId ? ctx.loaders.workingHours.load(ticket.responsibleOutletId) : Promise.resolve(null),
    ]);
    const clocks = this.desk.clocks(ticket.row, events, now, hours);
    const columns = this.desk.columns(ticket.row, clocks, ticket.row.problemAnswerDueAt);
    // The latest clocks first when cutting (older met next-reply cycles go), shown in start order.
    const shown = clocks.length > MAX_CLOCKS ? clocks.slice(clocks.length - MAX_CLOCKS) : clocks;
    return Object.assign(new TicketSla(), {
      policyVersion: columns.policyVersion,
      dueAt: columns.dueAt,
      breached: columns.breachedAt !== null || (columns.dueAt !== null && columns.dueAt < now),
      breachedAt: columns.breachedAt,
      clocks: shown.map(toSlaClock),
    });
  }
}
