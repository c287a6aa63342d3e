import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { found } from '../common/ids';
import { Courier, toCourier } from '../courier/courier.type';
import type { NetworkContext } from '../network.loaders';
import { Outlet, toOutlet } from '../outlet/outlet.type';
import type { CoverageService } from './coverage.service';
import { Coverage, MAX_COVERAGE_MATCHES } from './coverage.type';

/** "Do we deliver here" (派送范围查询). */
@Resolver(() => Coverage)
export class CoverageResolver {
  constructor(private readonly coverages: CoverageService) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => Coverage, {
    description:
      'Do we deliver here (派送范围): a district (six-digit code) and optionally a street, address or landmark (≤ 50 characters). ' +
      'BAD_USER_INPUT (INVALID_DISTRICT_CODE) for a malformed or non-district code, NOT_FOUND (DISTRICT_NOT_FOUND) for a code the register does not list.',
  })
  coverage(
    @Arg('districtCode') districtCode: string,
    @Arg('text', () => String, { nullable: true, description: 'Street (街道), address or landmark (地标); without it the district as a whole is answered.' }) text: string | null,
    @Arg('limit', () => Int, { defaultValue: 5, description: `How many matching areas to list, 1–${MAX_COVERAGE_MATCHES}.` }) limit: number,
    @Ctx() ctx: NetworkContext,
  ): Promise<Coverage> {
    return this.coverages.coverage(ctx, districtCode, text, limit);
  }

  @FieldResolver(() => Outlet, { nullable: true, description: 'The outlet that delivers the best-matching area; null without a match.' })
  async outlet(@Root() coverage: Coverage, @Ctx() ctx: NetworkContext): Promise<Outlet | null> {
    if (!coverage.outletId) return null;
    return toOutlet(found(await ctx.loaders.outlet.load(coverage.outletId), 'OUTLET_NOT_FOUND', 'outlet', coverage.outletId));
  }

  @FieldResolver(() => Courier, { nullable: true, description: 'Who covers the best-matching area now; null without a match or a courier. Name and phone masked as on every Courier.' })
  async courier(@Root() coverage: Coverage, @Ctx() ctx: NetworkContext): Promise<Courier | null> {
    if (!coverage.courierId) return null;
    const row = await ctx.loaders.courier.load(coverage.courierId);
    return row && toCourier(row);
  }

  @FieldResolver(() => String, { description: 'One sentence to read to the customer (答复话术), in Chinese: `440305 南山区 粤海街道: 由 科技园网点 派送，快递员 张*；区内自提点 2 个`.' })
  explanationZh(@Root() coverage: Coverage, @Ctx() ctx: NetworkContext): Promise<string> {
    return this.coverages.explain(coverage, ctx, 'zh');
  }

  @FieldResolver(() => String, { description: 'The same sentence in English.' })
  explanation(@Root() coverage: Coverage, @Ctx() ctx: NetworkContext): Promise<string> {
    return this.coverages.explain(coverage, ctx, 'en');
  }
}
