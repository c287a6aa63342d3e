import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RecordOwner } from '@courierdesk/domain-network';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { DeliveryFailureReason, ProblemCode, ScanType, SignerKind } from '../common/enums';
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

/** Who signed (签收人): a customer, like the recipient. */
@ObjectType({ description: 'Who or what signed for the parcel (签收人).' })
export class Signer {
  @Field(() => SignerKind)
  kind: SignerKind;

  @PersonalData<Signer>({ subject: 'CUSTOMER', datum: 'NAME', owner: (signer) => signer.owner })
  @Field(() => String, { nullable: true, description: 'Name as written; 张* when masked.' })
  name: string | null;

  /** The waybill's origin and destination outlets (null: a waybill the caller cannot see). */
  owner: RecordOwner | null;
}
