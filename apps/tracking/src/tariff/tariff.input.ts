import { Field, InputType, Int } from 'type-graphql';
import { ServiceLevel } from '@courierdesk/domain-parcel';
import { ChargeCode, Zone } from '@courierdesk/domain-tariff';
import { Dimensions as DimensionsInput } from './price.type';
import { MAX_TARIFF_PREFIXES } from './tariff.type';

export { DimensionsInput };

@InputType('QuoteInput', { description: 'A shipment to price (询价).' })
export class QuoteInput {
  @Field({ description: 'Six-digit district (or city) code of the sender (区县代码).' })
  originDistrictCode: string;

  @Field({ description: 'Six-digit district (or city) code of the recipient.' })
  destinationDistrictCode: string;

  @Field(() => ServiceLevel, { defaultValue: 'STANDARD' })
  serviceLevel: ServiceLevel;

  @Field(() => Int, { description: 'Actual weight in grams, 1–1,000,000.' })
  weightGrams: number;

  @Field(() => DimensionsInput, { nullable: true, description: 'Without it: no volumetric weight, no oversize surcharge.' })
  dimensions?: DimensionsInput | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Value to insure (保价金额), fen; 0: not insured.' })
  insuredValueFen?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Floors above the ground carried without a lift (上楼), 0–60.' })
  upstairsFloors?: number | null;

  @Field(() => Date, { nullable: true, description: 'When it would ship: the tariff in force then prices it. Now when absent.' })
  at?: Date | null;
}

@InputType('ChargeInput', { description: 'One line charged (实收), fen.' })
export class ChargeInput {
  @Field(() => ChargeCode)
  code: ChargeCode;

  @Field(() => Int)
  amountFen: number;
}

@InputType('TariffRateInput', { description: 'A rate replacing the based-on version’s for one level and zone.' })
export class TariffRateInput {
  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field(() => Zone)
  zone: Zone;

  @Field(() => Int)
  firstWeightGrams: number;

  @Field(() => Int)
  firstFen: number;

  @Field(() => Int)
  stepGrams: number;

  @Field(() => Int)
  stepFen: number;
}

@InputType('VolumetricDivisorInput')
export class VolumetricDivisorInput {
  @Field(() => ServiceLevel)
  serviceLevel: ServiceLevel;

  @Field(() => Int)
  divisor: number;
}

@InputType('InsuranceRuleInput')
export class InsuranceRuleInput {
  @Field(() => Int)
  rateBasisPoints: number;

  @Field(() => Int)
  minimumFen: number;
}

@InputType('RemoteAreaRuleInput')
export class RemoteAreaRuleInput {
  @Field(() => [String])
  districtPrefixes: string[];

  @Field(() => Int)
  fen: number;
}

@InputType('OversizeRuleInput')
export class OversizeRuleInput {
  @Field(() => Int)
  longestSideOverCm: number;

  @Field(() => Int)
  fen: number;
}

@InputType('UpstairsRuleInput')
export class UpstairsRuleInput {
  @Field(() => Int)
  freightFromGrams: number;

  @Field(() => Int)
  perFloorFen: number;
}

@InputType('PublishTariffInput', { description: 'A new tariff version, made from an existing one (anything not given is copied from `basedOn`) or, for the first, given whole.' })
export class PublishTariffInput {
  @Field({ description: 'Its name, like `tariff-2027.1`; never reused.' })
  version: string;

  @Field({ description: 'When it takes over; in the future.' })
  effectiveFrom: Date;

  @Field(() => String, { nullable: true, description: 'The version it copies; absent for a first tariff, which then gives every rate, divisor and rule (INVALID_TARIFF names the first missing).' })
  basedOn?: string | null;

  @Field(() => [TariffRateInput], { nullable: true })
  rates?: TariffRateInput[] | null;

  @Field(() => [VolumetricDivisorInput], { nullable: true })
  volumetricDivisors?: VolumetricDivisorInput[] | null;

  @Field(() => [String], { nullable: true })
  remoteProvinces?: string[] | null;

  @Field(() => InsuranceRuleInput, { nullable: true })
  insurance?: InsuranceRuleInput | null;

  @Field(() => RemoteAreaRuleInput, { nullable: true })
  remoteArea?: RemoteAreaRuleInput | null;

  @Field(() => OversizeRuleInput, { nullable: true })
  oversize?: OversizeRuleInput | null;

  @Field(() => UpstairsRuleInput, { nullable: true })
  upstairs?: UpstairsRuleInput | null;
}

/** Most entries a list of a tariff input takes (prefixes, provinces, rates). */
export const MAX_TARIFF_INPUT_LIST = MAX_TARIFF_PREFIXES;
