import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
const KIND_BY_CODE = {
  INVALID_DISTRICT_CODE: 'BAD_USER_INPUT',
  INVALID_STREET_CODE: 'BAD_USER_INPUT',
  INVALID_OUTLET_CODE: 'BAD_USER_INPUT',
  OUTLET_CODE_DISTRICT_MISMATCH: 'BAD_USER_INPUT',
  INVALID_OUTLET_KIND: 'BAD_USER_INPUT',
  INVALID_TRANSIT_CENTRE_CODE: 'BAD_USER_INPUT',
  TRANSIT_CENTRE_CODE_CITY_MISMATCH: 'BAD_USER_INPUT',
  INVALID_COURIER_CODE: 'BAD_USER_INPUT',
  COURIER_CODE_OUTLET_MISMATCH: 'BAD_USER_INPUT',
  INVALID_EMPLOYEE_NO: 'BAD_USER_INPUT',
  COURIER_PHONE_NOT_MOBILE: 'BAD_USER_INPUT',
  EMPTY_NAME: 'BAD_USER_INPUT',
  NAME_TOO_LONG: 'BAD_USER_INPUT',
  INVALID_PHONE: 'BAD_USER_INPUT',
  UNKNOWN_ESCALATION_TOPIC: 'BAD_USER_INPUT',
  EMPTY_SEARCH_TEXT: 'BAD_USER_INPUT',
  STREET_DISTRICT_MISMATCH: 'BAD_USER_INPUT',
  INVALID_LANDMARK_KIND: 'BAD_USER_INPUT',
  TOO_MANY_LANDMARKS: 'BAD_USER_INPUT',
  INVALID_HANDOVER_TIME: 'BAD_USER_INPUT',
  SAME_COURIER: 'BAD_USER_INPUT',
  AREA_NOT_COVERED_BY_FROM: 'CONFLICT',
  HANDOVER_BEFORE_ASSIGNMENT_START: 'CONFLICT',
  COURIER_OUTLET_MISMATCH: 'FORBIDDEN',
  COURIER_INACTIVE: 'CONFLICT',
  /** The courier already covers MAX_AREAS_PER_COURIER areas: hand some over first. */
  COURIER_AREA_LIMIT: 'CONFLICT',
  OVERLAPPING_ASSIGNMENTS: 'CONFLICT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the network rules (网点、分拨中心、快递员、承包区). */
export type NetworkErrorCode = keyof typeof KIND_BY_CODE;

/** A broken network business rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class NetworkRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every network error code, in declaration order. */
export const NETWORK_ERROR_CODES = NetworkRuleError.codes;
