import { Arg, Authorized, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { estimateDelivery, laneKey, laneOf } from '@courierdesk/domain-parcel';
import { policyInForce } from '@courierdesk/domain-sla';
import { quote, type Shipment } from '@courierdesk/domain-tariff';
import { Scope } from '@courierdesk/platform-auth';
import { listSize } from '@courierdesk/platform-subgraph';
import { trackingError } from '../common/tracking.errors';
import { laneHistoryKey } from '../eta/eta.loaders';
import { DeliveryEstimate } from '../eta/eta.type';
import type { TrackingContext } from '../tracking.loaders';
import { Quote, toPrice } from './price.type';
import { PublishTariffInput, QuoteInput } from './tariff.input';
import type { TariffService } from './tariff.service';
import { ASSUMED_RULE_VERSIONS, Tariff, toTariff } from './tariff.type';

/** The shipment a quote input describes. */
export const shipmentOf = (input: QuoteInput): Shipment => ({
  originDistrictCode: input.originDistrictCode,
  destinationDistrictCode: input.destinationDistrictCode,
  serviceLevel: input.serviceLevel,
  weightGrams: input.weightGrams,
  dimensionsCm: input.dimensions ? { length: input.dimensions.lengthCm, width: input.dimensions.widthCm, height: input.dimensions.heightCm } : null,
  insuredValueFen: input.insuredValueFen ?? 0,
  upstairsFloors: input.upstairsFloors ?? 0,
});

/**
 * Tariffs and quotes (资费与报价): readable by every caller with a token, scanners included —
 * prices are public; publishing a version is HQ's (rules:publish, never outlet-bound).
 */
@Resolver()
export class TariffResolver {
  constructor(private readonly publisher: TariffService) {}

  @Authorized()
  @Directive(listSize(ASSUMED_RULE_VERSIONS))
  @Query(() => [Tariff], { description: 'Every published tariff version (资费版本), oldest first.' })
  async tariffs(@Ctx() ctx: TrackingContext): Promise<Tariff[]> {
    return (await ctx.loaders.publishedTariffs()).map(toTariff);
  }

  @Authorized()
  @Query(() => Tariff, {
    description: 'A tariff version by name, or the one in force at `at` (now when absent). NOT_FOUND: TARIFF_NOT_FOUND, or NO_POLICY_IN_FORCE before the first version.',
  })
  async tariff(
    @Arg('version', () => String, { nullable: true }) version: string | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
    @Ctx() ctx: TrackingContext,
  ): Promise<Tariff> {
    // One read of the versions for both ways of asking (the request's loader has them).
    const published = await ctx.loaders.publishedTariffs();
    const wanted = version ?? policyInForce(published.map((p) => p.rule), at ?? ctx.loaders.now).version;
    const found = published.find((p) => p.rule.version === wanted);
    if (!found) throw trackingError('TARIFF_NOT_FOUND', `No published version ${wanted}`);
    return toTariff(found);
  }

  @Authorized()
  @Query(() => Quote, {
    description:
      'How much and how long (报价与时效): the price by the tariff in force at `at` (now when absent), with its breakdown, and the expected transit from the lane’s history. ' +
      'BAD_USER_INPUT: INVALID_WEIGHT, INVALID_DIMENSIONS, INVALID_AMOUNT, INVALID_FLOORS, INVALID_DISTRICT_CODE, DISTRICT_CODE_REQUIRED; NOT_FOUND: NO_POLICY_IN_FORCE.',
  })
  async quote(@Arg('input') input: QuoteInput, @Ctx() ctx: TrackingContext): Promise<Quote> {
    const at = input.at ?? ctx.loaders.now;
    const price = quote(
      await ctx.loaders.tariffRules(),
      shipmentOf(input),
      at,
    );
    const lane = laneKey(input.originDistrictCode, input.destinationDistrictCode);
    const history = await ctx.loaders.laneHistory.load(laneHistoryKey(lane, input.serviceLevel));
    const estimate = estimateDelivery({ shippedAt: at, lane: laneOf(input.originDistrictCode, input.destinationDistrictCode), serviceLevel: input.serviceLevel, history });
    const transit = Object.assign(new DeliveryEstimate(), estimate, { promisedAt: estimate.expectedAt, late: false, lateSince: null });
    return Object.assign(toPrice(new Quote(), price), { transit });
  }

  @Authorized(Scope.RULES_PUBLISH)
  @Mutation(() => Tariff, {
    description:
      'Publish a new tariff version (发布资费) made from an existing one; versions are never edited. HQ only (FORBIDDEN: RULES_PUBLISH_HQ_ONLY, SCOPE_MISSING). ' +
      'BAD_USER_INPUT: INVALID_TARIFF, RULE_EFFECTIVE_IN_PAST; NOT_FOUND: TARIFF_NOT_FOUND; CONFLICT: RULE_VERSION_EXISTS.',
  })
  async publishTariff(@Arg('input') input: PublishTariffInput, @Ctx() ctx: TrackingContext): Promise<Tariff> {
    return toTariff(await this.publisher.publish(ctx.identity, input));
  }
}
