import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { claimLoaders } from './claim/claim.loaders';
import { fineLoaders } from './fines/fine.loaders';
import { ledgerLoaders } from './ledger/ledger.loaders';
import type { LedgerService } from './ledger/ledger.service';

/**
 * Every loader of one request; never shared between requests. Loaders return rows whatever the
 * caller; the row rule (common/access.ts) is applied where rows become answers.
 */
export function createClaimsLoaders(ds: DataSource, ledger: LedgerService) {
  return { ...claimLoaders(ds), ...ledgerLoaders(ledger, ds), ...fineLoaders(ds) };
}

export type ClaimsLoaders = ReturnType<typeof createClaimsLoaders>;

/** What the claims subgraph's resolvers receive. */
export type ClaimsContext = SubgraphContext<ClaimsLoaders>;
