import { LiabilityRuleError } from './liability.errors';

/** Where a claim stands (理赔状态). Values are API: add, never rename. */
export const ClaimStatus = {
  /** Filed, not yet looked at (已提交). */
  SUBMITTED: 'SUBMITTED',
  /** Waiting for the claimant's evidence (待补充材料). */
  NEEDS_EVIDENCE: 'NEEDS_EVIDENCE',
  /** Evidence complete, being decided (审核中). */
  UNDER_REVIEW: 'UNDER_REVIEW',
  /** Agreed: the amount will be paid (已同意赔付). */
  APPROVED: 'APPROVED',
  /** Refused (已拒赔). */
  REJECTED: 'REJECTED',
  /** Paid out, by the payout alone (已赔付). */
  PAID: 'PAID',
  /** Taken back by the claimant (已撤回). */
  WITHDRAWN: 'WITHDRAWN',
} as const;
/** Where a claim stands (理赔状态). */
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];

/** All claim statuses, in declaration order. */
export const CLAIM_STATUSES: readonly ClaimStatus[] = Object.values(ClaimStatus);

/**
 * The allowed moves of a claim (理赔流转), as data: from each status, the statuses it may go to.
 * REJECTED, PAID and WITHDRAWN end a claim. APPROVED → PAID is the payout's move alone (the ledger
 * pays exactly once); nothing goes back from APPROVED, so an agreed amount is never re-decided.
 */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  SUBMITTED: ['NEEDS_EVIDENCE', 'UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'],
  NEEDS_EVIDENCE: ['UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'],
  UNDER_REVIEW: ['NEEDS_EVIDENCE', 'APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: ['PAID'],
  REJECTED: [],
  PAID: [],
  WITHDRAWN: [],
};

/** Statuses a claim may still be decided in (理赔可判定): open and not yet agreed. */
export const DECIDABLE_CLAIM_STATUSES: readonly ClaimStatus[] = ['SUBMITTED', 'NEEDS_EVIDENCE', 'UNDER_REVIEW'];

/** Whether a claim may move from `from` to `to`; false for unknown statuses. */
export function canMoveClaim(from: string, to: string): boolean {
  return Object.hasOwn(CLAIM_TRANSITIONS, from) && (CLAIM_TRANSITIONS[from as ClaimStatus] as readonly string[]).includes(to);
}

/** Throws CLAIM_TRANSITION_NOT_ALLOWED unless a claim may move from `from` to `to`; returns `to`. */
export function assertClaimTransition(from: string, to: string): ClaimStatus {
  if (!canMoveClaim(from, to)) {
    const allowed = Object.hasOwn(CLAIM_TRANSITIONS, from) ? CLAIM_TRANSITIONS[from as ClaimStatus] : [];
    throw new LiabilityRuleError('CLAIM_TRANSITION_NOT_ALLOWED', `a ${from} claim cannot become ${to}`, { from, to, allowed });
  }
  return to as ClaimStatus;
}
