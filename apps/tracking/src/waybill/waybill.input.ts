import { Field, ID, InputType, Int } from 'type-graphql';
import { AnomalyCode, ServiceLevel, WaybillStatus } from '../common/enums';
import { ChargeInput, DimensionsInput } from '../tariff/tariff.input';

/** Filters of the waybill list; all given filters must hold. */
@InputType({ description: 'Filters of the waybill list (all given filters must hold). Time ranges: from inclusive, to exclusive.' })
export class WaybillFilter {
  @Field(() => ID, { nullable: true, description: 'Waybills this outlet originated (始发), delivers (派件) or holds now.' })
  outletId?: string | null;

  @Field(() => [WaybillStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: WaybillStatus[] | null;

  @Field(() => [AnomalyCode], { nullable: true, description: 'Only waybills with one of these anomalies now; an empty list means any anomaly.' })
  anomalies?: AnomalyCode[] | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after (orders the list by creation, newest first).' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  createdTo?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last scan at or after (orders the list by last scan, latest first); not with created*.' })
  lastScanFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  lastScanTo?: Date | null;
}

/** Sender or recipient of a new waybill. */
@InputType({ description: 'Sender or recipient (寄件人/收件人) of a new waybill.' })
export class WaybillPartyInput {
  @Field()
  name: string;

  @Field({ description: 'Mobile or landline; stored in canonical form.' })
  phone: string;

  @Field({ description: 'Six-digit county-level code (区县), e.g. `440305`.' })
  districtCode: string;

  @Field({ description: 'Street address within the district.' })
  address: string;
}

/** A new waybill (下单). */
@InputType({ description: 'A new waybill (下单). Money in integer fen.' })
export class CreateWaybillInput {
  @Field({ description: 'Waybill number (运单号) with its check digit; INVALID_WAYBILL_NO otherwise.' })
  waybillNo: string;

  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field(() => WaybillPartyInput)
  sender: WaybillPartyInput;

  @Field(() => WaybillPartyInput)
  recipient: WaybillPartyInput;

  @Field(() => ID, { description: 'Origin outlet (始发网点).' })
  originOutletId: string;

  @Field(() => ID, { description: 'Destination outlet (派件网点).' })
  destinationOutletId: string;

  @Field(() => Int)
  weightGrams: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  declaredValueFen?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  insuredValueFen?: number;

  @Field(() => Int, { description: 'The freight charged (运费, fen): the FREIGHT line of `charges` and of the charge check.' })
  freightFen: number;

  @Field(() => DimensionsInput, { nullable: true, description: 'Outer size (长宽高) in whole cm, 1–1000 each: volumetric weight and the oversize surcharge.' })
  dimensions?: DimensionsInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Floors above the ground carried without a lift, when delivery upstairs is asked for (上楼层数), 0–60.' })
  upstairsFloors?: number | null;

  @Field(() => [ChargeInput], {
    nullable: true,
    description: 'What else was charged (保价费、附加费): INSURANCE, REMOTE_AREA, OVERSIZE, UPSTAIRS, once each, fen. FREIGHT is freightFen. Checked against the tariff by Waybill.chargeCheck, never refused for disagreeing with it.',
  })
  surcharges?: ChargeInput[] | null;

  @Field(() => Date, { nullable: true, description: 'When the order was placed; now when absent. Never in the future.' })
  createdAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What the parcel holds (托寄物), e.g. `蓝色纸箱 运动鞋一双`; at most 200 characters (INVALID_WAYBILL_INPUT). Headless-parcel searches (无头件) match against it.' })
  contents?: string | null;
}

/** A batch of new waybills. */
@InputType()
export class CreateWaybillsInput {
  @Field(() => [CreateWaybillInput], { description: 'Up to 1,000 waybills.' })
  waybills: CreateWaybillInput[];
}
