import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ScanEvent } from '../scan/scan-event.type';
import type { TrackingContext } from '../tracking.loaders';
import { toWaybill, Waybill } from './waybill.type';

/** A scan's waybill: the link from scan to waybill lives here, so scans never import waybills. */
@Resolver(() => ScanEvent)
export class ScanEventWaybillResolver {
  @FieldResolver(() => Waybill, { nullable: true, description: 'The waybill scanned.' })
  async waybill(@Root() event: ScanEvent, @Ctx() ctx: TrackingContext): Promise<Waybill | null> {
    const row = await ctx.loaders.waybill.load(event.waybillNo);
    return row && toWaybill(row);
  }
}
