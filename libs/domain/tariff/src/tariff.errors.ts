import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// A shipped code is API: add codes here, never rename or reuse one.
// NO_POLICY_IN_FORCE, DUPLICATE_POLICY_VERSION and INVALID_DATE are domain-sla's (policyInForce).
const KIND_BY_CODE = {
  /** A tariff that cannot be priced by: a missing rate, a zero step, a negative amount. */
  INVALID_TARIFF: 'BAD_USER_INPUT',
  /** Origin or destination is a province, not a city or district (a zone needs both cities). */
  DISTRICT_CODE_REQUIRED: 'BAD_USER_INPUT',
  INVALID_WEIGHT: 'BAD_USER_INPUT',
  INVALID_DIMENSIONS: 'BAD_USER_INPUT',
  /** A money amount that is not a whole, non-negative number of fen, or an insured value above the declared value. */
  INVALID_AMOUNT: 'BAD_USER_INPUT',
  INVALID_FLOORS: 'BAD_USER_INPUT',
  UNKNOWN_CHARGE_CODE: 'BAD_USER_INPUT',
  /** The same charge (e.g. FREIGHT) listed twice on one waybill. */
  DUPLICATE_CHARGE_LINE: 'BAD_USER_INPUT',
  /** A prohibited-items catalogue that does not hold together (duplicate codes, unknown categories, nameless items). */
  INVALID_CATALOGUE: 'BAD_USER_INPUT',
  SEARCH_TEXT_REQUIRED: 'BAD_USER_INPUT',
  SEARCH_TEXT_TOO_LONG: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;

/** Stable codes of the tariff, the charge check and the prohibited-items catalogue (资费、禁寄). */
export type TariffErrorCode = keyof typeof KIND_BY_CODE;

/** A broken tariff rule, with a stable `code` and the `kind` the platform maps to GraphQL. */
export class TariffRuleError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every tariff error code, in declaration order. */
export const TARIFF_ERROR_CODES = TariffRuleError.codes;
