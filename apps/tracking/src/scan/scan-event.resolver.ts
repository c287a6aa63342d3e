import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { customersOfWaybill, scanReach } from '../common/access';
import { CourierRef, courierRef, placeRef, ScanLocation } from '../network-refs/network-refs.type';
import type { TrackingContext } from '../tracking.loaders';
import { Signer, Waybill, toWaybill } from '../waybill/waybill.type';
import { MAX_SCANS_PER_CALL, type RecordScansService } from './record-scans.service';
import { scansOfBatch } from './scan-columns';
import { RecordScansInput, RecordScansPayload } from './scan-event.input';
import { ScanEvent } from './scan-event.type';

/** Scans (扫描): the ingest mutation and the fields of a stored scan. */
@Resolver(() => ScanEvent)
export class ScanEventResolver {
  constructor(private readonly scans: RecordScansService) {}

  @Authorized(Scope.TRACKING_INGEST)
  @Mutation(() => RecordScansPayload, {
    description:
      'Upload scans (扫描上传), up to 1,000, as objects or in columns: idempotent on eventId (a resend is DUPLICATE), any order, one result per scan in input order. ' +
      'An outlet-bound token records scans at its own outlet with its own couriers (others: REJECTED, LOCATION_OUTSIDE_OUTLET / COURIER_OUTSIDE_OUTLET); ' +
      'anywhere else needs tracking:ingest:any (FORBIDDEN, SCOPE_MISSING).',
  })
  async recordScans(@Arg('input') input: RecordScansInput, @Ctx() ctx: TrackingContext): Promise<RecordScansPayload> {
    const reach = scanReach(ctx.identity);
    const results = await this.scans.record(scansOfBatch(input, MAX_SCANS_PER_CALL), reach);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return { results, accepted: count('ACCEPTED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED') };
  }

  @FieldResolver(() => ScanLocation, { nullable: true, description: 'The outlet or transit centre of the scan.' })
  location(@Root() event: ScanEvent): ScanLocation | null {
    return placeRef(event.scan.location);
  }

  @FieldResolver(() => CourierRef, { nullable: true, description: 'The courier who scanned or holds the parcel.' })
  courier(@Root() event: ScanEvent): CourierRef | null {
    return courierRef(event.scan.courierId);
  }

  @FieldResolver(() => Signer, { nullable: true, description: 'Who signed (SIGNED scans); a customer of the waybill, masked by the same rules as the recipient.' })
  async signer(@Root() event: ScanEvent, @Ctx() ctx: TrackingContext): Promise<Signer | null> {
    const { signer } = event.scan;
    if (!signer) return null;
    return Object.assign(new Signer(), { kind: signer.kind, name: signer.name, owner: await customersOfWaybill(ctx, event.waybillNo) });
  }

  // A free-text note may carry a phone number ("放门卫处 13800001111"): it is the customers' data.
  @PersonalData<ScanEvent>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (event, ctx) => customersOfWaybill(ctx, event.waybillNo) })
  @FieldResolver(() => String, { nullable: true, description: 'The scanner’s note; phone numbers in it hidden (***) when customers are masked.' })
  note(@Root() event: ScanEvent): string | null {
    return event.scan.note;
  }

  @FieldResolver(() => Waybill, { nullable: true, description: 'The waybill scanned.' })
  async waybill(@Root() event: ScanEvent, @Ctx() ctx: TrackingContext): Promise<Waybill | null> {
    const row = await ctx.loaders.waybill.load(event.waybillNo);
    return row && toWaybill(row);
  }
}
