/** Kinds of parcel-rule failure, mapped to GraphQL `extensions.code` by the platform. */
export type ParcelErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_WAYBILL_NO: 'BAD_USER_INPUT',
  INVALID_WAYBILL_SEQUENCE: 'BAD_USER_INPUT',
  INVALID_SCAN_EVENT: 'BAD_USER_INPUT',
  INVALID_ANOMALY_POLICY: 'BAD_USER_INPUT',
  INVALID_LANE: 'BAD_USER_INPUT',
  INVALID_ETA_INPUT: 'BAD_USER_INPUT',
  EMPTY_SAMPLE: 'BAD_USER_INPUT',
} as const satisfies Record<string, ParcelErrorKind>;

/** Stable codes of the parcel rules (运单号、扫描、状态、异常件、时效预估). */
export type ParcelErrorCode = keyof typeof KIND_BY_CODE;

/** Every parcel error code, for exhaustive mapping and tests. */
export const PARCEL_ERROR_CODES = Object.keys(KIND_BY_CODE) as ParcelErrorCode[];

/** The error kind a parcel error code maps to. */
export const parcelErrorKind = (code: ParcelErrorCode): ParcelErrorKind => KIND_BY_CODE[code];

/** A broken parcel business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class ParcelRuleError extends Error {
  readonly kind: ParcelErrorKind;

  constructor(
    readonly code: ParcelErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ParcelRuleError';
    this.kind = KIND_BY_CODE[code];
  }
}
