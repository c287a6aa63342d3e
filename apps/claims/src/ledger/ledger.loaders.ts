import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { BY_UUID, keyedLoader, uuidKeys } from '@courierdesk/platform-subgraph';
import type { PayoutResult } from './payout.service';
import { outletAccount } from './ledger-account';
import type { LedgerService } from './ledger.service';

/** The money side's per-request loaders on the ledger. */
export interface LedgerLoaders {
  /** An outlet's balance in fen, by outlet id: one statement for every outlet of a level. */
  outletBalance: DataLoader<string, number>;
  /** A claim's payout as recorded, by claim id (null before it is paid): one statement per level. */
  payoutOfClaim: DataLoader<string, PayoutResult | null>;
}

/** Fresh loaders for one request. */
export function ledgerLoaders(ledger: LedgerService, ds: DataSource): LedgerLoaders {
  return {
    payoutOfClaim: keyedLoader<string, PayoutResult>(
      async (claimIds) =>
        ((await ds.query(`SELECT result FROM payout WHERE claim_id = ANY($1::uuid[])`, [uuidKeys(claimIds)])) as { result: PayoutResult }[]).map((r) => r.result),
      (result) => result.claimId,
      BY_UUID,
    ),
    outletBalance: new DataLoader(async (outletIds) => {
      const balances = await ledger.balances(outletIds.map(outletAccount));
      return outletIds.map((id) => balances.get(outletAccount(id)) ?? 0);
    }),
  };
}
