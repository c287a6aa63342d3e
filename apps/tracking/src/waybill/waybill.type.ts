import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { RecordOwner } from '@courierdesk/domain-network';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { ServiceLevel, WaybillStatus } from '../common/enums';
import type { WaybillPageRow } from './waybill.row';

/**
 * Waybill (运单): one parcel, owned by tracking. Personal data of sender, recipient and signer is
 * decided field by field by the personal-data policy (common/access.ts); rows a caller may not see
 * never become a Waybill at all (the loader drops them). Built from a page row (waybill.row.ts):
 * the fields below marked "whole row" are resolved by WaybillResolver through the waybill loader.
 */
@Directive('@key(fields: "waybillNo")')
@ObjectType({ description: 'Waybill (运单): a parcel, its parties, outlets, status, timeline, anomalies and ETA.' })
export class Waybill {
  @Field({ description: 'Waybill number (运单号), e.g. `CD000000000019`.' })
  waybillNo: string;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field({ description: 'Lane (线路), origin city → destination city: `440300-110100`.' })
  laneKey: string;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Int, { description: 'Weight in grams.' })
  weightGrams: number;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Int, { description: 'Declared value (声明价值) in fen.' })
  declaredValueFen: number;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Int, { description: 'Insured value (保价金额) in fen; never above the declared value.' })
  insuredValueFen: number;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Int, { description: 'Freight paid (运费) in fen.' })
  freightFen: number;

  @Field({ description: 'When the order was placed (下单时间).' })
  createdAt: Date;

  @Field(() => WaybillStatus, { description: 'Current normalised status, derived from scans by event time (not arrival).' })
  status: WaybillStatus;

  @Field(() => Date, { nullable: true, description: 'Event time of the latest scan.' })
  lastScanAt: Date | null;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Date, { nullable: true, description: 'Pickup (揽收) time.' })
  pickedUpAt: Date | null;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Date, { nullable: true, description: 'Signature (签收) time on the way to the recipient.' })
  signedAt: Date | null;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => Int, { description: 'Failed delivery attempts (派送失败次数).' })
  failedAttempts: number;

  /** Whole row (WaybillResolver): never set on the object. */
  @Field(() => String, { nullable: true, description: 'What the parcel holds (托寄物) as the sender declared it: goods, not a person’s data; null when not declared.' })
  contents: string | null;

  /** The page row, for field resolvers (references, timeline, anomalies); the whole row is the waybill loader's. */
  row: WaybillPageRow;
}

/** A sender or recipient (寄件人/收件人): a customer of the waybill's origin and destination outlets. */
@ObjectType({ description: 'Sender or recipient (寄件人/收件人); name, phone and address whole only to HQ and the waybill’s own outlets with pii:read.' })
export class WaybillParty {
  @PersonalData<WaybillParty>({ subject: 'CUSTOMER', datum: 'NAME', owner: (party) => party.owner })
  @Field(() => String, { nullable: true, description: 'Name; 张* when masked.' })
  name: string;

  @PersonalData<WaybillParty>({ subject: 'CUSTOMER', datum: 'PHONE', owner: (party) => party.owner })
  @Field(() => String, { nullable: true, description: 'Phone; 138****1234 when masked.' })
  phone: string;

  @Field({ description: 'Six-digit county-level code (区县) of the address; routing data, never masked.' })
  districtCode: string;

  @PersonalData<WaybillParty>({ subject: 'CUSTOMER', datum: 'ADDRESS', owner: (party) => party.owner })
  @Field(() => String, { nullable: true, description: 'Street address within the district; `****` when masked (the district code stays).' })
  address: string;

  /** The waybill's origin and destination outlets, whose customer this is. */
  owner: RecordOwner;
}

/** The schema's view of a waybill row, page row or whole. */
export function toWaybill(row: WaybillPageRow): Waybill {
  return Object.assign(new Waybill(), { waybillNo: row.waybillNo, createdAt: row.createdAt, status: row.status, lastScanAt: row.lastScanAt, row });
}
