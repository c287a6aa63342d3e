import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// Reasons of the claims subgraph's money side: ledger (复式记账), payouts (赔付), fines (罚款) and
// arbitration (仲裁). A shipped reason is API: add reasons here, never rename or reuse one.
const KIND_BY_CODE = {
  /** A scheduled fine names no case (the ticket whose evidence decides it, or the waybill whose scans show a false sign-off). */
  FINE_CASE_REQUIRED: 'BAD_USER_INPUT',
  /** The ticket or waybill a fine names does not exist (or the graph does not know it). */
  FINE_CASE_NOT_FOUND: 'NOT_FOUND',
  /** The case's facts do not support the fine: evidence delivered in time, its deadline still running, no false sign-off in the scans, or another outlet's case. */
  FINE_NOT_SUPPORTED: 'CONFLICT',
  /** An entry whose postings do not sum to zero, or with fewer than two postings. */
  ENTRY_UNBALANCED: 'BAD_USER_INPUT',
  /** A posting amount that is not a non-zero whole number of fen. */
  INVALID_POSTING: 'BAD_USER_INPUT',
  /** An amount that is not a positive whole number of fen (the message names the field). */
  INVALID_AMOUNT: 'BAD_USER_INPUT',
  /** An id that is not a UUID (the message names the field). */
  INVALID_REFERENCE_ID: 'BAD_USER_INPUT',
  /** An idempotency key that is empty, too long or has control characters. */
  INVALID_IDEMPOTENCY_KEY: 'BAD_USER_INPUT',
  /**
   * The idempotency key was used before with different parameters (another claim). The IETF
   * draft answers 422: the request can never succeed with that key, so retrying is pointless and
   * the client must pick a new key — a client error, not a state conflict that may clear.
   */
  IDEMPOTENCY_KEY_REUSED: 'BAD_USER_INPUT',
  /** No claim with this id. */
  CLAIM_NOT_FOUND: 'NOT_FOUND',
  /** Only an APPROVED claim is paid. */
  CLAIM_NOT_APPROVED: 'CONFLICT',
  /** The claim was paid already, under another idempotency key. */
  CLAIM_ALREADY_PAID: 'CONFLICT',
  /** An approved claim without an approved amount or waybill cannot be paid. */
  CLAIM_NOT_PAYABLE: 'CONFLICT',
  /** The claim changed while it was being paid (its version moved on). */
  CLAIM_VERSION_CONFLICT: 'CONFLICT',
  /** Only headquarters pays, fines and arbitrates. */
  HQ_ONLY: 'FORBIDDEN',
  /** Only the fined outlet disputes its fine. */
  OUTLET_ONLY: 'FORBIDDEN',
  /** No fine with this id, or one the caller may not see. */
  FINE_NOT_FOUND: 'NOT_FOUND',
  /** A fine with this reason was issued to this outlet on this case already. */
  FINE_ALREADY_ISSUED: 'CONFLICT',
  /** The reason's amount comes from the fine schedule in force; the caller may not set it. */
  AMOUNT_SET_BY_POLICY: 'BAD_USER_INPUT',
  /** A reason outside the schedule needs an amount. */
  AMOUNT_REQUIRED: 'BAD_USER_INPUT',
  /** Only an ISSUED fine is disputed, once. */
  FINE_NOT_DISPUTABLE: 'CONFLICT',
  /** The fine has no open arbitration case (never disputed, or decided already). */
  ARBITRATION_NOT_OPEN: 'CONFLICT',
  /** A reduced fine is between 1 fen and one fen less than the fine (0 is OVERTURNED, the whole is UPHELD). */
  INVALID_REDUCED_AMOUNT: 'BAD_USER_INPUT',
  /** Free text too long, or empty where required (the message names the field). */
  INVALID_TEXT: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable reasons of the ledger's, payouts' and fines' errors. */
export type LedgerErrorCode = keyof typeof KIND_BY_CODE;

/** An error of the claims money side with its stable reason; the platform's formatter turns the kind into `extensions.code`. */
export class LedgerError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every reason, in declaration order. */
export const LEDGER_ERROR_CODES = LedgerError.codes;

/** An error with its stable reason. */
export const ledgerError = (code: LedgerErrorCode, message: string, details: Record<string, unknown> = {}): LedgerError => new LedgerError(code, message, details);
