import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, listSize, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { found } from '../common/ids';
import { MAX_AREAS_PER_COURIER } from '../common/list-bounds';
import { DeliveryArea, toDeliveryArea } from '../delivery-area/delivery-area.type';
import type { NetworkContext } from '../network.loaders';
import { Outlet, toOutlet } from '../outlet/outlet.type';
import { CreateCourierInput, UpdateCourierInput } from './courier.input';
import type { CourierService } from './courier.service';
import { Courier, toCourier } from './courier.type';

/** A page of couriers (Relay). */
export const CourierConnection = connectionType(Courier, 'Courier');

/** Couriers (快递员): directory data for every network reader; names and phones are personal data (courier.type.ts). */
@Resolver(() => Courier)
export class CourierResolver {
  constructor(private readonly couriers: CourierService) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => Courier, { nullable: true, description: 'A courier by id; NOT_FOUND (COURIER_NOT_FOUND) if there is none.' })
  async courier(@Arg('id', () => ID) id: string, @Ctx() ctx: NetworkContext): Promise<Courier> {
    return toCourier(found(await ctx.loaders.courier.load(id), 'COURIER_NOT_FOUND', 'courier', id));
  }

  @Authorized(Scope.NETWORK_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => CourierConnection, { description: 'An outlet’s couriers in code order.' })
  async couriersOfOutlet(
    @Arg('outletId', () => ID) outletId: string,
    @Args() page: PageArgs,
    @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ) {
    return mapPage(await this.couriers.ofOutlet(outletId, page, includeInactive), toCourier);
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => Courier, { description: 'Add a courier. CONFLICT (COURIER_CODE_TAKEN, EMPLOYEE_NO_TAKEN) on duplicates.' })
  async createCourier(@Arg('input') input: CreateCourierInput, @Ctx() ctx: NetworkContext): Promise<Courier> {
    return toCourier(await this.couriers.create(ctx.identity, input));
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => Courier, { description: 'Change or deactivate a courier (hand their areas over first).' })
  async updateCourier(@Arg('input') input: UpdateCourierInput, @Ctx() ctx: NetworkContext): Promise<Courier> {
    return toCourier(await this.couriers.update(ctx.identity, input));
  }

  @FieldResolver(() => Outlet)
  async outlet(@Root() courier: Courier, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(found(await ctx.loaders.outlet.load(courier.outletId), 'OUTLET_NOT_FOUND', 'outlet', courier.outletId));
  }

  @Directive(listSize(MAX_AREAS_PER_COURIER))
  @FieldResolver(() => [DeliveryArea], { description: `Areas the courier covers now, by name (at most ${MAX_AREAS_PER_COURIER}).` })
  async areas(@Root() courier: Courier, @Ctx() ctx: NetworkContext): Promise<DeliveryArea[]> {
    return (await ctx.loaders.areasOfCourier.load(courier.id)).slice(0, MAX_AREAS_PER_COURIER).map(toDeliveryArea);
  }
}
