import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// Reasons the network subgraph adds to the domain's (NetworkErrorCode in @courierdesk/domain-network)
// and the platform's (INVALID_PAGE_SIZE, INVALID_CURSOR, SCOPE_MISSING, OUTLET_MISMATCH …).
// A shipped reason is API: add reasons here, never rename or reuse one.
const KIND_BY_CODE = {
  OUTLET_NOT_FOUND: 'NOT_FOUND',
  TRANSIT_CENTRE_NOT_FOUND: 'NOT_FOUND',
  COURIER_NOT_FOUND: 'NOT_FOUND',
  DELIVERY_AREA_NOT_FOUND: 'NOT_FOUND',
  /** A well-formed district code (区县代码) the national register does not list. */
  DISTRICT_NOT_FOUND: 'NOT_FOUND',
  OUTLET_CODE_TAKEN: 'CONFLICT',
  TRANSIT_CENTRE_CODE_TAKEN: 'CONFLICT',
  COURIER_CODE_TAKEN: 'CONFLICT',
  EMPLOYEE_NO_TAKEN: 'CONFLICT',
  /** Two handovers of one area raced; the database kept one. */
  AREA_HANDOVER_CONFLICT: 'CONFLICT',
  /** Optimistic concurrency: the row changed since the caller read its version. */
  STALE_VERSION: 'CONFLICT',
  COURIER_STILL_ASSIGNED: 'CONFLICT',
  SEARCH_TEXT_TOO_LONG: 'BAD_USER_INPUT',
  ADDRESS_TOO_LONG: 'BAD_USER_INPUT',
  INVALID_LIMIT: 'BAD_USER_INPUT',
  AREA_NOT_IN_OUTLET: 'BAD_USER_INPUT',
  INVALID_CHARACTERS: 'BAD_USER_INPUT',
  /** The action is reserved to headquarters (not outlet-bound callers). */
  HQ_ONLY: 'FORBIDDEN',
} as const satisfies ErrorCodeTable;

/** Stable reasons of the network subgraph's own errors. */
export type SubgraphErrorCode = keyof typeof KIND_BY_CODE;

/** The NOT_FOUND reasons, one per aggregate. */
export type NotFoundCode = { [C in SubgraphErrorCode]: (typeof KIND_BY_CODE)[C] extends 'NOT_FOUND' ? C : never }[SubgraphErrorCode];

/** An error of the network subgraph with its stable reason; the platform's formatter turns the kind into `extensions.code`. */
export class NetworkSubgraphError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every reason, in declaration order. */
export const SUBGRAPH_ERROR_CODES = NetworkSubgraphError.codes;

/** An error with its stable reason. */
export const subgraphError = (code: SubgraphErrorCode, message: string): NetworkSubgraphError => new NetworkSubgraphError(code, message);
