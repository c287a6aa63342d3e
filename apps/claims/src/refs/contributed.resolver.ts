import { Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Scope } from '@courierdesk/platform-auth';
import { listSize } from '@courierdesk/platform-subgraph';
import { canSeeClaim } from '../common/access';
import { MAX_CLAIMS_PER_WAYBILL } from '../common/list-bounds';
import { Claim, toClaim } from '../claim/claim.type';
import type { ClaimsContext } from '../claims.loaders';
import { TicketRef, WaybillRef } from './refs.type';

// Fields claims contributes to other subgraphs' entities. Nullable: when claims is down the
// gateway still answers the rest. The caller's row rule applies as everywhere, and each level's
// rows come from one batched statement.

/** Claims' field on Waybill (运单). */
@Resolver(() => WaybillRef)
export class WaybillClaimsResolver {
  @Authorized(Scope.CLAIMS_READ)
  @Directive(listSize(MAX_CLAIMS_PER_WAYBILL))
  @FieldResolver(() => [Claim], { nullable: true, description: `The waybill’s claims you may see, newest first (at most ${MAX_CLAIMS_PER_WAYBILL}).` })
  async claims(@Root() waybill: WaybillRef, @Ctx() ctx: ClaimsContext): Promise<Claim[]> {
    const rows = await ctx.loaders.claimsOfWaybill.load(waybill.waybillNo);
    return rows.filter((row) => canSeeClaim(ctx.identity, row)).map(toClaim);
  }
}

/** Claims' field on Ticket (工单). */
@Resolver(() => TicketRef)
export class TicketClaimResolver {
  @Authorized(Scope.CLAIMS_READ)
  @FieldResolver(() => Claim, { nullable: true, description: 'The claim filed from this ticket (its live one, else its latest); null when none, or not yours.' })
  async claim(@Root() ticket: TicketRef, @Ctx() ctx: ClaimsContext): Promise<Claim | null> {
    const [row] = await ctx.loaders.claimOfTicket.load(ticket.id);
    return row && canSeeClaim(ctx.identity, row) ? toClaim(row) : null;
  }
}
