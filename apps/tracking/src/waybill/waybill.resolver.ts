import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, listSize, mapPage, PageArgs, wholeRow } from '@courierdesk/platform-subgraph';
import { customersOf } from '../common/access';
import { ASSUMED_TIMELINE_LENGTH, MAX_ANOMALIES } from '../common/list-bounds';
import { trackingError } from '../common/tracking.errors';
import { anomaliesOf, mayBeAnomalous } from '../anomaly/anomaly.rules';
import { Anomaly, toAnomaly } from '../anomaly/anomaly.type';
import { awaitsDelivery, etaOf, promiseOf } from '../eta/eta';
import { DeliveryEstimate } from '../eta/eta.type';
import { laneHistoryKey } from '../eta/eta.loaders';
import { CourierRef, courierRef, OutletRef, outletRef, placeRef, ScanLocation } from '../network-refs/network-refs.type';
import { ScanEvent, Signer, toScanEvent } from '../scan/scan-event.type';
import type { TrackingContext } from '../tracking.loaders';
import type { WaybillFinderService } from './waybill-finder.service';
import { waybillListRequest, waybillNoArgument } from './waybill.filter';
import { WaybillFilter } from './waybill.input';
import type { WaybillRow } from './waybill.row';
import { Waybill, WaybillParty, toWaybill } from './waybill.type';

/** A page of waybills (Relay). */
export const WaybillConnection = connectionType(Waybill, 'Waybill');

/**
 * Waybills (运单): thin — arguments to the finder or a loader, rows to the schema type; personal data
 * decided per field. Nodes carry the page row; the fields below that need more of it await
 * `whole()`: one query through the waybill loader for every node of the level, none for a waybill
 * loaded by number or reference (the loader has it already).
 */
@Resolver(() => Waybill)
export class WaybillResolver {
  constructor(private readonly finder: WaybillFinderService) {}

