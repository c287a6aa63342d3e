import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_DATE: 'BAD_USER_INPUT',
  INVALID_THRESHOLD: 'BAD_USER_INPUT',
  INVALID_PEAK_SEASON_POLICY: 'BAD_USER_INPUT',
  SPRING_FESTIVAL_DATE_UNKNOWN: 'NOT_FOUND',
  NO_POLICY_IN_FORCE: 'NOT_FOUND',
  DUPLICATE_POLICY_VERSION: 'CONFLICT',
  INVALID_WORKING_HOURS: 'BAD_USER_INPUT',
  NO_WORKING_TIME: 'BAD_USER_INPUT',
  INVALID_DURATION: 'BAD_USER_INPUT',
  INVALID_SLA_POLICY: 'BAD_USER_INPUT',
  INVALID_SLA_TIMELINE: 'BAD_USER_INPUT',
  REGULATOR_DEADLINE_REQUIRED: 'BAD_USER_INPUT',
  INVALID_STATUTORY_POLICY: 'BAD_USER_INPUT',
  UNKNOWN_ESCALATION_LEVEL: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the SLA rules (时效、业务日历、旺季). */
export type SlaErrorCode = keyof typeof KIND_BY_CODE;

/** A broken SLA business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class SlaRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every SLA error code, in declaration order. */
export const SLA_ERROR_CODES = SlaRuleError.codes;
