import { Args, Authorized, Ctx, Directive, Field, Float, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, listSize, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { callerOutlet, canSeeTicket } from '../common/access';
import { MAX_TICKETS_PER_WAYBILL } from '../common/list-bounds';
import { TicketConnection } from '../ticket/ticket.resolver';
import { Ticket, toTicket } from '../ticket/ticket.type';
import type { TicketsContext } from '../tickets.loaders';
import { SLA_STATS_WINDOW_DAYS } from './place-tickets.loaders';
import { OutletRef, TransitCentreRef, WaybillRef } from './refs.type';

// Fields tickets contributes to other subgraphs' entities. Nullable: when tickets is down the
// gateway still answers the rest. The caller's row rule applies as everywhere, and each level's
// rows come from one batched statement.

/** An outlet's desk figures (网点时效统计). */
@ObjectType({ description: `An outlet’s desk figures: open and breached tickets now, and the median first reply over ${SLA_STATS_WINDOW_DAYS} days.` })
export class SlaStats {
  @Field(() => Int, { description: 'Open tickets the outlet is party to.' })
  open: number;

  @Field(() => Int, { description: 'Open tickets with a missed or passed deadline.' })
  breached: number;

  @Field(() => Float, { nullable: true, description: `Median minutes from opening to the first reply, tickets opened in the last ${SLA_STATS_WINDOW_DAYS} days; null without replies.` })
  medianFirstReplyMinutes: number | null;

  @Field(() => Int, { description: 'How many replied tickets the median is taken over.' })
  repliedTickets: number;
}

/** Tickets' fields on Waybill (运单). */
@Resolver(() => WaybillRef)
export class WaybillTicketsResolver {
  @Authorized(Scope.TICKETS_READ)
  @Directive(listSize(MAX_TICKETS_PER_WAYBILL))
  @FieldResolver(() => [Ticket], { nullable: true, description: `The waybill’s tickets you may see, newest first (at most ${MAX_TICKETS_PER_WAYBILL}).` })
  async tickets(@Root() waybill: WaybillRef, @Ctx() ctx: TicketsContext): Promise<Ticket[]> {
    const rows = await ctx.loaders.ticketsOfWaybill.load(waybill.waybillNo);
    return rows.filter((row) => canSeeTicket(ctx.identity, row)).map(toTicket);
  }
}

/** Tickets' fields on Outlet (网点). */
@Resolver(() => OutletRef)
export class OutletTicketsResolver {
  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => TicketConnection, { nullable: true, description: 'Open tickets this outlet is party to, nearest deadline first.' })
  async openTickets(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: TicketsContext) {
    const key = { parentId: outlet.id, place: 'OUTLET' as const, restrictOutletId: callerOutlet(ctx.identity), first: page.first, after: page.after };
    return mapPage(await ctx.loaders.placeTickets.load(key), toTicket);
  }

  @Authorized(Scope.TICKETS_READ)
  @FieldResolver(() => SlaStats, { nullable: true, description: 'The outlet’s desk figures; an outlet-bound caller gets its own outlet’s only (null for others).' })
  async slaStats(@Root() outlet: OutletRef, @Ctx() ctx: TicketsContext): Promise<SlaStats | null> {
    const own = callerOutlet(ctx.identity);
    if (own !== null && own !== outlet.id) return null;
    const [row] = await ctx.loaders.slaStats.load(outlet.id);
    return Object.assign(new SlaStats(), row ?? { open: 0, breached: 0, medianFirstReplyMinutes: null, repliedTickets: 0 });
  }
}

/** Tickets' fields on TransitCentre (分拨中心). */
@Resolver(() => TransitCentreRef)
export class TransitCentreTicketsResolver {
  @Authorized(Scope.TICKETS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => TicketConnection, { nullable: true, description: 'Open tickets this transit centre must act on (proactive stalled-at-hub tickets among them), nearest deadline first.' })
  async openTickets(@Root() centre: TransitCentreRef, @Args() page: PageArgs, @Ctx() ctx: TicketsContext) {
    const key = { parentId: centre.id, place: 'TRANSIT_CENTRE' as const, restrictOutletId: callerOutlet(ctx.identity), first: page.first, after: page.after };
    return mapPage(await ctx.loaders.placeTickets.load(key), toTicket);
  }
}
