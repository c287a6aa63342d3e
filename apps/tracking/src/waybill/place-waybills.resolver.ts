import { Args, Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import type { TrackingContext } from '../tracking.loaders';
import { WaybillConnection } from '../waybill/waybill.resolver';
import { toWaybill } from '../waybill/waybill.type';
import { OutletRef, TransitCentreRef } from '../network-refs/network-refs.type';

// Fields tracking contributes to the network's entities. Nullable: when tracking is down the
// gateway still answers the rest of the outlet. The caller's row rule applies as everywhere, and
// the pages of every reference in a response come from one batched statement (placePages).

/** Tracking's fields on Outlet (网点). */
@Resolver(() => OutletRef)
export class OutletWaybillsResolver {
  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Waybills this outlet delivers (到件/派件), newest first.' })
  async inboundWaybills(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await ctx.loaders.placePages.load({ role: 'destination', placeId: outlet.id, order: 'CREATED', ...page, codes: null }), toWaybill);
  }

  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Waybills this outlet collected (出件/揽收), newest first.' })
  async outboundWaybills(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await ctx.loaders.placePages.load({ role: 'origin', placeId: outlet.id, order: 'CREATED', ...page, codes: null }), toWaybill);
  }
}

/** Tracking's fields on TransitCentre (分拨中心). */
@Resolver(() => TransitCentreRef)
export class TransitCentreWaybillsResolver {
  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Parcels stalled here (分拨中心滞留) past the (peak-stretched) threshold, longest first.' })
  async stalledWaybills(@Root() centre: TransitCentreRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await ctx.loaders.placePages.load({ role: 'watched', placeId: centre.id, order: 'WATCH', ...page, codes: ['STALLED_AT_HUB'] }), toWaybill);
  }
}
