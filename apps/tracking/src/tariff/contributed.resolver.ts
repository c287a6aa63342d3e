import { Arg, Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { estimateDelivery, laneOf, laneKey, ServiceLevel } from '@courierdesk/domain-parcel';
import { policyInForce } from '@courierdesk/domain-sla';
import { formatYuan } from '@courierdesk/domain-core';
import { inRemoteArea, placeOf } from '@courierdesk/domain-tariff';
import { PROVINCES } from '@courierdesk/domain-network';
import { Scope } from '@courierdesk/platform-auth';
import { laneHistoryKey } from '../eta/eta.loaders';
import { DeliveryEstimate } from '../eta/eta.type';
import type { TrackingContext } from '../tracking.loaders';
import { ChargeCheck, toChargeCheck } from './price.type';
import { chargeCheckOf } from './waybill-charges';
import { DistrictRef, RemoteAreaAnswer, TicketRef } from './contributed.type';

/** Ticket.chargeCheck: the charge check of the ticket's waybill, as Waybill.chargeCheck shows it. */
@Resolver(() => TicketRef)
export class TicketChargeCheckResolver {
  @Authorized(Scope.TRACKING_READ)
  @Directive('@requires(fields: "waybillNo")')
  @FieldResolver(() => ChargeCheck, {
    nullable: true,
    description: 'The charge check (运费核查) of the ticket’s waybill — the answer to an overcharging complaint (乱收费); null without a waybill, one you may not see, or no tariff at its pickup.',
  })
  async chargeCheck(@Root() ticket: TicketRef, @Ctx() ctx: TrackingContext): Promise<ChargeCheck | null> {
    if (!ticket.waybillNo) return null;
    // The waybill loader applies the caller's reach: another outlet's waybill loads as null.
    const row = await ctx.loaders.waybill.load(ticket.waybillNo);
    if (!row) return null;
    const check = chargeCheckOf(
      row,
      await ctx.loaders.tariffRules(),
    );
    return check && toChargeCheck(check);
  }
}

/** District.remoteArea and District.transitTime: the coverage answer's price and time halves. */
@Resolver(() => DistrictRef)
export class DistrictTariffResolver {
  @Authorized()
  @FieldResolver(() => RemoteAreaAnswer, { description: 'Whether delivering here costs extra (偏远附加费), by the tariff in force at `at` (now when absent). NOT_FOUND: NO_POLICY_IN_FORCE.' })
  async remoteArea(@Root() district: DistrictRef, @Arg('at', () => Date, { nullable: true }) at: Date | null, @Ctx() ctx: TrackingContext): Promise<RemoteAreaAnswer> {
    const tariff = policyInForce(
      await ctx.loaders.tariffRules(),
      at ?? ctx.loaders.now,
    );
    const { province } = placeOf(district.code, 'district');
    const surchargeApplies = inRemoteArea(district.code, tariff);
    const remoteProvince = tariff.remoteProvinces.includes(province);
    const parts = [
      surchargeApplies ? `属偏远地区，每件加收偏远附加费 ${formatYuan(tariff.remoteArea.fen)}` : '不收偏远附加费',
      remoteProvince ? `${PROVINCES[province]}为偏远省份，省外寄达按偏远地区计价` : null,
    ].filter(Boolean);
    return Object.assign(new RemoteAreaAnswer(), {
      tariffVersion: tariff.version,
      surchargeApplies,
      surchargeFen: surchargeApplies ? tariff.remoteArea.fen : 0,
      remoteProvince,
      explanationZh: `${district.code}：${parts.join('；')}（${tariff.version}）。`,
    });
  }

  @Authorized()
  @FieldResolver(() => DeliveryEstimate, {
    description: 'How long it usually takes (时效) from a district to this one at a service level, shipping now: the lane’s delivered parcels, or the level’s promise with too little history.',
  })
  async transitTime(
    @Root() district: DistrictRef,
    @Arg('fromDistrictCode') fromDistrictCode: string,
    @Arg('serviceLevel', () => ServiceLevel, { defaultValue: 'STANDARD' }) serviceLevel: ServiceLevel,
    @Ctx() ctx: TrackingContext,
  ): Promise<DeliveryEstimate> {
    const history = await ctx.loaders.laneHistory.load(laneHistoryKey(laneKey(fromDistrictCode, district.code), serviceLevel));
    const estimate = estimateDelivery({ shippedAt: ctx.loaders.now, lane: laneOf(fromDistrictCode, district.code), serviceLevel, history });
    return Object.assign(new DeliveryEstimate(), estimate, { promisedAt: estimate.expectedAt, late: false, lateSince: null });
  }
}
