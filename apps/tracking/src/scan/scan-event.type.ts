import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DeliveryFailureReason, ProblemCode, ScanType } from '../common/enums';
import { encodeScanEventId } from './scan-event.id';
import type { StoredScan } from './scan-event.row';

/** A scan event (扫描记录) of a waybill's timeline. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A scan (扫描) of a parcel: what, when, where, by whom.' })
export class ScanEvent {
  @Field(() => ID, { description: 'Opaque id of the stored scan.' })
  id: string;

  @Field({ description: 'The scanner’s own id of the event; a resend with it is a DUPLICATE.' })
  scannerEventId: string;

  @Field()
  waybillNo: string;

  @Field(() => ScanType)
  type: ScanType;

  @Field({ description: 'When the scan happened on the scanner.' })
  eventTime: Date;

  @Field({ description: 'When it reached us.' })
  receivedAt: Date;

  @Field(() => DeliveryFailureReason, { nullable: true })
  failureReason: DeliveryFailureReason | null;

  @Field(() => ProblemCode, { nullable: true })
  problemCode: ProblemCode | null;

  /** The stored scan, for field resolvers. */
  scan: StoredScan;
}

/** The schema's view of a stored scan. */
export function toScanEvent(scan: StoredScan): ScanEvent {
  return Object.assign(new ScanEvent(), {
    id: encodeScanEventId(scan),
    scannerEventId: scan.scannerEventId,
    waybillNo: scan.waybillNo,
    type: scan.type,
    eventTime: scan.eventTime,
    receivedAt: scan.receivedAt,
    failureReason: scan.failureReason,
    problemCode: scan.problemCode,
    scan,
  });
}
