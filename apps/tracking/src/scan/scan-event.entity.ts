import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryFailureReason, LocationKind, ProblemCode, ScanType, SignerKind } from '@courierdesk/domain-parcel';

/**
 * Row of `tracking.scan_event` (扫描记录), partitioned by month of `event_time`; the key is also
 * the idempotency key (see the migration). Never exposed in the schema: see ScanEvent.
 */
@Entity({ name: 'scan_event' })
export class ScanEventEntity {
  @PrimaryColumn('text', { name: 'waybill_no' })
  waybillNo: string;

  /** When the scan happened on the scanner (not when it reached us): the partition key. */
  @PrimaryColumn('timestamptz', { name: 'event_time' })
  eventTime: Date;

  /** The scanner's own id of the event; a resend carries the same. */
  @PrimaryColumn('text', { name: 'scanner_event_id' })
  scannerEventId: string;

  @Column('text')
  type: ScanType;

  @Column('text', { name: 'location_kind', nullable: true })
  locationKind: LocationKind | null;

  @Column('uuid', { name: 'location_id', nullable: true })
  locationId: string | null;

  @Column('uuid', { name: 'courier_id', nullable: true })
  courierId: string | null;

  @Column('text', { name: 'signer_kind', nullable: true })
  signerKind: SignerKind | null;

  @Column('text', { name: 'signer_name', nullable: true })
  signerName: string | null;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason: DeliveryFailureReason | null;

  @Column('text', { name: 'problem_code', nullable: true })
  problemCode: ProblemCode | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt: Date;
}
