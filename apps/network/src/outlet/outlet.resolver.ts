import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, listSize, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { found } from '../common/ids';
import { MAX_CONTACTS } from '../common/list-bounds';
import { Contact, toContact } from '../contact/contact.type';
import { CourierConnection } from '../courier/courier.resolver';
import { toCourier } from '../courier/courier.type';
import { DeliveryAreaConnection } from '../delivery-area/delivery-area.resolver';
import { toDeliveryArea } from '../delivery-area/delivery-area.type';
import type { NetworkContext } from '../network.loaders';
import { TransitCentre, toTransitCentre } from '../transit-centre/transit-centre.type';
import { CreateOutletInput, OutletFilter, UpdateOutletInput } from './outlet.input';
import type { OutletService } from './outlet.service';
import { Outlet, toOutlet } from './outlet.type';

/** A page of outlets (Relay). */
export const OutletConnection = connectionType(Outlet, 'Outlet');

/** Outlets (网点): thin — arguments to the service or a loader, rows to the schema type. */
@Resolver(() => Outlet)
export class OutletResolver {
  constructor(private readonly directory: OutletService) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => Outlet, { nullable: true, description: 'An outlet by id; NOT_FOUND (OUTLET_NOT_FOUND) if there is none.' })
  async outlet(@Arg('id', () => ID) id: string, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(found(await ctx.loaders.outlet.load(id), 'OUTLET_NOT_FOUND', 'outlet', id));
  }

  @Authorized(Scope.NETWORK_READ)
  @Query(() => Outlet, { nullable: true, description: 'An outlet by its code (网点编号), e.g. `440305-001`.' })
  async outletByCode(@Arg('code') code: string): Promise<Outlet> {
    return toOutlet(found(await this.directory.byCode(code), 'OUTLET_NOT_FOUND', 'outlet', code));
  }

  @Authorized(Scope.NETWORK_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => OutletConnection, { description: 'The outlet directory in code order, filtered by region, kind and text.' })
  async outlets(@Arg('filter', () => OutletFilter, { nullable: true }) filter: OutletFilter | null, @Args() page: PageArgs) {
    return mapPage(await this.directory.list(filter, page), toOutlet);
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => Outlet, { description: 'Open an outlet (HQ only). CONFLICT (OUTLET_CODE_TAKEN) if the code is in use.' })
  async createOutlet(@Arg('input') input: CreateOutletInput, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(await this.directory.create(ctx.identity, input));
  }

  @Authorized(Scope.NETWORK_WRITE)
  @Mutation(() => Outlet, { description: 'Change an outlet; its own manager may, except kind and transit centre.' })
  async updateOutlet(@Arg('input') input: UpdateOutletInput, @Ctx() ctx: NetworkContext): Promise<Outlet> {
    return toOutlet(await this.directory.update(ctx.identity, input));
  }

  @FieldResolver(() => TransitCentre, { nullable: true, description: 'Upstream transit centre (上级分拨中心).' })
  async transitCentre(@Root() outlet: Outlet, @Ctx() ctx: NetworkContext): Promise<TransitCentre | null> {
    if (!outlet.transitCentreId) return null;
    const row = await ctx.loaders.transitCentre.load(outlet.transitCentreId);
    return row && toTransitCentre(row);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => CourierConnection, { description: 'Couriers in code order; phones masked outside your outlet.' })
  async couriers(@Root() outlet: Outlet, @Args() page: PageArgs, @Ctx() ctx: NetworkContext, @Arg('includeInactive', { defaultValue: false }) includeInactive: boolean) {
    return mapPage(await ctx.loaders.couriersOfOutlet.load({ parentId: outlet.id, first: page.first, after: page.after, includeInactive }), toCourier);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => DeliveryAreaConnection, { description: 'Delivery areas (承包区) by name.' })
  async deliveryAreas(@Root() outlet: Outlet, @Args() page: PageArgs, @Ctx() ctx: NetworkContext) {
    return mapPage(await ctx.loaders.areasOfOutlet.load({ parentId: outlet.id, first: page.first, after: page.after }), toDeliveryArea);
  }

  @Directive(listSize(MAX_CONTACTS))
  @FieldResolver(() => [Contact], { description: `The outlet’s desks and manager (at most ${MAX_CONTACTS}); names and phones masked outside your outlet or without pii:read.` })
  async contacts(@Root() outlet: Outlet, @Ctx() ctx: NetworkContext): Promise<Contact[]> {
    return (await ctx.loaders.contactsOfOutlet.load(outlet.id)).slice(0, MAX_CONTACTS).map(toContact);
  }
}
