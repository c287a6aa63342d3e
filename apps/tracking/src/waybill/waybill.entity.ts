import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ProgressStatus, ServiceLevel, SignerKind, WaybillStatus } from '@courierdesk/domain-parcel';

/** bigint fen ↔ number: amounts are validated below 2^31 and exact as doubles far beyond. */
const fen: ValueTransformer = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * Row of `tracking.waybill` (运单). Never exposed in the schema: see Waybill. The columns after
 * `createdAt` are the denormalised scan state (scan/tracked-state.ts) and the anomaly watch
 * (anomaly/watch.ts), written by recordScans; see the migration for the indexes.
 */
@Entity({ name: 'waybill' })
export class WaybillEntity {
  /** Waybill number (运单号), `CD` + 11 digits + check digit. */
  @PrimaryColumn('text', { name: 'waybill_no' })
  waybillNo: string;

  @Column('text', { name: 'service_level' })
  serviceLevel: ServiceLevel;

  /** Six-digit county-level code (区县) of the sender's address. */
  @Column('text', { name: 'origin_district_code' })
  originDistrictCode: string;

  @Column('text', { name: 'destination_district_code' })
  destinationDistrictCode: string;

  /** `<origin city>-<destination city>`, e.g. `440300-110100` (laneKey). */
  @Column('text', { name: 'lane_key' })
  laneKey: string;

  @Column('text', { name: 'sender_name' })
  senderName: string;

  @Column('text', { name: 'sender_phone' })
  senderPhone: string;

  @Column('text', { name: 'sender_address' })
  senderAddress: string;

  @Column('text', { name: 'recipient_name' })
  recipientName: string;

  @Column('text', { name: 'recipient_phone' })
  recipientPhone: string;

  @Column('text', { name: 'recipient_address' })
  recipientAddress: string;

  /** Origin outlet (始发网点): network's Outlet key. */
  @Column('uuid', { name: 'origin_outlet_id' })
  originOutletId: string;

  /** Destination outlet (派件网点). */
  @Column('uuid', { name: 'destination_outlet_id' })
  destinationOutletId: string;

  @Column('int', { name: 'weight_grams' })
  weightGrams: number;

  @Column('bigint', { name: 'declared_value_fen', transformer: fen })
  declaredValueFen: number;

  @Column('bigint', { name: 'insured_value_fen', transformer: fen })
  insuredValueFen: number;

  @Column('bigint', { name: 'freight_fen', transformer: fen })
  freightFen: number;

  /** Outer size in whole cm (长宽高); all three or none. */
  @Column('integer', { name: 'length_cm', nullable: true })
  lengthCm: number | null;

  @Column('integer', { name: 'width_cm', nullable: true })
  widthCm: number | null;

  @Column('integer', { name: 'height_cm', nullable: true })
  heightCm: number | null;

  /** Floors above the ground carried without a lift, when delivery upstairs was asked for (上楼层数). */
  @Column('integer', { name: 'upstairs_floors', default: 0 })
  upstairsFloors: number;

  /** What was charged besides the freight (保价费、附加费), charge code → fen. */
  @Column('jsonb', { name: 'surcharges', default: {} })
  surcharges: Record<string, number>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { default: 'CREATED' })
  status: WaybillStatus;

  @Column('text', { default: 'CREATED' })
  progress: ProgressStatus;

  @Column('boolean', { name: 'on_return', default: false })
  onReturn: boolean;

  @Column('int', { name: 'event_count', default: 0 })
  eventCount: number;

  @Column('timestamptz', { name: 'last_scan_at', nullable: true })
  lastScanAt: Date | null;

  @Column('text', { name: 'last_event_type', nullable: true })
  lastEventType: string | null;

  @Column('timestamptz', { name: 'last_event_at', nullable: true })
  lastEventAt: Date | null;

  @Column('text', { name: 'current_place_kind', nullable: true })
  currentPlaceKind: 'HUB' | 'OUTLET' | null;

  @Column('uuid', { name: 'current_place_id', nullable: true })
  currentPlaceId: string | null;

  @Column('uuid', { name: 'current_courier_id', nullable: true })
  currentCourierId: string | null;

  @Column('timestamptz', { name: 'picked_up_at', nullable: true })
  pickedUpAt: Date | null;

  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt: Date | null;

  @Column('text', { name: 'signer_kind', nullable: true })
  signerKind: SignerKind | null;

  @Column('text', { name: 'signer_name', nullable: true })
  signerName: string | null;

  @Column('timestamptz', { name: 'collected_at', nullable: true })
  collectedAt: Date | null;

  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt: Date | null;

  @Column('int', { name: 'failed_attempts', default: 0 })
  failedAttempts: number;

  @Column('uuid', { name: 'last_failure_outlet_id', nullable: true })
  lastFailureOutletId: string | null;

  @Column('timestamptz', { name: 'open_departure_at', nullable: true })
  openDepartureAt: Date | null;

  @Column('timestamptz', { name: 'signed_scan_at', nullable: true })
  signedScanAt: Date | null;

  @Column('uuid', { name: 'signed_outlet_id', nullable: true })
  signedOutletId: string | null;

  @Column('timestamptz', { name: 'first_out_for_delivery_at', nullable: true })
  firstOutForDeliveryAt: Date | null;

  @Column('uuid', { name: 'watch_places', array: true, default: () => "'{}'" })
  watchPlaces: string[];

  @Column('timestamptz', { name: 'watch_from', nullable: true })
  watchFrom: Date | null;

  /** What the parcel holds (托寄物), as declared; matches headless parcels (无头件). */
  @Column('text', { nullable: true })
  contents: string | null;
}
