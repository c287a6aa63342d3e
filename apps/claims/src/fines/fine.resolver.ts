import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { isUuid } from '@courierdesk/domain-core';
import { Scope } from '@courierdesk/platform-auth';
import { CONNECTION_SIZE, mapPage, PageArgs, type Page, type SubgraphContext } from '@courierdesk/platform-subgraph';
import { canSeeOutletMoney } from '../ledger/money-access';
import { OutletRef } from '../refs/refs.type';
import type { ArbitrationOutcome, FineReason } from './fine.row';
import type { FineLoaders } from './fine.loaders';
import { DecideArbitrationInput, DisputeFineInput, IssueFineInput } from './fine.input';
import type { FineService } from './fine.service';
import { Fine, FineConnection, toFine } from './fine.type';

/** Fines (罚款) and arbitration (仲裁): the mutations. Thin: arguments → service → type. */
@Resolver(() => Fine)
export class FineResolver {
  constructor(private readonly fines: FineService) {}

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => Fine, { description: 'Fines an outlet (开罚单) and posts it to the ledger (outlet → NETWORK). HQ with claims:decide only.' })
  async issueFine(@Arg('input', () => IssueFineInput) input: IssueFineInput, @Ctx() ctx: SubgraphContext): Promise<Fine> {
    return toFine(await this.fines.issue(ctx.identity, { ...input, reason: input.reason as FineReason }), null);
  }

  // claims:read, not claims:write: a partner's token never holds claims:write (roles.ts), and the
  // service lets only the fined outlet dispute its own ISSUED fine, once.
  @Authorized(Scope.CLAIMS_READ)
  @Mutation(() => Fine, { description: 'The fined outlet disputes its fine (申诉), once, while it is ISSUED: an arbitration case opens for HQ to decide.' })
  async disputeFine(@Arg('input', () => DisputeFineInput) input: DisputeFineInput, @Ctx() ctx: SubgraphContext): Promise<Fine> {
    const { fine, arbitration } = await this.fines.dispute(ctx.identity, input);
    return toFine(fine, arbitration);
  }

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => Fine, {
    description: 'Decides a disputed fine (仲裁裁决), once; the ledger follows: OVERTURNED gives the whole fine back to the outlet, REDUCED the difference, UPHELD nothing. HQ with claims:decide only.',
  })
  async decideArbitration(@Arg('input', () => DecideArbitrationInput) input: DecideArbitrationInput, @Ctx() ctx: SubgraphContext): Promise<Fine> {
    const { fine, arbitration } = await this.fines.decide(ctx.identity, { ...input, outcome: input.outcome as ArbitrationOutcome });
    return toFine(fine, arbitration);
  }
}

/** The money side's field on Outlet (网点): its fines. */
@Resolver(() => OutletRef)
export class OutletFinesResolver {
  @Authorized(Scope.CLAIMS_READ)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => FineConnection, { nullable: true, description: 'The outlet’s fines, newest first. HQ sees every outlet’s; a partner its own outlet’s only (null for others).' })
  async fines(@Root() outlet: OutletRef, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext<FineLoaders>): Promise<Page<Fine> | null> {
    if (!isUuid(outlet.id) || !canSeeOutletMoney(ctx.identity, outlet.id)) return null;
    const rows = await ctx.loaders.outletFines.load({ parentId: outlet.id.toLowerCase(), first: page.first, after: page.after });
    return mapPage(rows, (node) => toFine(node.fine, node.arbitration));
  }
}
