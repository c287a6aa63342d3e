import { Arg, Args, Authorized, Ctx, Directive, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ClaimStatus } from '@courierdesk/domain-liability';
import { parseWaybillNo } from '@courierdesk/domain-parcel';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, connectionType, mapPage, PageArgs } from '@courierdesk/platform-subgraph';
import { ClaimType } from '../common/enums';
import { referenceArg } from '@courierdesk/platform-subgraph';
import type { ClaimsContext } from '../claims.loaders';
import type { ClaimFinderService } from './claim-finder.service';
import type { ClaimWorkflowService } from './claim-workflow.service';
import type { FileClaimService } from './file-claim.service';
import { AddClaimEvidenceInput, ClaimVersionInput, DecideClaimInput, FileClaimInput, RejectClaimInput, ReviewClaimInput } from './claim.input';
import { Claim, ClaimEvidence, toClaim } from './claim.type';

/** A page of claims. */
export const ClaimConnection = connectionType(Claim, 'Claim');

/** Filters of the claims list; each is an indexed column. */
@InputType({ description: 'Filters of the claims list; absent filters do not filter.' })
export class ClaimFilter {
  @Field(() => [ClaimStatus], { nullable: true })
  status?: string[] | null;

  @Field(() => [ClaimType], { nullable: true })
  kind?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Claims this outlet is party to (the waybill’s origin or destination outlet).' })
  outletId?: string | null;

  @Field(() => String, { nullable: true })
  waybillNo?: string | null;
}

/** A piece of evidence and the claim it was added to. */
@ObjectType()
export class AddClaimEvidencePayload {
  @Field(() => ClaimEvidence)
  evidence: ClaimEvidence;

  @Field(() => Claim)
  claim: Claim;
}

/** Claims: the queries and the changes of a claim's life. Thin: arguments → service → type. */
@Resolver(() => Claim)
export class ClaimResolver {
  constructor(
    private readonly finder: ClaimFinderService,
    private readonly filing: FileClaimService,
    private readonly workflow: ClaimWorkflowService,
  ) {}

  @Authorized(Scope.CLAIMS_READ)
  @Query(() => Claim, { description: 'A claim by id or number (give one); NOT_FOUND (CLAIM_NOT_FOUND) if none, or not yours.' })
  async claim(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('number', () => String, { nullable: true }) number: string | null,
    @Ctx() ctx: ClaimsContext,
  ): Promise<Claim> {
    return toClaim(await this.finder.one(ctx.identity, ctx.loaders, id, number));
  }

  @Authorized(Scope.CLAIMS_READ)
  @Directive(CONNECTION_SIZE)
  @Query(() => ClaimConnection, { description: 'Claims, newest first, filtered; your outlet’s only when outlet-bound.' })
  async claims(@Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | null, @Args() page: PageArgs, @Ctx() ctx: ClaimsContext) {
    const f = filter ?? {};
    const result = await this.finder.page(
      ctx.identity,
      ctx.loaders,
      {
        statuses: f.status?.length ? f.status : null,
        kinds: f.kind?.length ? f.kind : null,
        outletId: referenceArg(f.outletId, 'outletId'),
        waybillNo: f.waybillNo?.trim() ? parseWaybillNo(f.waybillNo) : null,
      },
      page,
    );
    return mapPage(result, toClaim);
  }

  @Authorized(Scope.CLAIMS_WRITE)
  @Mutation(() => Claim, { description: 'Files a claim (提交理赔) from a ticket or for a waybill; bad amounts and a late claim are refused by the liability rules, nothing written.' })
  async fileClaim(@Arg('input', () => FileClaimInput) input: FileClaimInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.filing.file(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_WRITE)
  @Mutation(() => AddClaimEvidencePayload, { description: 'Adds a piece of evidence (补充材料) to an open claim, as one of the items its kind asks for.' })
  async addClaimEvidence(@Arg('input', () => AddClaimEvidenceInput) input: AddClaimEvidenceInput, @Ctx() ctx: ClaimsContext): Promise<AddClaimEvidencePayload> {
    const { evidence, claim } = await this.workflow.addEvidence(ctx.identity, input);
    return Object.assign(new AddClaimEvidencePayload(), { evidence: Object.assign(new ClaimEvidence(), evidence), claim: toClaim(claim) });
  }

  @Authorized(Scope.CLAIMS_WRITE)
  @Mutation(() => Claim, { description: 'Reviews the evidence (审核, HQ): UNDER_REVIEW when complete, NEEDS_EVIDENCE otherwise; the first review acknowledges the claim.' })
  async reviewClaim(@Arg('input', () => ReviewClaimInput) input: ReviewClaimInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.workflow.review(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => Claim, { description: 'Decides the claim (理赔判定, HQ): the liability rules on the graph’s facts; EVIDENCE_MISSING when required evidence is not on file.' })
  async decideClaim(@Arg('input', () => DecideClaimInput) input: DecideClaimInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.workflow.decide(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => Claim, { description: 'Approves the decided amount (同意赔付, HQ); the payout later moves it to PAID.' })
  async approveClaim(@Arg('input', () => ClaimVersionInput) input: ClaimVersionInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.workflow.approve(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => Claim, { description: 'Rejects the claim (拒赔, HQ), with the reason.' })
  async rejectClaim(@Arg('input', () => RejectClaimInput) input: RejectClaimInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.workflow.reject(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_WRITE)
  @Mutation(() => Claim, { description: 'Withdraws the claim (撤回) before it is approved or rejected.' })
  async withdrawClaim(@Arg('input', () => ClaimVersionInput) input: ClaimVersionInput, @Ctx() ctx: ClaimsContext): Promise<Claim> {
    return toClaim(await this.workflow.withdraw(ctx.identity, input));
  }
}
