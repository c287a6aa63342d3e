import { canonicalId, isUuid } from '@courierdesk/domain-core';
import { isOutletBound, outletRestriction, requireScopes, Scope, type Identity } from '@courierdesk/platform-auth';
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

/** The caller's outlet when outlet-bound, else null (HQ). */
export function callerOutlet(identity: Identity): string | null {
  const restriction = outletRestriction(identity);
  return restriction ? canonicalId(restriction.outletId) : null;
}

/** Whether the caller may see this outlet's money (its fines, its balance). */
export function canSeeOutletMoney(identity: Identity, outletId: string): boolean {
  const own = callerOutlet(identity);
  return own === null || own === canonicalId(outletId);
}

/** The caller as the audit trail names it, at `at`. */
export const actorOf = (identity: Identity, at: Date): MoneyActor => ({ subject: identity.subject, outletId: callerOutlet(identity), at });

/** A UUID argument in its one spelling; INVALID_REFERENCE_ID names the field otherwise. */
export function uuidArg(value: string, field: string): string {
  if (!isUuid(value)) throw ledgerError('INVALID_REFERENCE_ID', `${field} must be a UUID`);
  return canonicalId(value);
}

/** Free text: trimmed, within `max` characters, without U+0000; null when empty and not required. */
export function textArg(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const text = (value ?? '').trim();
  if (!text) {
    if (required) throw ledgerError('INVALID_TEXT', `${field} is required`);
    return null;
  }
  if (text.length > max || text.includes('\u0000')) throw ledgerError('INVALID_TEXT', `${field}: at most ${max} characters, no U+0000`);
  return text;
}
