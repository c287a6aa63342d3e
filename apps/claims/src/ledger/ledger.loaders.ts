import DataLoader from 'dataloader';
import { outletAccount } from './ledger-account';
import type { LedgerService } from './ledger.service';

/** The money side's per-request loaders on the ledger. */
export interface LedgerLoaders {
  /** An outlet's balance in fen, by outlet id: one statement for every outlet of a level. */
  outletBalance: DataLoader<string, number>;
}

/** Fresh loaders for one request. */
export function ledgerLoaders(ledger: LedgerService): LedgerLoaders {
  return {
    outletBalance: new DataLoader(async (outletIds) => {
      const balances = await ledger.balances(outletIds.map(outletAccount));
      return outletIds.map((id) => balances.get(outletAccount(id)) ?? 0);
    }),
  };
}
