import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, listSize, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { found } from '../common/ids';
import { MAX_CONTACTS, MAX_TRANSIT_CENTRES_PER_CITY } from '../common/list-bounds';
import { Contact, toContact } from '../contact/contact.type';
import type { NetworkContext } from '../network.loaders';
import { OutletConnection } from '../outlet/outlet.resolver';
import { toOutlet } from '../outlet/outlet.type';
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
  @Directive(listSize(MAX_TRANSIT_CENTRES_PER_CITY))
  @Query(() => [TransitCentre], { description: 'The transit centres of a city (`4403` or `440300`).' })
  async transitCentres(@Arg('cityCode') cityCode: string): Promise<TransitCentre[]> {
    return (await this.centres.ofCity(cityCode)).map(toTransitCentre);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => OutletConnection, { description: 'Outlets this centre feeds, in code order (hundreds for a big city: paged).' })
  async outlets(@Root() centre: TransitCentre, @Args() page: PageArgs, @Ctx() ctx: NetworkContext) {
    return mapPage(await ctx.loaders.outletsOfTransitCentre.load({ parentId: centre.id, first: page.first, after: page.after }), toOutlet);
  }

  @Directive(listSize(MAX_CONTACTS))
  @FieldResolver(() => [Contact], { description: `The centre’s CS desks (分拨中心客服), for parcels stalled or held there; at most ${MAX_CONTACTS}.` })
  async contacts(@Root() centre: TransitCentre, @Ctx() ctx: NetworkContext): Promise<Contact[]> {
    return (await ctx.loaders.contactsOfTransitCentre.load(centre.id)).slice(0, MAX_CONTACTS).map(toContact);
  }
}
