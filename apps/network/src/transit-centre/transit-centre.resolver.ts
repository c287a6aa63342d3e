import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { found } from '../common/ids';
import { Contact, toContact } from '../contact/contact.type';
import type { NetworkContext } from '../network.loaders';
import { Outlet, toOutlet } from '../outlet/outlet.type';
import type { TransitCentreService } from './transit-centre.service';
import { TransitCentre, toTransitCentre } from './transit-centre.type';

/** Transit centres (分拨中心): directory data, readable by every network reader. */
@Resolver(() => TransitCentre)
export class TransitCentreResolver {
  constructor(private readonly centres: TransitCentreService) {}

  @Authorized(Scope.NETWORK_READ)
  @Query(() => TransitCentre, { nullable: true, description: 'A transit centre by id; NOT_FOUND (TRANSIT_CENTRE_NOT_FOUND) if none.' })
  async transitCentre(@Arg('id', () => ID) id: string, @Ctx() ctx: NetworkContext): Promise<TransitCentre> {
    return toTransitCentre(found(await ctx.loaders.transitCentre.load(id), 'TRANSIT_CENTRE_NOT_FOUND', 'transit centre', id));
  }

  @Authorized(Scope.NETWORK_READ)
  @Query(() => [TransitCentre], { description: 'The transit centres of a city (`4403` or `440300`).' })
  async transitCentres(@Arg('cityCode') cityCode: string): Promise<TransitCentre[]> {
    return (await this.centres.ofCity(cityCode)).map(toTransitCentre);
  }

  @FieldResolver(() => [Outlet], { description: 'Outlets this centre feeds, in code order.' })
  async outlets(@Root() centre: TransitCentre, @Ctx() ctx: NetworkContext): Promise<Outlet[]> {
    return (await ctx.loaders.outletsOfTransitCentre.load(centre.id)).map(toOutlet);
  }

  @FieldResolver(() => [Contact], { description: 'The centre’s CS desks (分拨中心客服), for parcels stalled or held there.' })
  async contacts(@Root() centre: TransitCentre, @Ctx() ctx: NetworkContext): Promise<Contact[]> {
    return (await ctx.loaders.contactsOfTransitCentre.load(centre.id)).map(toContact);
  }
}
