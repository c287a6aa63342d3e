import { canonicalId } from '@courierdesk/domain-core';
import { callerOutlet, isOutletBound, requireScopes, Scope, type Identity } from '@courierdesk/platform-auth';
import { ledgerError } from './ledger.errors';
import type { MoneyActor } from './claim-money.store';

/*
 * Who may move money (资金权限), in one place, checked by the services on every path (the
 * resolvers' @Authorized is the first gate, not the only one):
 * - paying a claim, issuing a fine and deciding an arbitration: claims:decide, and never an
 *   outlet-bound caller, whatever its token holds (HQ only);
 * - disputing a fine: the fined outlet itself (an outlet-bound caller, its own fines only);
 * - reading fines and balances: HQ every outlet's, an outlet-bound caller its own outlet's only.
 */

/** Throws unless the caller is HQ with claims:decide. */
export function assertMoneyDecider(identity: Identity, what: string): void {
  requireScopes(identity, [Scope.CLAIMS_DECIDE]);
  if (isOutletBound(identity)) throw ledgerError('HQ_ONLY', `Only headquarters may ${what}`);
}

/** The caller's outlet when outlet-bound, else null (HQ): platform-auth's, one rule for every subgraph. */
export { callerOutlet };

/** Whether the caller may see this outlet's money (its fines, its balance). */
export function canSeeOutletMoney(identity: Identity, outletId: string): boolean {
  const own = callerOutlet(identity);
  return own === null || own === canonicalId(outletId);
}

/** The caller as the audit trail names it, at `at`. */
export const actorOf = (identity: Identity, at: Date): MoneyActor => ({ subject: identity.subject, outletId: callerOutlet(identity), at });
