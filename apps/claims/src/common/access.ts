import { callerOutlet, isOutletBound, type Identity } from '@courierdesk/platform-auth';
import { claimsError } from './claims.errors';

/*
 * Who sees what of claims (理赔) — the decision, in one place:
 *
 * 1. Scopes. Reading claims and the contributed fields (Waybill.claims, Ticket.claim) needs
 *    claims:read; filing, evidence, review and withdrawal need claims:write; deciding, approving
 *    and rejecting need claims:decide — on every query, mutation and `_entities` reference.
 * 2. Rows. A claim's parties are the outlets of its waybill: the origin outlet (收件网点) and the
 *    destination outlet (派件网点), read from the graph when it was filed. An outlet-bound caller
 *    (加盟网点 partner: reads only; outlet agent: also files) sees and acts on a claim only when
 *    its outlet is one of them. Everywhere
 *    else the claim does not exist for it: NOT_FOUND by id or number (no existence oracle),
 *    absent from every list, null in `_entities`. HQ (not outlet-bound) sees every claim.
 * 3. Money decisions are HQ's alone: review, decide, approve and reject refuse an outlet-bound
 *    caller whatever its token holds (HQ_ONLY).
 */

/** The outlets party to a claim. */
export interface ClaimParties {
  originOutletId: string | null;
  destinationOutletId: string | null;
}

/** The parties' outlet ids (one or two). */
export const partyOutletIds = (claim: ClaimParties): string[] =>
  [claim.originOutletId, claim.destinationOutletId].filter((id): id is string => id !== null);

/** The caller's outlet when outlet-bound, else null (HQ): platform-auth's, one rule for every subgraph. */
export { callerOutlet };

/** Whether the caller may see this claim at all (rule 2). */
export function canSeeClaim(identity: Identity, claim: ClaimParties): boolean {
  const own = callerOutlet(identity);
  return own === null || partyOutletIds(claim).includes(own);
}

/** Throws FORBIDDEN (HQ_ONLY) for outlet-bound callers (rule 3). */
export function assertHeadquarters(identity: Identity, what: string): void {
  if (isOutletBound(identity)) throw claimsError('HQ_ONLY', `Only headquarters may ${what}`);
}
