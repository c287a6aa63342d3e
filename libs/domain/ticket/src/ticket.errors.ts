import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
// BAD_USER_INPUT when the request itself is wrong whatever the ticket's state; CONFLICT when the same
// request would pass on a ticket in another state or at another time (a move, a merge, a late upload).
const KIND_BY_CODE = {
  TRANSITION_NOT_ALLOWED: 'CONFLICT',
  // The resolution is older than the reopen window: the customer opens a new ticket instead.
  REOPEN_WINDOW_PASSED: 'CONFLICT',
  REASON_NOT_FOR_KIND: 'BAD_USER_INPUT',
  REGULATOR_CASE_REQUIRED: 'BAD_USER_INPUT',
  MERGE_INTO_ITSELF: 'BAD_USER_INPUT',
  // Closed ticket, resolved target or another waybill: depends on the tickets' state, not the request.
  MERGE_NOT_ALLOWED: 'CONFLICT',
  // The upload is well formed and would have been accepted an hour earlier: the deadline (time, state)
  // refuses it, so CONFLICT, like every other "too late" in this table.
  EVIDENCE_AFTER_DEADLINE: 'CONFLICT',
  INVALID_EVIDENCE_POLICY: 'BAD_USER_INPUT',
  PLACEHOLDER_UNKNOWN: 'BAD_USER_INPUT',
  TEMPLATE_MALFORMED: 'BAD_USER_INPUT',
  INVALID_TICKET_NUMBER: 'BAD_USER_INPUT',
  INVALID_TICKET_SEQUENCE: 'BAD_USER_INPUT',
  PROBLEM_PARCEL_SAME_OUTLET: 'BAD_USER_INPUT',
  ANSWER_REQUIRES_PERSON: 'BAD_USER_INPUT',
  ANSWER_BEFORE_REGISTRATION: 'BAD_USER_INPUT',
  INVALID_PROBLEM_PARCEL_POLICY: 'BAD_USER_INPUT',
  UNKNOWN_ANOMALY_CODE: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the ticket rules (工单：类型、状态流转、合并、证据、问题件、标准回复). */
export type TicketErrorCode = keyof typeof KIND_BY_CODE;

/** A broken ticket business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class TicketRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every ticket error code, in declaration order. */
export const TICKET_RULE_ERROR_CODES = TicketRuleError.codes;
