import { DomainError, errorCodes, type DomainErrorKind, type ErrorCodeTable } from '@courierdesk/domain-core';

/** Kinds of SLA-rule failure, mapped to GraphQL `extensions.code` by the platform. */
export type SlaErrorKind = DomainErrorKind;

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_DATE: 'BAD_USER_INPUT',
  INVALID_THRESHOLD: 'BAD_USER_INPUT',
  INVALID_PEAK_SEASON_POLICY: 'BAD_USER_INPUT',
  SPRING_FESTIVAL_DATE_UNKNOWN: 'NOT_FOUND',
  NO_POLICY_IN_FORCE: 'NOT_FOUND',
  DUPLICATE_POLICY_VERSION: 'CONFLICT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the SLA rules (时效、业务日历、旺季). */
export type SlaErrorCode = keyof typeof KIND_BY_CODE;

/** Every SLA error code, for exhaustive mapping and tests. */
export const SLA_ERROR_CODES = errorCodes(KIND_BY_CODE);

/** The error kind an SLA error code maps to. */
export const slaErrorKind = (code: SlaErrorCode): SlaErrorKind => KIND_BY_CODE[code];

/** A broken SLA business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class SlaRuleError extends DomainError<SlaErrorCode> {
  constructor(code: SlaErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, KIND_BY_CODE[code], message, details);
  }
}
