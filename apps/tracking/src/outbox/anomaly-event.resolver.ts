import { Args, Authorized, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { forbidden, outletRestriction, Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, mapPage, PageArgs, wholeRow } from '@courierdesk/platform-subgraph';
import { trackingError } from '../common/tracking.errors';
import { OutletRef, outletRef, placeRef, ScanLocation } from '../network-refs/network-refs.type';
import type { TrackingContext } from '../tracking.loaders';
import { toWaybill, Waybill } from '../waybill/waybill.type';
import type { AnomalyFeedService } from './anomaly-feed.service';
import { AnomalyEvent, toAnomalyEvent } from './anomaly-event.type';

/** A page of anomaly events (Relay), in feed order. */
export const AnomalyEventConnection = connectionType(AnomalyEvent, 'AnomalyEvent');

/**
 * The anomaly-event feed (异常事件流) for other subgraphs: tracking:events (services and admins).
 * The feed is network-wide, so an outlet-bound token is refused outright (OUTLET_MISMATCH) rather
 * than served a filtered feed whose cursors would mean something else.
 */
@Resolver(() => AnomalyEvent)
export class AnomalyEventResolver {
  constructor(private readonly feed: AnomalyFeedService) {}

  @Authorized(Scope.TRACKING_EVENTS)
  @Directive(CONNECTION_SIZE)
  @Query(() => AnomalyEventConnection, {
    description:
      'Anomaly episodes tracking detected (异常事件流), oldest first by seq, each published once: keep the endCursor and ask again ' +
      'for what came after. Needs tracking:events (services, admins).',
  })
  async anomalyEvents(@Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    if (outletRestriction(ctx.identity)) throw forbidden('OUTLET_MISMATCH', 'The anomaly feed is network-wide: an outlet-bound token cannot read it');
    return mapPage(await this.feed.page(page), toAnomalyEvent);
  }

  @Authorized(Scope.TRACKING_READ)
  @FieldResolver(() => Waybill, { description: 'The waybill (needs tracking:read).' })
  async waybill(@Root() event: AnomalyEvent, @Ctx() ctx: TrackingContext): Promise<Waybill> {
    return toWaybill(await wholeRow(ctx.loaders.waybill, event.waybillNo, () => trackingError('WAYBILL_NOT_FOUND', `No waybill ${event.waybillNo}`)));
  }

  @FieldResolver(() => ScanLocation, { nullable: true, description: 'The outlet or transit centre whose work queue the anomaly belongs to.' })
  location(@Root() event: AnomalyEvent): ScanLocation | null {
    const { locationKind: kind, locationId: id } = event.row;
    return kind && id ? placeRef({ kind, id }) : null;
  }

  @FieldResolver(() => OutletRef, { description: 'Origin outlet (始发网点) of the waybill.' })
  originOutlet(@Root() event: AnomalyEvent): OutletRef {
    return outletRef(event.row.originOutletId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'Destination outlet (派件网点) of the waybill.' })
  destinationOutlet(@Root() event: AnomalyEvent): OutletRef | null {
    return event.row.destinationOutletId ? outletRef(event.row.destinationOutletId) : null;
  }
}
