import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CHARGE_CODES } from '@courierdesk/domain-tariff';
import { listSize } from '@courierdesk/platform-subgraph';
import type { TrackingContext } from '../tracking.loaders';
import { whole } from '../waybill/waybill.resolver';
import { Waybill } from '../waybill/waybill.type';
import { ChargeCheck, Dimensions, toChargeCheck, WaybillCharge } from './price.type';
import { chargeCheckOf, chargedLines } from './waybill-charges';

/**
 * What a waybill was charged and whether that was right (运费核查). Visible to whoever sees the
 * waybill (the waybill loader decides); the tariffs are read once per request for every waybill of
 * the response.
 */
@Resolver(() => Waybill)
export class WaybillChargesResolver {
  @FieldResolver(() => Dimensions, { nullable: true, description: 'Outer size (长宽高); null when not measured.' })
  async dimensions(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<Dimensions | null> {
    const row = await whole(waybill, ctx);
    if (row.lengthCm === null || row.widthCm === null || row.heightCm === null) return null;
    return Object.assign(new Dimensions(), { lengthCm: row.lengthCm, widthCm: row.widthCm, heightCm: row.heightCm });
  }

  @FieldResolver(() => Int, { description: 'Floors above the ground carried without a lift, when delivery upstairs was asked for (上楼层数).' })
  async upstairsFloors(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<number> {
    return (await whole(waybill, ctx)).upstairsFloors;
  }

  @Directive(listSize(CHARGE_CODES.length))
  @FieldResolver(() => [WaybillCharge], { description: 'What was charged (实收), line by line: FREIGHT (= freightFen), then insurance and surcharges.' })
  async charges(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<WaybillCharge[]> {
    return chargedLines(await whole(waybill, ctx)).map((line) => Object.assign(new WaybillCharge(), line));
  }

  @FieldResolver(() => ChargeCheck, {
    nullable: true,
    description: 'Is the charge right (运费核查): the tariff in force at pickup against what was charged, line by line; null when no tariff was in force then.',
  })
  async chargeCheck(@Root() waybill: Waybill, @Ctx() ctx: TrackingContext): Promise<ChargeCheck | null> {
    const row = await whole(waybill, ctx);
    const check = chargeCheckOf(
      row,
      await ctx.loaders.tariffRules(),
    );
    return check && toChargeCheck(check);
  }
}
