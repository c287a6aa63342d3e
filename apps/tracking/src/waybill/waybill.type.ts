import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { RecordOwner } from '@courierdesk/domain-network';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { DistanceClass, EtaConfidence, EtaSource, ServiceLevel, SignerKind, WaybillStatus } from '../common/enums';
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

/** An expected delivery time (预计送达时间). */
@ObjectType('DeliveryEstimate', { description: 'Expected delivery (预计送达) with its band, from lane history or the service level’s default.' })
export class DeliveryEstimate {
  @Field()
  expectedAt: Date;

  @Field()
  earliest: Date;

  @Field()
  latest: Date;

  @Field(() => EtaSource)
  source: keyof typeof EtaSource;

  @Field(() => Int, { description: 'Usable history samples on this lane and level.' })
  samples: number;

  @Field(() => EtaConfidence)
  confidence: keyof typeof EtaConfidence;

  @Field(() => DistanceClass)
  distanceClass: keyof typeof DistanceClass;

  @Field({ description: 'How the estimate was made, in one sentence (for a late parcel: since when, against which promise, and the re-estimate).' })
  basis: string;

  @Field({ description: 'The expected delivery counted from pickup (or the order time): what was promised. Late once it passes undelivered.' })
  promisedAt: Date;

  @Field({ description: 'Not delivered and past promisedAt (超时); expectedAt is then re-estimated from where the parcel is, never in the past.' })
  late: boolean;

  @Field(() => Date, { nullable: true, description: 'When it became late (= promisedAt); null while on time.' })
  lateSince: Date | null;
}

/** The schema's view of a waybill row, page row or whole. */
export function toWaybill(row: WaybillPageRow): Waybill {
  return Object.assign(new Waybill(), { waybillNo: row.waybillNo, createdAt: row.createdAt, status: row.status, lastScanAt: row.lastScanAt, row });
}
