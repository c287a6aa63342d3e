import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, listSize, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { found } from '../common/ids';
import { MAX_AREAS_PER_COURIER } from '../common/list-bounds';
import { Courier, toCourier } from '../courier/courier.type';
import type { NetworkContext } from '../network.loaders';
import { Outlet, toOutlet } from '../outlet/outlet.type';
import { AreaMatch } from './area-match.type';
import { CreateDeliveryAreaInput, HandOverCourierAreasInput, HandOverDeliveryAreaInput, UpdateDeliveryAreaInput } from './delivery-area.input';
import type { DeliveryAreaService } from './delivery-area.service';
import { AreaAssignment, DeliveryArea, toAreaAssignment, toDeliveryArea } from './delivery-area.type';
import type { HandoverService } from './handover.service';
import type { WhoDeliversHereService } from './who-delivers-here.service';

/** A page of delivery areas (Relay). */
export const DeliveryAreaConnection = connectionType(DeliveryArea, 'DeliveryArea');

/** A page of an area's history (Relay). */
export const AreaAssignmentConnection = connectionType(AreaAssignment, 'AreaAssignment');

const courierOf = async (ctx: NetworkContext, id: string | null): Promise<Courier | null> => {
  if (!id) return null;
  const row = await ctx.loaders.courier.load(id);
  return row && toCourier(row);
};

/** Delivery areas (承包区), their history and "who delivers here". */
@Resolver(() => DeliveryArea)
export class DeliveryAreaResolver {
  constructor(
    private readonly areas: DeliveryAreaService,
    private readonly handovers: HandoverService,
    private readonly search: WhoDeliversHereService,
  ) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => DeliveryArea, { nullable: true, description: 'A delivery area by id; NOT_FOUND (DELIVERY_AREA_NOT_FOUND) if there is none.' })
  async deliveryArea(@Arg('id', () => ID) id: string, @Ctx() ctx: NetworkContext): Promise<DeliveryArea> {
    return toDeliveryArea(found(await ctx.loaders.deliveryArea.load(id), 'DELIVERY_AREA_NOT_FOUND', 'delivery area', id));
  }

  @Authorized(Scope.NETWORK_READ)
  @Directive('@listSize(slicingArguments: ["limit"])')
  @Query(() => [AreaMatch], { description: 'Who delivers here (谁派送这里): areas of a district whose street, name or landmark matches, best first.' })
  async whoDeliversHere(
    @Arg('districtCode') districtCode: string,
    @Arg('text') text: string,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
  ): Promise<AreaMatch[]> {
    return this.search.search(districtCode, text, limit);
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => DeliveryArea, { description: 'Add a delivery area, optionally with its first courier (one transaction).' })
  async createDeliveryArea(@Arg('input') input: CreateDeliveryAreaInput, @Ctx() ctx: NetworkContext): Promise<DeliveryArea> {
    return toDeliveryArea(await this.areas.create(ctx.identity, input));
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => DeliveryArea, { description: 'Rename an area or replace its landmarks.' })
  async updateDeliveryArea(@Arg('input') input: UpdateDeliveryAreaInput, @Ctx() ctx: NetworkContext): Promise<DeliveryArea> {
    return toDeliveryArea(await this.areas.update(ctx.identity, input));
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => DeliveryArea, { description: 'Hand an area to another courier of its outlet (交接); history keeps who covered it when.' })
  async handOverDeliveryArea(@Arg('input') input: HandOverDeliveryAreaInput, @Ctx() ctx: NetworkContext): Promise<DeliveryArea> {
    return toDeliveryArea(await this.handovers.handOverArea(ctx.identity, input));
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Directive(listSize(MAX_AREAS_PER_COURIER))
  @Mutation(() => [DeliveryArea], { description: 'Hand all areas of a courier to another (离职交接), all or nothing.' })
  async handOverCourierAreas(@Arg('input') input: HandOverCourierAreasInput, @Ctx() ctx: NetworkContext): Promise<DeliveryArea[]> {
    return (await this.handovers.handOverCourierAreas(ctx.identity, input)).map(toDeliveryArea);
  }

  @FieldResolver(() => Outlet)
  async outlet(@Root() area: DeliveryArea, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(found(await ctx.loaders.outlet.load(area.outletId), 'OUTLET_NOT_FOUND', 'outlet', area.outletId));
  }

  @FieldResolver(() => Courier, { nullable: true, description: 'Who covers it now; null if nobody.' })
  courier(@Root() area: DeliveryArea, @Ctx() ctx: NetworkContext): Promise<Courier | null> {
    return courierOf(ctx, area.currentCourierId);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AreaAssignmentConnection, { description: 'Who covered it when (承包记录), newest first.' })
  async assignments(@Root() area: DeliveryArea, @Args() page: PageArgs, @Ctx() ctx: NetworkContext) {
    return mapPage(await ctx.loaders.assignmentsOfArea.load({ parentId: area.id, first: page.first, after: page.after }), toAreaAssignment);
  }
}

/** Relations of history steps and search answers, through the request's loaders. */
@Resolver(() => AreaAssignment)
export class AreaAssignmentResolver {
  @FieldResolver(() => Courier, { nullable: true })
  courier(@Root() step: AreaAssignment, @Ctx() ctx: NetworkContext): Promise<Courier | null> {
    return courierOf(ctx, step.courierId);
  }
}

@Resolver(() => AreaMatch)
export class AreaMatchResolver {
  @FieldResolver(() => Outlet, { description: 'The outlet that delivers there (always shown: directory data).' })
  async outlet(@Root() match: AreaMatch, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(found(await ctx.loaders.outlet.load(match.outletId), 'OUTLET_NOT_FOUND', 'outlet', match.outletId));
  }

  @FieldResolver(() => Courier, { nullable: true, description: 'Who covers the area now; null if nobody.' })
  courier(@Root() match: AreaMatch, @Ctx() ctx: NetworkContext): Promise<Courier | null> {
    return courierOf(ctx, match.courierId);
  }
}
