import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { DistanceClass, EtaConfidence, EtaSource, ServiceLevel, SignerKind, WaybillStatus } from '../common/enums';
import type { WaybillRow } from './waybill.row';

/**
 * Waybill (运单): one parcel, owned by tracking. Personal data of sender and recipient is masked
 * field by field for callers without pii:read (common/access.ts); rows a caller may not see never
 * become a Waybill at all (the loader drops them).
 */
@Directive('@key(fields: "waybillNo")')
@ObjectType({ description: 'Waybill (运单): a parcel, its parties, outlets, status, timeline, anomalies and ETA.' })
export class Waybill {
  @Field({ description: 'Waybill number (运单号), e.g. `CD000000000019`.' })
  waybillNo: string;

  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field({ description: 'Lane (线路), origin city → destination city: `440300-110100`.' })
  laneKey: string;

  @Field(() => Int, { description: 'Weight in grams.' })
  weightGrams: number;

  @Field(() => Int, { description: 'Declared value (声明价值) in fen.' })
  declaredValueFen: number;

  @Field(() => Int, { description: 'Insured value (保价金额) in fen; never above the declared value.' })
  insuredValueFen: number;

  @Field(() => Int, { description: 'Freight paid (运费) in fen.' })
  freightFen: number;

  @Field({ description: 'When the order was placed (下单时间).' })
  createdAt: Date;

  @Field(() => WaybillStatus, { description: 'Current normalised status, derived from scans by event time (not arrival).' })
  status: WaybillStatus;

  @Field(() => Date, { nullable: true, description: 'Event time of the latest scan.' })
  lastScanAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Pickup (揽收) time.' })
  pickedUpAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Signature (签收) time on the way to the recipient.' })
  signedAt: Date | null;

  @Field(() => Int, { description: 'Failed delivery attempts (派送失败次数).' })
  failedAttempts: number;

  /** The row, for field resolvers (masking, references, loaders). */
  row: WaybillRow;
}

/** A sender or recipient (寄件人/收件人) as this caller may see it. */
@ObjectType({ description: 'Sender or recipient (寄件人/收件人); phone, address and name masked without pii:read.' })
export class WaybillParty {
  @Field({ description: 'Name; 张* without pii:read.' })
  name: string;

  @Field({ description: 'Phone; 138****1234 without pii:read.' })
  phone: string;

  @Field({ description: 'Six-digit county-level code (区县) of the address; never masked.' })
  districtCode: string;

  @Field({ description: 'Street address; without pii:read the house-number detail is masked (科技园路****).' })
  address: string;
}

/** Who signed (签收人). */
@ObjectType({ description: 'Who or what signed for the parcel (签收人).' })
export class Signer {
  @Field(() => SignerKind)
  kind: SignerKind;

  @Field(() => String, { nullable: true, description: 'Name as written; masked without pii:read.' })
  name: string | null;
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

/** The schema's view of a waybill row. */
export function toWaybill(row: WaybillRow): Waybill {
  return Object.assign(new Waybill(), {
    waybillNo: row.waybillNo,
    serviceLevel: row.serviceLevel,
    laneKey: row.laneKey,
    weightGrams: row.weightGrams,
    declaredValueFen: row.declaredValueFen,
    insuredValueFen: row.insuredValueFen,
    freightFen: row.freightFen,
    createdAt: row.createdAt,
    status: row.status,
    lastScanAt: row.lastScanAt,
    pickedUpAt: row.pickedUpAt,
    signedAt: row.signedAt,
    failedAttempts: row.failedAttempts,
    row,
  });
}
