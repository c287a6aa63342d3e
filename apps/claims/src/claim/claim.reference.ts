import { isUuid } from '@courierdesk/domain-core';
import { requireScopes, Scope } from '@courierdesk/platform-auth';
import { canSeeClaim } from '../common/access';
import type { ClaimsContext } from '../claims.loaders';
import { toClaim, type Claim } from './claim.type';

/**
 * `_entities` for Claim: `_entities` bypasses the query's scope check, so the scope is checked here;
 * rows come through the loader (fifty references are one statement), and a claim outside the
 * caller's reach resolves to null.
 */
export const claimReference = {
  __resolveReference: async (reference: { id?: unknown }, ctx: ClaimsContext): Promise<Claim | null> => {
    requireScopes(ctx.identity, [Scope.CLAIMS_READ]);
    if (!isUuid(reference.id)) return null;
    const row = await ctx.loaders.claim.load(reference.id);
    return row && canSeeClaim(ctx.identity, row) ? toClaim(row) : null;
  },
};
