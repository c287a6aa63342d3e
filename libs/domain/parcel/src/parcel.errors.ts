import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_WAYBILL_NO: 'BAD_USER_INPUT',
  INVALID_WAYBILL_SEQUENCE: 'BAD_USER_INPUT',
  INVALID_SCAN_EVENT: 'BAD_USER_INPUT',
  INVALID_ANOMALY_POLICY: 'BAD_USER_INPUT',
  INVALID_LANE: 'BAD_USER_INPUT',
  INVALID_ETA_INPUT: 'BAD_USER_INPUT',
  EMPTY_SAMPLE: 'BAD_USER_INPUT',
  INVALID_HEADLESS_MATCH_POLICY: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the parcel rules (运单号、扫描、状态、异常件、时效预估). */
export type ParcelErrorCode = keyof typeof KIND_BY_CODE;

/** A broken parcel business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class ParcelRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every parcel error code, in declaration order. */
export const PARCEL_ERROR_CODES = ParcelRuleError.codes;
