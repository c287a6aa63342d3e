import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// Reasons the claims subgraph adds to the liability rules' (LiabilityRuleError in
// @courierdesk/domain-liability: NEGATIVE_AMOUNT, CLAIM_FILED_TOO_LATE, EVIDENCE_MISSING,
// CLAIM_TRANSITION_NOT_ALLOWED …) and the platform's (INVALID_PAGE_SIZE, SCOPE_MISSING …).
// A shipped reason is API: add reasons here, never rename or reuse one.
const KIND_BY_CODE = {
  /** No claim with this id or number — or one the caller may not see (no existence oracle for partners). */
  CLAIM_NOT_FOUND: 'NOT_FOUND',
  /** The claim changed since the caller read it (its version moved on): reload and try again. */
  CLAIM_VERSION_CONFLICT: 'CONFLICT',
  /** The waybill number names no waybill (or one the caller may not see). */
  WAYBILL_NOT_FOUND: 'NOT_FOUND',
  /** The ticket names no ticket (or one the caller may not see). */
  TICKET_NOT_FOUND: 'NOT_FOUND',
  /** The ticket is about no waybill, or about another waybill than the one given. */
  TICKET_WAYBILL_MISMATCH: 'BAD_USER_INPUT',
  /** A claim is filed from a ticket or for a waybill: give one. */
  WAYBILL_OR_TICKET_REQUIRED: 'BAD_USER_INPUT',
  /** A return-freight claim names the cause of the refusal; other kinds do not. */
  REFUSAL_CAUSE_REQUIRED: 'BAD_USER_INPUT',
  REFUSAL_CAUSE_ONLY_FOR_RETURN_FREIGHT: 'BAD_USER_INPUT',
  /** An outlet or ticket id that is not a UUID. */
  INVALID_REFERENCE_ID: 'BAD_USER_INPUT',
  /** Free text too long, empty where required, or with U+0000. */
  INVALID_TEXT: 'BAD_USER_INPUT',
  /** A time filter whose start is after its end. */
  INVALID_TIME_RANGE: 'BAD_USER_INPUT',
  /** claim(…) takes exactly one of id and number. */
  CLAIM_KEY_REQUIRED: 'BAD_USER_INPUT',
  /** Only headquarters may do this (review, decide, approve, reject). */
  HQ_ONLY: 'FORBIDDEN',
  /** The waybill's or ticket's facts could not be read from the graph just now. */
  GRAPH_UNAVAILABLE: 'CONFLICT',
  /** Approving needs a decision first (decideClaim). */
  DECISION_REQUIRED: 'CONFLICT',
  /** The claim is closed (approved, rejected, paid or withdrawn): nothing more is added to it. */
  CLAIM_CLOSED: 'CONFLICT',
  /** A claim holds at most so many evidence items. */
  TOO_MUCH_EVIDENCE: 'BAD_USER_INPUT',
  /** Evidence offered as an item the claim's kind does not list. */
  UNKNOWN_EVIDENCE_ITEM: 'BAD_USER_INPUT',
  /** The ticket already has a live claim (not rejected or withdrawn): act on that one. */
  CLAIM_ALREADY_FILED: 'CONFLICT',
} as const satisfies ErrorCodeTable;

/** Stable reasons of the claims subgraph's own errors. */
export type ClaimsErrorCode = keyof typeof KIND_BY_CODE;

/** An error of the claims subgraph with its stable reason; the platform's formatter turns the kind into `extensions.code`. */
export class ClaimsError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every reason, in declaration order. */
export const CLAIMS_ERROR_CODES = ClaimsError.codes;

/** An error with its stable reason. */
export const claimsError = (code: ClaimsErrorCode, message: string): ClaimsError => new ClaimsError(code, message);
