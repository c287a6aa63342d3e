import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { customersOfWaybill } from '../common/access';
import { CourierRef, courierRef, placeRef, ScanLocation } from '../network-refs/network-refs.type';
import type { TrackingContext } from '../tracking.loaders';
import { ScanEvent, Signer } from './scan-event.type';

/** The fields of a stored scan (扫描记录); uploads are ingest's (ingest/record-scans.resolver.ts). */
@Resolver(() => ScanEvent)
export class ScanEventResolver {
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
}
