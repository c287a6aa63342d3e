import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { listSize } from '@courierdesk/platform-subgraph';
import { waybillReach } from '../common/access';
import { CreateWaybillStatus } from '../common/enums';
import { MAX_ITEM_REASONS, MAX_WAYBILL_RESULTS } from '../common/list-bounds';
import { trackingError } from '../common/tracking.errors';
import { ItemRejection } from '../common/item-rejection.type';
import type { TrackingContext } from '../tracking.loaders';
import type { CreateWaybillsService } from './create-waybills.service';
import { CreateWaybillInput, CreateWaybillsInput } from './waybill.input';
import { Waybill, toWaybill } from './waybill.type';

/** The outcome of createWaybill. */
@ObjectType()
export class CreateWaybillPayload {
  @Field()
  waybillNo: string;
}

/** What became of one waybill of a batch. */
@ObjectType()
export class CreateWaybillResult {
  @Field(() => Int)
  index: number;

  @Field()
  waybillNo: string;

  @Field(() => CreateWaybillStatus)
  status: keyof typeof CreateWaybillStatus;

  @Directive(listSize(MAX_ITEM_REASONS))
  @Field(() => [ItemRejection])
  reasons: ItemRejection[];
}

/** The outcome of createWaybills. */
@ObjectType()
export class CreateWaybillsPayload {
  @Directive(listSize(MAX_WAYBILL_RESULTS))
  @Field(() => [CreateWaybillResult], { description: 'One per waybill, in input order.' })
  results: CreateWaybillResult[];

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  duplicates: number;

  @Field(() => Int)
  rejected: number;
}

/**
 * Creating waybills (下单) needs tracking:ingest, and a reach (waybillReach): an outlet's own
 * system creates its outlet's waybills; an HQ or platform order system, bound to no outlet, needs
 * tracking:ingest:any. The created waybill can be read back only with tracking:read as well: an
 * ingest-only token learns the number, nothing else.
 */
@Resolver(() => CreateWaybillPayload)
export class CreateWaybillResolver {
  constructor(private readonly creation: CreateWaybillsService) {}

  @Authorized(Scope.TRACKING_INGEST)
  @Mutation(() => CreateWaybillPayload, { description: 'Create a waybill. BAD_USER_INPUT (INVALID_WAYBILL_NO …), CONFLICT (WAYBILL_EXISTS). An outlet-bound token creates waybills its outlet originates; any outlet needs tracking:ingest:any (FORBIDDEN, SCOPE_MISSING).' })
  async createWaybill(@Arg('input') input: CreateWaybillInput, @Ctx() ctx: TrackingContext): Promise<CreateWaybillPayload> {
    waybillReach(ctx.identity);
    return { waybillNo: await this.creation.createOne(ctx.identity, input) };
  }

  @Authorized(Scope.TRACKING_INGEST)
  @Mutation(() => CreateWaybillsPayload, { description: 'Create up to 1,000 waybills in one statement; one result per waybill (existing numbers: DUPLICATE).' })
  async createWaybills(@Arg('input') input: CreateWaybillsInput, @Ctx() ctx: TrackingContext): Promise<CreateWaybillsPayload> {
    waybillReach(ctx.identity);
    const results = await this.creation.createMany(ctx.identity, input.waybills);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return { results, created: count('CREATED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED') };
  }

  @Authorized(Scope.TRACKING_READ)
  @FieldResolver(() => Waybill, { nullable: true, description: 'The waybill as created (needs tracking:read).' })
  async waybill(@Root() payload: CreateWaybillPayload, @Ctx() ctx: TrackingContext): Promise<Waybill> {
    const row = await ctx.loaders.waybill.load(payload.waybillNo);
    if (!row) throw trackingError('WAYBILL_NOT_FOUND', `No waybill ${payload.waybillNo}`);
    return toWaybill(row);
  }
}
