import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { PageArgs } from '@courierdesk/platform-subgraph';
import { mapPage } from '../common/page';
import type { TrackingContext } from '../tracking.loaders';
import type { WaybillFinderService } from '../waybill/waybill-finder.service';
import { WaybillConnection } from '../waybill/waybill.resolver';
import { toWaybill } from '../waybill/waybill.type';
import { OutletRef, TransitCentreRef } from './network-refs.type';

// Fields tracking contributes to the network's entities. Nullable: when tracking is down the
// gateway still answers the rest of the outlet. The caller's row rule applies as everywhere.

/** Tracking's fields on Outlet (网点). */
@Resolver(() => OutletRef)
export class OutletWaybillsResolver {
  constructor(private readonly finder: WaybillFinderService) {}

  @Authorized(Scope.TRACKING_READ)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Waybills this outlet delivers (到件/派件), newest first.' })
  async inboundWaybills(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await this.finder.page(ctx.identity, ctx.loaders, { ofOutlets: [], destinationOutletId: outlet.id }, 'CREATED', page), toWaybill);
  }

  @Authorized(Scope.TRACKING_READ)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Waybills this outlet collected (出件/揽收), newest first.' })
  async outboundWaybills(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await this.finder.page(ctx.identity, ctx.loaders, { ofOutlets: [], originOutletId: outlet.id }, 'CREATED', page), toWaybill);
  }
}

/** Tracking's fields on TransitCentre (分拨中心). */
@Resolver(() => TransitCentreRef)
export class TransitCentreWaybillsResolver {
  constructor(private readonly finder: WaybillFinderService) {}

  @Authorized(Scope.TRACKING_READ)
  @FieldResolver(() => WaybillConnection, { nullable: true, description: 'Parcels stalled here (分拨中心滞留) past the (peak-stretched) threshold, longest first.' })
  async stalledWaybills(@Root() centre: TransitCentreRef, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    return mapPage(await this.finder.queue(ctx.identity, ctx.loaders, centre.id, ['STALLED_AT_HUB'], page), toWaybill);
  }
}
