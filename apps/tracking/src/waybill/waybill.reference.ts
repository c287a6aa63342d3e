import { requireScopes, Scope } from '@courierdesk/platform-auth';
import type { TrackingContext } from '../tracking.loaders';
import { toWaybill, type Waybill } from './waybill.type';

/**
 * Waybill references from other subgraphs (tickets, claims): `_entities` bypasses the query's
 * scope check, so the scope is checked here; rows come through the request's loader (one query for
 * all representations), which drops waybills the caller may not see — those resolve to null.
 */
export const waybillReference = {
  __resolveReference: async (reference: { waybillNo?: unknown }, ctx: TrackingContext): Promise<Waybill | null> => {
    requireScopes(ctx.identity, [Scope.TRACKING_READ]);
    if (typeof reference.waybillNo !== 'string') return null;
    const row = await ctx.loaders.waybill.load(reference.waybillNo);
    return row && toWaybill(row);
  },
};
