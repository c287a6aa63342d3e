import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isUuid } from '@courierdesk/domain-core';
import { Scope } from '@courierdesk/platform-auth';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { outletAccount } from './ledger-account';
import type { LedgerLoaders } from './ledger.loaders';
import type { LedgerService } from './ledger.service';
import { assertMoneyDecider, canSeeOutletMoney } from './money-access';
import { OutletRef } from '../refs/refs.type';
import type { PayoutService } from './payout.service';
import { AccountBalance, LedgerCheck, PayClaimInput, PayClaimPayload, toLedgerCheck, toPayClaimPayload } from './ledger.type';

/** The ledger's and payouts' root fields (复式记账, 赔付). Thin: arguments → service → type. */
@Resolver()
export class LedgerResolver {
  constructor(
    private readonly ledger: LedgerService,
    private readonly payouts: PayoutService,
  ) {}

  @Authorized(Scope.CLAIMS_DECIDE)
  @Mutation(() => PayClaimPayload, {
    description:
      'Pays an APPROVED claim (赔付), exactly once: the payout (NETWORK → customer) and, for a carrier fault, the chargeback to the place that bears it, in one transaction; the claim becomes PAID. A retry with the same idempotency key returns the first result. HQ with claims:decide only.',
  })
  async payClaim(@Arg('input', () => PayClaimInput) input: PayClaimInput, @Ctx() ctx: SubgraphContext): Promise<PayClaimPayload> {
    return toPayClaimPayload(await this.payouts.pay(ctx.identity, input));
  }

  @Authorized(Scope.CLAIMS_DECIDE)
  @Query(() => LedgerCheck, { description: 'Proves the ledger balances (试算平衡): unbalancedEntries must be 0. HQ with claims:decide only.' })
  async ledgerCheck(@Ctx() ctx: SubgraphContext): Promise<LedgerCheck> {
    assertMoneyDecider(ctx.identity, 'check the ledger');
    return toLedgerCheck(await this.ledger.check());
  }
}

/** The money side's field on Outlet (网点): its balance. */
@Resolver(() => OutletRef)
export class OutletBalanceResolver {
  @Authorized(Scope.CLAIMS_READ)
  @FieldResolver(() => AccountBalance, {
    nullable: true,
    description: 'The outlet’s ledger balance, derived from its postings: fines and chargebacks below zero, reversals back up. HQ sees every outlet’s; a partner its own outlet’s only (null for others).',
  })
  async balance(@Root() outlet: OutletRef, @Ctx() ctx: SubgraphContext<LedgerLoaders>): Promise<AccountBalance | null> {
    if (!isUuid(outlet.id) || !canSeeOutletMoney(ctx.identity, outlet.id)) return null;
    const balanceFen = await ctx.loaders.outletBalance.load(outlet.id.toLowerCase());
    return Object.assign(new AccountBalance(), { accountId: outletAccount(outlet.id), balanceFen });
  }
}
