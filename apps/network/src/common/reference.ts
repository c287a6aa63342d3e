import { requireScopes, Scope } from '@courierdesk/platform-auth';
import type { NetworkContext } from '../network.loaders';

/**
 * `__resolveReference` for an entity (by `id`, or by `code` for a district): `_entities` bypasses the scope checks on queries, so the
 * scope is checked here; rows come through the request's loader (one query for all
 * representations). Every entity the network owns is directory data (common/access.ts), so a
 * reference resolves for any network reader; phones are masked by the field resolvers.
 */
export function referenceResolver<Row, T>(load: (ctx: NetworkContext, key: string) => Promise<Row | null>, toType: (row: Row) => T, keyField: 'id' | 'code' = 'id') {
  return {
    __resolveReference: async (reference: Record<string, unknown>, ctx: NetworkContext): Promise<T | null> => {
      requireScopes(ctx.identity, [Scope.NETWORK_READ]);
      const key = reference[keyField];
      if (typeof key !== 'string') return null;
      const row = await load(ctx, key);
      return row ? toType(row) : null;
    },
  };
}
