import { DomainError, errorCodes, type DomainErrorKind, type ErrorCodeTable } from '@courierdesk/domain-core';

/** Kinds of parcel-rule failure, mapped to GraphQL `extensions.code` by the platform. */
export type ParcelErrorKind = DomainErrorKind;

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_WAYBILL_NO: 'BAD_USER_INPUT',
  INVALID_WAYBILL_SEQUENCE: 'BAD_USER_INPUT',
  INVALID_SCAN_EVENT: 'BAD_USER_INPUT',
  INVALID_ANOMALY_POLICY: 'BAD_USER_INPUT',
  INVALID_LANE: 'BAD_USER_INPUT',
  INVALID_ETA_INPUT: 'BAD_USER_INPUT',
  EMPTY_SAMPLE: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the parcel rules (运单号、扫描、状态、异常件、时效预估). */
export type ParcelErrorCode = keyof typeof KIND_BY_CODE;

/** Every parcel error code, for exhaustive mapping and tests. */
export const PARCEL_ERROR_CODES = errorCodes(KIND_BY_CODE);

/** The error kind a parcel error code maps to. */
export const parcelErrorKind = (code: ParcelErrorCode): ParcelErrorKind => KIND_BY_CODE[code];

/** A broken parcel business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class ParcelRuleError extends DomainError<ParcelErrorCode> {
  constructor(code: ParcelErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, KIND_BY_CODE[code], message, details);
  }
}
