import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { trackingError } from '../common/tracking.errors';
import { placeRef, ScanLocation } from '../network-refs/network-refs.type';
import type { TrackingContext } from '../tracking.loaders';
import { referenceId } from '../waybill/waybill.filter';
import { Waybill, toWaybill } from '../waybill/waybill.type';
import { canSeeHeadlessParcel, readerOutlet, registrationReach } from './headless.access';
import { HeadlessParcelFilter, RegisterHeadlessParcelInput } from './headless.input';
import { HeadlessParcel, toHeadlessParcel } from './headless.type';
import type { HeadlessParcelService } from './headless-parcel.service';

/** A page of headless parcels (Relay). */
export const HeadlessParcelConnection = connectionType(HeadlessParcel, 'HeadlessParcel');

/** Headless parcels (无头件): registering, lists, one by id. Who may do what: headless.access.ts. */
@Resolver(() => HeadlessParcel)
export class HeadlessParcelResolver {
  constructor(private readonly parcels: HeadlessParcelService) {}

  @Authorized()
  @Mutation(() => HeadlessParcel, {
    description:
      'Register a parcel found without its label (无头件登记). An outlet-bound token registers at its own outlet (FORBIDDEN, HEADLESS_PLACE_OUTSIDE_OUTLET); ' +
      'anywhere: tracking:ingest:any, HQ agents with tickets:write, admins. BAD_USER_INPUT: INVALID_HEADLESS_PARCEL_INPUT, INVALID_REFERENCE_ID, INVALID_TEXT.',
  })
  async registerHeadlessParcel(@Arg('input') input: RegisterHeadlessParcelInput, @Ctx() ctx: TrackingContext): Promise<HeadlessParcel> {
    const reach = registrationReach(ctx.identity);
    return toHeadlessParcel(await this.parcels.register(ctx.identity.subject, reach, input));
  }

  @Authorized(Scope.TRACKING_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => HeadlessParcelConnection, { description: 'Headless parcels (无头件列表), newest found first; an outlet-bound caller sees those found at its own outlet only.' })
  async headlessParcels(@Arg('filter', () => HeadlessParcelFilter, { nullable: true }) filter: HeadlessParcelFilter | null, @Args() page: PageArgs, @Ctx() ctx: TrackingContext) {
    const f = filter ?? {};
    if (f.foundFrom && f.foundTo && f.foundFrom > f.foundTo) throw trackingError('INVALID_TIME_RANGE', 'filter.foundFrom must not be after filter.foundTo');
    const criteria = {
      placeId: f.placeId ? referenceId(f.placeId, 'filter.placeId') : null,
      status: f.status ?? null,
      foundFrom: f.foundFrom ?? null,
      foundTo: f.foundTo ?? null,
      ownOutlet: readerOutlet(ctx.identity),
    };
    return mapPage(await this.parcels.page(criteria, page), toHeadlessParcel);
  }

  @Authorized(Scope.TRACKING_READ)
  @Query(() => HeadlessParcel, { nullable: true, description: 'A headless parcel by id. NOT_FOUND (HEADLESS_PARCEL_NOT_FOUND), also for an outlet-bound caller and another place’s parcel.' })
  async headlessParcel(@Arg('id', () => ID) id: string, @Ctx() ctx: TrackingContext): Promise<HeadlessParcel> {
    const row = await ctx.loaders.headlessParcel.load(referenceId(id, 'id'));
    if (!row || !canSeeHeadlessParcel(ctx.identity, row)) throw trackingError('HEADLESS_PARCEL_NOT_FOUND', `No headless parcel ${id}`);
    return toHeadlessParcel(row);
  }

  @FieldResolver(() => ScanLocation, { description: 'Where it was found: a TransitCentre (分拨中心) or an Outlet (网点).' })
  foundLocation(@Root() parcel: HeadlessParcel): ScanLocation {
    return placeRef({ kind: parcel.row.foundPlaceKind, id: parcel.row.foundPlaceId }) as ScanLocation;
  }

  @FieldResolver(() => Waybill, { nullable: true, description: 'The waybill it was matched to (认领运单), when you may see it.' })
  async matchedWaybill(@Root() parcel: HeadlessParcel, @Ctx() ctx: TrackingContext): Promise<Waybill | null> {
    if (!parcel.row.matchedWaybillNo) return null;
    const row = await ctx.loaders.waybill.load(parcel.row.matchedWaybillNo);
    return row && toWaybill(row);
  }
}