  @Authorized(Scope.TRACKING_READ)
  @Query(() => Waybill, { nullable: true, description: 'Where is my parcel (查件): a waybill by number. INVALID_WAYBILL_NO, or NOT_FOUND (WAYBILL_NOT_FOUND).' })
  async waybill(@Arg('waybillNo') waybillNo: string, @Ctx() ctx: TrackingContext): Promise<Waybill> {
    const number = waybillNoArgument(waybillNo, 'waybillNo');
    const row = await ctx.loaders.waybill.load(number);
    if (!row) throw trackingError('WAYBILL_NOT_FOUND', `No waybill ${number}`);
    return toWaybill(row);
  }

  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => WaybillConnection, { description: 'Waybills, newest first (by last scan with a lastScan range), filtered; your outlet’s only when outlet-bound.' })
  async waybills(@Arg('filter', () => WaybillFilter, { nullable: true }) filter: WaybillFilter | null, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    const { criteria, order, anomalies } = waybillListRequest(filter);
    return mapPage(await this.finder.page(ctx.identity, ctx.loaders, criteria, order, page, anomalies), toWaybill);
  }

  @FieldResolver()
  async serviceLevel(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).serviceLevel;
  }

  @FieldResolver()
  async laneKey(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).laneKey;
  }

  @FieldResolver()
  async weightGrams(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).weightGrams;
  }

  @FieldResolver()
  async declaredValueFen(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).declaredValueFen;
  }

  @FieldResolver()
  async insuredValueFen(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).insuredValueFen;
  }

  @FieldResolver()
  async freightFen(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).freightFen;
  }

  @FieldResolver()
  async pickedUpAt(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).pickedUpAt;
  }

  @FieldResolver()
  async signedAt(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).signedAt;
  }

  @FieldResolver()
  async failedAttempts(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).failedAttempts;
  }

  @FieldResolver()
  async contents(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext) {
    return (await whole(waybill, ctx)).contents;
  }

  @FieldResolver(() => WaybillParty, { description: 'Sender (寄件人).' })
  async sender(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<WaybillParty> {
    const row = await whole(waybill, ctx);
    return party(row, row.senderName, row.senderPhone, row.originDistrictCode, row.senderAddress);
  }

  @FieldResolver(() => WaybillParty, { description: 'Recipient (收件人).' })
  async recipient(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<WaybillParty> {
    const row = await whole(waybill, ctx);
    return party(row, row.recipientName, row.recipientPhone, row.destinationDistrictCode, row.recipientAddress);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'Origin outlet (始发网点).' })
  originOutlet(@Root() waybill: Waybill): OutletRef {
    return outletRef(waybill.row.originOutletId);
  }

  @FieldResolver(() => OutletRef, { nullable: true, description: 'Destination outlet (派件网点).' })
  destinationOutlet(@Root() waybill: Waybill): OutletRef {
    return outletRef(waybill.row.destinationOutletId);
  }

  @FieldResolver(() => ScanLocation, { nullable: true, description: 'Last known outlet or transit centre.' })
  currentLocation(@Root() waybill: Waybill): ScanLocation | null {
    const { currentPlaceKind: kind, currentPlaceId: id } = waybill.row;
    return kind && id ? placeRef({ kind, id }) : null;
  }

  @FieldResolver(() => CourierRef, { nullable: true, description: 'Courier holding it while out for delivery (派送中).' })
  currentHolder(@Root() waybill: Waybill): CourierRef | null {
    return courierRef(waybill.row.currentCourierId);
  }

  @FieldResolver(() => Signer, { nullable: true, description: 'Who signed (签收人), on the way to the recipient.' })
  async signer(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<Signer | null> {
    const row = await whole(waybill, ctx);
    return row.signerKind ? Object.assign(new Signer(), { kind: row.signerKind, name: row.signerName, owner: customersOf(row) }) : null;
  }

  @Directive(listSize(ASSUMED_TIMELINE_LENGTH))
  @FieldResolver(() => [ScanEvent], { description: 'Every scan (物流轨迹), in event-time order, whatever order they arrived in.' })
  async timeline(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<ScanEvent[]> {
    return (await ctx.loaders.timeline.load(waybill.row)).map(toScanEvent);
  }

  @FieldResolver(() => ScanEvent, { nullable: true, description: 'The latest scan by event time.' })
  async lastScan(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<ScanEvent | null> {
    const scans = await ctx.loaders.timeline.load(waybill.row);
    return scans.length ? toScanEvent(scans[scans.length - 1]) : null;
  }

  @Directive(listSize(MAX_ANOMALIES))
  @FieldResolver(() => [Anomaly], { description: 'Anomalies now (异常), oldest first: since when and why.' })
  async anomalies(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<Anomaly[]> {
    const { row } = waybill;
    const { now } = ctx.loaders;
    // The stored watch says whether any rule can fire: if none can, the timeline is not read.
    if (!mayBeAnomalous(row, now)) return [];
    return anomaliesOf(row, await ctx.loaders.timeline.load(row), now).map(toAnomaly);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'The promised delivery (承诺送达): the lane’s history counted from pickup (from the order without one) — also after delivery, ' +
      'for delay claims; the lane history is today’s, so a promise read long after shipping may differ slightly from the one shown then.',
  })
  async promisedAt(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<Date> {
    const row = await whole(waybill, ctx);
    return promiseOf(row, await ctx.loaders.laneHistory.load(laneHistoryKey(row.laneKey, row.serviceLevel))).expectedAt;
  }

  @FieldResolver(() => DeliveryEstimate, { nullable: true, description: 'Expected delivery (预计送达), never in the past: a late parcel says since when and is re-estimated from where it is; null once delivered, in a locker, or returning.' })
  async eta(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<DeliveryEstimate | null> {
    // Delivered parcels (most of a long list) answer from the page row's status alone.
    if (!awaitsDelivery(waybill.row)) return null;
    const row = await whole(waybill, ctx);
    return etaOf(row, await ctx.loaders.laneHistory.load(laneHistoryKey(row.laneKey, row.serviceLevel)), ctx.loaders.now);
  }
}

/**
 * The whole row of a node. A page row the caller could see loads as null only when the waybill left
 * the caller's reach (an outlet-bound caller's parcel scanned onwards) since the page was read.
 */
export const whole = (waybill: Waybill, ctx: TrackingContext): Promise<WaybillRow> =>
  wholeRow(ctx.loaders.waybill, waybill.waybillNo, () => trackingError('WAYBILL_NOT_FOUND', `No waybill ${waybill.waybillNo}`));

function party(row: WaybillRow, name: string, phone: string, districtCode: string, address: string): WaybillParty {
  return Object.assign(new WaybillParty(), { name, phone, districtCode, address, owner: customersOf(row) });
}
