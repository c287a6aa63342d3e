import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { CHARGE_CODES, type ChargeCheck as DomainChargeCheck, type Price as DomainPrice } from '@courierdesk/domain-tariff';
import { listSize } from '@courierdesk/platform-subgraph';
import { DeliveryEstimate } from '../eta/eta.type';
import { ChargeCode, Zone } from '@courierdesk/domain-tariff';
import { ChargeLineVerdict, ChargeVerdict } from './tariff.enums';

/** One line of a price, with the rule that decides it. */
@ObjectType('PriceLine', { description: 'One line of a price (计费项目) with the rule and numbers that decide it.' })
export class PriceLine {
  @Field(() => ChargeCode)
  code: ChargeCode;

  @Field(() => Int)
  amountFen: number;

  @Field({ description: 'The rule with its numbers, in English.' })
  rule: string;

  @Field({ description: 'The same, as an agent reads it to the customer (中文).' })
  ruleZh: string;
}

/** A price by one tariff version. */
@ObjectType('Price', { description: 'A price (报价) by the tariff version it names.' })
export class Price {
  @Field({ description: 'The tariff version that priced it, e.g. `tariff-2026.2`.' })
  tariffVersion: string;

  @Field({ description: 'The instant whose tariff priced it (a waybill’s pickup, or the order time without one).' })
  pricedAt: Date;

  @Field(() => Zone)
  zone: Zone;

  @Field(() => Int, { description: 'Actual weight (实重).' })
  actualWeightGrams: number;

  @Field(() => Int, { nullable: true, description: 'Volumetric weight (体积重): L × W × H ÷ the level’s divisor; null without dimensions.' })
  volumetricWeightGrams: number | null;

  @Field(() => Int, { description: 'The weight charged (计费重量): the larger of actual and volumetric.' })
  chargeableWeightGrams: number;

  @Directive(listSize(CHARGE_CODES.length))
  @Field(() => [PriceLine], { description: 'The lines that apply, freight first; a surcharge that does not apply is not listed.' })
  lines: PriceLine[];

  @Field(() => Int)
  totalFen: number;
}

/** A quote: a price now, and how long it usually takes. */
@ObjectType('Quote', { description: 'How much and how long (报价与时效): the price by the tariff in force at `at`, and the transit time from the lane’s history.' })
export class Quote extends Price {
  @Field(() => DeliveryEstimate, {
    description: 'Expected delivery if it ships at `at`, with its band and confidence, from the lane’s delivered parcels (the service level’s promise with too little history).',
  })
  transit: DeliveryEstimate;
}

/** A line of a charge check. */
@ObjectType('ChargeCheckLine', { description: 'One line of a charge check: allowed by the tariff, charged, the difference and the rule deciding it.' })
export class ChargeCheckLine {
  @Field(() => ChargeCode)
  code: ChargeCode;

  @Field(() => Int)
  allowedFen: number;

  @Field(() => Int)
  chargedFen: number;

  @Field(() => Int, { description: 'charged − allowed: above 0 the customer paid too much.' })
  differenceFen: number;

  @Field(() => ChargeLineVerdict)
  verdict: keyof typeof ChargeLineVerdict;

  @Field()
  rule: string;

  @Field()
  ruleZh: string;
}

/** Is the charge right (运费核查)? */
@ObjectType('ChargeCheck', {
  description: 'Is the charge right (运费核查): what the tariff in force at pickup allowed against what was charged, line by line — the answer to an overcharging complaint (乱收费).',
})
export class ChargeCheck {
  @Field({ description: 'The tariff version in force at pickup, e.g. `tariff-2026.2`.' })
  tariffVersion: string;

  @Field()
  pricedAt: Date;

  @Field(() => Price, { description: 'What the tariff allowed, with its weights and zone.' })
  allowed: Price;

  @Directive(listSize(CHARGE_CODES.length))
  @Field(() => [ChargeCheckLine])
  lines: ChargeCheckLine[];

  @Field(() => Int)
  allowedTotalFen: number;

  @Field(() => Int)
  chargedTotalFen: number;

  @Field(() => Int, { description: 'Owed back (应退): the sum of the lines charged above the tariff; an undercharged line is never netted against it.' })
  refundOwedFen: number;

  @Field(() => ChargeVerdict)
  verdict: keyof typeof ChargeVerdict;

  @Field({ description: 'One paragraph an agent can read to the customer (中文).' })
  explanationZh: string;
}

/** A line of what a waybill was charged. */
@ObjectType('WaybillCharge', { description: 'What a waybill was charged for one line (实收).' })
export class WaybillCharge {
  @Field(() => ChargeCode)
  code: ChargeCode;

  @Field(() => Int)
  amountFen: number;
}

/** Outer size of a parcel: the same three numbers in and out (a waybill's size, a quote's input). */
@ObjectType('Dimensions', { description: 'Outer size of a parcel in whole centimetres (长宽高).' })
@InputType('DimensionsInput', { description: 'Outer size in whole centimetres (长宽高), 1–1000 each.' })
export class Dimensions {
  @Field(() => Int)
  lengthCm: number;

  @Field(() => Int)
  widthCm: number;

  @Field(() => Int)
  heightCm: number;
}

export const toPrice = <P extends Price>(target: P, price: DomainPrice): P =>
  Object.assign(target, {
    tariffVersion: price.tariffVersion,
    pricedAt: price.pricedAt,
    zone: price.zone,
    actualWeightGrams: price.actualWeightGrams,
    volumetricWeightGrams: price.volumetricWeightGrams,
    chargeableWeightGrams: price.chargeableWeightGrams,
    lines: price.lines.map((line) => Object.assign(new PriceLine(), line)),
    totalFen: price.totalFen,
  });

export const toChargeCheck = (check: DomainChargeCheck): ChargeCheck =>
  Object.assign(new ChargeCheck(), {
    tariffVersion: check.tariffVersion,
    pricedAt: check.pricedAt,
    allowed: toPrice(new Price(), check.price),
    lines: check.lines.map((line) => Object.assign(new ChargeCheckLine(), line)),
    allowedTotalFen: check.allowedTotalFen,
    chargedTotalFen: check.chargedTotalFen,
    refundOwedFen: check.refundOwedFen,
    verdict: check.verdict,
    explanationZh: check.explanationZh,
  });
