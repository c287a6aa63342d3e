import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
// BAD_USER_INPUT when the facts given are wrong whatever the time; CONFLICT when the same request
// would pass at another time or with more on file (a claim filed in time, the evidence supplied).
// NO_POLICY_IN_FORCE, DUPLICATE_POLICY_VERSION and INVALID_DATE are domain-sla's (policyInForce).
const KIND_BY_CODE = {
  NEGATIVE_AMOUNT: 'BAD_USER_INPUT',
  AMOUNT_NOT_INTEGER: 'BAD_USER_INPUT',
  CLAIM_ABOVE_DECLARED_VALUE: 'BAD_USER_INPUT',
  LOSS_ABOVE_VALUE: 'BAD_USER_INPUT',
  PROMISED_TIME_REQUIRED: 'BAD_USER_INPUT',
  UNKNOWN_CLAIM_KIND: 'BAD_USER_INPUT',
  UNKNOWN_REFUSAL_CAUSE: 'BAD_USER_INPUT',
  NO_CUSTODY_CHAIN: 'BAD_USER_INPUT',
  INVALID_LIABILITY_POLICY: 'BAD_USER_INPUT',
  // The same claim filed a day earlier would have been taken.
  CLAIM_FILED_TOO_LATE: 'CONFLICT',
  // The same claim with the missing evidence attached would be taken.
  EVIDENCE_MISSING: 'CONFLICT',
  // The claim is not in a status the move starts from (e.g. approving a withdrawn claim).
  CLAIM_TRANSITION_NOT_ALLOWED: 'CONFLICT',
  INVALID_CLAIM_NUMBER: 'BAD_USER_INPUT',
  // An overcharge refund needs tracking's charge check; the same claim is decided once the waybill can be priced.
  WAYBILL_NOT_PRICED: 'CONFLICT',
  // The charge check's refund is not the sum of its lines' overcharges: decided once tracking answers consistently.
  CHARGE_CHECK_INCONSISTENT: 'CONFLICT',
  // A lost parcel is agreed and paid only after a headless-parcel search (无头件查找); the same request passes once it is made.
  HEADLESS_SEARCH_REQUIRED: 'CONFLICT',
  INVALID_CLAIM_SEQUENCE: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the liability rules (理赔、责任认定、赔付、罚款). */
export type LiabilityErrorCode = keyof typeof KIND_BY_CODE;

/** A broken liability business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class LiabilityRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every liability error code, in declaration order. */
export const LIABILITY_ERROR_CODES = LiabilityRuleError.codes;
