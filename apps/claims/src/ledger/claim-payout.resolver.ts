import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { Claim } from '../claim/claim.type';
import type { ClaimsContext } from '../claims.loaders';
import { Payout, toPayout } from './ledger.type';

/** Claim.payout: the payout a claim got, as recorded (every claim of a level in one statement). */
@Resolver(() => Claim)
export class ClaimPayoutResolver {
  @Authorized(Scope.CLAIMS_READ)
  @FieldResolver(() => Payout, { nullable: true, description: 'The payout (赔付), as recorded when it was made; null before the claim is paid.' })
  async payout(@Root() claim: Claim, @Ctx() ctx: ClaimsContext): Promise<Payout | null> {
    const recorded = await ctx.loaders.payoutOfClaim.load(claim.id);
    return recorded ? toPayout(recorded) : null;
  }
}
