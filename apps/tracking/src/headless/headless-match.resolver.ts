import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { HEADLESS_MATCH_POLICY } from '@courierdesk/domain-parcel';
import { Scope } from '@courierdesk/platform-auth';
import { listSize, platformError, referenceArg, uuidArg } from '@courierdesk/platform-subgraph';
import { trackingError } from '../common/tracking.errors';
import type { TrackingContext } from '../tracking.loaders';
import { waybillNoArgument } from '../waybill/waybill.filter';
import { Waybill, toWaybill } from '../waybill/waybill.type';
import { assertMayConfirm } from './headless.access';
import { ConfirmHeadlessMatchInput, SearchHeadlessParcelsInput } from './headless.input';
import { HeadlessMatchProposal, HeadlessParcel, HeadlessSearch, toHeadlessParcel, toHeadlessProposal, toHeadlessSearch } from './headless.type';
import type { HeadlessMatchService } from './headless-match.service';

/** Most searches Waybill.headlessSearches returns; the default. */
export const MAX_HEADLESS_SEARCHES = 20;
const DEFAULT_HEADLESS_SEARCHES = 5;

/** The outcome of confirmHeadlessMatch. */
@ObjectType({ description: 'A confirmed match (已认领): the parcel, and the scan that relabelled it onto its waybill.' })
export class ConfirmHeadlessMatchPayload {
  @Field(() => HeadlessParcel)
  parcel: HeadlessParcel;

  @Field(() => ID, { description: 'The relabelling scan (ScanEvent id): an arrival at the place it was found, now.' })
  scanEventId: string;

  waybillNo: string;
}

/** Searching headless parcels for a waybill and confirming a match (查找无头件、确认认领). */
@Resolver(() => ConfirmHeadlessMatchPayload)
export class HeadlessMatchResolver {
  constructor(private readonly matches: HeadlessMatchService) {}

  @Authorized(Scope.TRACKING_READ, Scope.TICKETS_WRITE)
  @Mutation(() => HeadlessSearch, {
    description:
      `Search the open headless parcels (查找无头件) for a waybill you can see, not delivered or returned (CONFLICT, WAYBILL_FINISHED); records the search and its ranked proposals (at most ${HEADLESS_MATCH_POLICY.maxProposals}) ` +
      'with the policy version. NOT_FOUND (WAYBILL_NOT_FOUND) for a waybill you may not see.',
  })
  async searchHeadlessParcels(@Arg('input') input: SearchHeadlessParcelsInput, @Ctx() ctx: TrackingContext): Promise<HeadlessSearch> {
    const number = waybillNoArgument(input.waybillNo, 'input.waybillNo');
    const waybill = await ctx.loaders.waybill.load(number);
    if (!waybill) throw trackingError('WAYBILL_NOT_FOUND', `No waybill ${number}`);
    const { search, proposals } = await this.matches.search(ctx.identity.subject, waybill, input);
    ctx.loaders.headlessProposals.prime(search.id, proposals);
    return toHeadlessSearch(search);
  }

  @Authorized(Scope.TRACKING_READ, Scope.TICKETS_WRITE)
  @Mutation(() => ConfirmHeadlessMatchPayload, {
    description:
      'Confirm a proposed headless parcel as the waybill’s (确认认领), at HQ (FORBIDDEN, HEADLESS_CONFIRM_HQ_ONLY for outlet-bound tokens): the parcel becomes MATCHED and is relabelled with an ' +
      'ARRIVED_AT_HUB (found at a hub) or ARRIVED_AT_OUTLET scan at the place it was found. NOT_FOUND: HEADLESS_PROPOSAL_NOT_FOUND; CONFLICT: HEADLESS_PARCEL_NOT_OPEN, WAYBILL_ALREADY_MATCHED, ' +
      'HEADLESS_PARCEL_VERSION_CONFLICT, WAYBILL_FINISHED.',
  })
  async confirmHeadlessMatch(@Arg('input') input: ConfirmHeadlessMatchInput, @Ctx() ctx: TrackingContext): Promise<ConfirmHeadlessMatchPayload> {
    assertMayConfirm(ctx.identity);
    const number = waybillNoArgument(input.waybillNo, 'input.waybillNo');
    const headlessParcelId = uuidArg(input.headlessParcelId, 'input.headlessParcelId');
    const searchId = referenceArg(input.searchId, 'input.searchId');
    if (!(await ctx.loaders.waybill.load(number))) throw trackingError('WAYBILL_NOT_FOUND', `No waybill ${number}`);
    const { parcel, scanEventId } = await this.matches.confirm(ctx.identity.subject, { waybillNo: number, headlessParcelId, searchId, expectedVersion: input.expectedVersion ?? null });
    // The waybill moved on: its row is read again if asked for.
    ctx.loaders.waybill.clear(number);
    ctx.loaders.headlessParcel.clear(parcel.id).prime(parcel.id, parcel);
    return Object.assign(new ConfirmHeadlessMatchPayload(), { parcel: toHeadlessParcel(parcel), scanEventId, waybillNo: number });
  }

  @FieldResolver(() => Waybill, { nullable: true, description: 'The waybill after the relabelling scan.' })
  async waybill(@Root() payload: ConfirmHeadlessMatchPayload, @Ctx() ctx: TrackingContext): Promise<Waybill | null> {
    const row = await ctx.loaders.waybill.load(payload.waybillNo);
    return row && toWaybill(row);
  }
}

/** A search's proposals. */
@Resolver(() => HeadlessSearch)
export class HeadlessSearchResolver {
  @Directive(listSize(HEADLESS_MATCH_POLICY.maxProposals))
  @FieldResolver(() => [HeadlessMatchProposal], { description: 'The proposed parcels, best first (匹配建议).' })
  async proposals(@Root() search: HeadlessSearch, @Ctx() ctx: TrackingContext): Promise<HeadlessMatchProposal[]> {
    return (await ctx.loaders.headlessProposals.load(search.id)).map(toHeadlessProposal);
  }
}

/** A proposal's parcel: seen by whoever sees the waybill the search was for. */
@Resolver(() => HeadlessMatchProposal)
export class HeadlessProposalResolver {
  @FieldResolver(() => HeadlessParcel, { nullable: true })
  async parcel(@Root() proposal: HeadlessMatchProposal, @Ctx() ctx: TrackingContext): Promise<HeadlessParcel | null> {
    const row = await ctx.loaders.headlessParcel.load(proposal.row.headlessParcelId);
    return row && toHeadlessParcel(row);
  }
}

/** Tracking's headless searches on Waybill (运单的无头件查找记录). */
@Resolver(() => Waybill)
export class WaybillHeadlessResolver {
  @Authorized(Scope.TRACKING_READ)
  @Directive(`@listSize(assumedSize: ${DEFAULT_HEADLESS_SEARCHES}, slicingArguments: ["first"], requireOneSlicingArgument: false)`)
  @FieldResolver(() => [HeadlessSearch], { description: `Searches among headless parcels (无头件查找记录) for this waybill, newest first, with their proposals: a claim for a lost parcel shows them. first: 1–${MAX_HEADLESS_SEARCHES}.` })
  async headlessSearches(@Root() waybill: Waybill, @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_HEADLESS_SEARCHES }) first: number, @Ctx() ctx: TrackingContext): Promise<HeadlessSearch[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_HEADLESS_SEARCHES) throw platformError('INVALID_PAGE_SIZE', `first must be between 1 and ${MAX_HEADLESS_SEARCHES}`);
    return (await ctx.loaders.headlessSearches.load({ waybillNo: waybill.waybillNo, first })).map(toHeadlessSearch);
  }
}
