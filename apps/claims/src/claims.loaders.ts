import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { claimLoaders } from './claim/claim.loaders';

/**
 * Every loader of one request; never shared between requests. Loaders return rows whatever the
 * caller; the row rule (common/access.ts) is applied where rows become answers.
 */
export function createClaimsLoaders(ds: DataSource) {
  return { ...claimLoaders(ds) };
}

export type ClaimsLoaders = ReturnType<typeof createClaimsLoaders>;

/** What the claims subgraph's resolvers receive. */
export type ClaimsContext = SubgraphContext<ClaimsLoaders>;
