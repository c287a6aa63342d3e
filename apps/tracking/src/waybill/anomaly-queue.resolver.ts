import { Arg, Args, Authorized, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import type { AnomalyCode as AnomalyCodeValue } from '@courierdesk/domain-parcel';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { AnomalyCode } from '../common/enums';
import { trackingError } from '../common/tracking.errors';
import type { TrackingContext } from '../tracking.loaders';
import type { WaybillFinderService } from '../waybill/waybill-finder.service';
import { referenceId } from '../waybill/waybill.filter';
import { WaybillConnection } from '../waybill/waybill.resolver';
import { toWaybill, Waybill } from '../waybill/waybill.type';

/** The customer-service work queue (异常件工作台): waybills in trouble at one outlet or transit centre. */
@Resolver(() => Waybill)
export class AnomalyQueueResolver {
  constructor(private readonly finder: WaybillFinderService) {}

  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => WaybillConnection, {
    description:
      'Waybills with an anomaly located at this outlet or transit centre (give exactly one), longest-watched first; ' +
      'codes narrows the kinds (all when absent). Outlet-bound callers see their outlet’s waybills only.',
  })
  async anomalousWaybills(
    @Arg('outletId', () => ID, { nullable: true }) outletId: string | null,
    @Arg('transitCentreId', () => ID, { nullable: true }) transitCentreId: string | null,
    @Arg('codes', () => [AnomalyCode], { nullable: true }) codes: AnomalyCodeValue[] | null,
    @Args() page: PageArgs,
    @Ctx() ctx: TrackingContext,
  ) {
    if (Boolean(outletId) === Boolean(transitCentreId)) throw trackingError('QUEUE_PLACE_REQUIRED', 'Give either outletId or transitCentreId');
    const place = outletId ? referenceId(outletId, 'outletId') : referenceId(transitCentreId as string, 'transitCentreId');
    return mapPage(await this.finder.queue(ctx.identity, ctx.loaders, place, codes ?? [], page), toWaybill);
  }
}
