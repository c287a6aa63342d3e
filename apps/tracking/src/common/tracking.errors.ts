import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';

// Reasons the tracking subgraph adds to the domain's (ParcelErrorCode in @courierdesk/domain-parcel,
// e.g. INVALID_WAYBILL_NO; NetworkErrorCode for district codes and phones) and the platform's
// (INVALID_PAGE_SIZE, INVALID_CURSOR, SCOPE_MISSING, OUTLET_REQUIRED …).
// A shipped reason is API: add reasons here, never rename or reuse one.
const KIND_BY_CODE = {
  /** No waybill with this number — or one the caller may not see (no existence oracle for partners). */
  WAYBILL_NOT_FOUND: 'NOT_FOUND',
  /** createWaybill: the number is taken. */
  WAYBILL_EXISTS: 'CONFLICT',
  /** recordScans: more than MAX_SCANS_PER_CALL events. */
  TOO_MANY_EVENTS: 'BAD_USER_INPUT',
  /** recordScans: neither or both of `events` and `columns`, or columns of different lengths. */
  INVALID_SCAN_BATCH: 'BAD_USER_INPUT',
  /** createWaybills: more than MAX_WAYBILLS_PER_CALL waybills. */
  TOO_MANY_WAYBILLS: 'BAD_USER_INPUT',
  /** A waybill input field is out of range or malformed (the message names the field). */
  INVALID_WAYBILL_INPUT: 'BAD_USER_INPUT',
  /** Insured value (保价金额) above the declared value: insurance never pays above the real value. */
  INSURED_ABOVE_DECLARED: 'BAD_USER_INPUT',
  /** An outlet, transit centre or courier id that is not a UUID: it names nothing in the network. */
  INVALID_REFERENCE_ID: 'BAD_USER_INPUT',
  /** A time filter whose start is after its end. */
  INVALID_TIME_RANGE: 'BAD_USER_INPUT',
  /** Both a creation and a last-scan time range: they order the list differently, pick one. */
  CONFLICTING_TIME_FILTERS: 'BAD_USER_INPUT',
  /** The anomaly queue needs exactly one place: an outlet or a transit centre. */
  QUEUE_PLACE_REQUIRED: 'BAD_USER_INPUT',
  /** Text with U+0000, which PostgreSQL cannot store. */
  INVALID_CHARACTERS: 'BAD_USER_INPUT',
  /** An outlet-bound caller creating waybills for another outlet. */
  ORIGIN_OUTLET_MISMATCH: 'FORBIDDEN',
  /** No tariff version of that name (资费版本). */
  TARIFF_NOT_FOUND: 'NOT_FOUND',
  /** No prohibited-items catalogue version of that name (禁寄目录版本). */
  CATALOGUE_NOT_FOUND: 'NOT_FOUND',
  /** Publishing a rule version whose name or start another version has already. */
  RULE_VERSION_EXISTS: 'CONFLICT',
  /** Publishing a rule version that starts in the past: past quotes and checks would change under it. */
  RULE_EFFECTIVE_IN_PAST: 'BAD_USER_INPUT',
  /** Publishing rules is HQ's: an outlet-bound token never publishes. */
  RULES_PUBLISH_HQ_ONLY: 'FORBIDDEN',
  /** A `limit` argument outside its range (the message says the range). */
  INVALID_LIMIT: 'BAD_USER_INPUT',
  /** No headless parcel (无头件) with this id — or one an outlet-bound caller may not see. */
  HEADLESS_PARCEL_NOT_FOUND: 'NOT_FOUND',
  /** registerHeadlessParcel: a weight, size, time, text or photo reference out of range (the message names the field). */
  INVALID_HEADLESS_PARCEL_INPUT: 'BAD_USER_INPUT',
  /** registerHeadlessParcel by an outlet-bound caller at a place other than its own outlet. */
  HEADLESS_PLACE_OUTSIDE_OUTLET: 'FORBIDDEN',
  /** searchHeadlessParcels / confirmHeadlessMatch for a waybill delivered or returned (已签收/已退回): nothing is lost. */
  WAYBILL_FINISHED: 'CONFLICT',
  /** confirmHeadlessMatch: the parcel was not proposed by a search for this waybill (or not by the search named). */
  HEADLESS_PROPOSAL_NOT_FOUND: 'NOT_FOUND',
  /** confirmHeadlessMatch: the parcel is matched already (or disposed of). */
  HEADLESS_PARCEL_NOT_OPEN: 'CONFLICT',
  /** confirmHeadlessMatch: another parcel is matched to this waybill already. */
  WAYBILL_ALREADY_MATCHED: 'CONFLICT',
  /** confirmHeadlessMatch: the parcel changed since the version the agent saw (expectedVersion). */
  HEADLESS_PARCEL_VERSION_CONFLICT: 'CONFLICT',
  /** confirmHeadlessMatch by an outlet-bound caller: relabelling is decided at HQ. */
  HEADLESS_CONFIRM_HQ_ONLY: 'FORBIDDEN',
} as const satisfies ErrorCodeTable;

/** Stable reasons of the tracking subgraph's own errors. */
export type TrackingErrorCode = keyof typeof KIND_BY_CODE;

/** An error of the tracking subgraph with its stable reason; the platform's formatter turns the kind into `extensions.code`. */
export class TrackingError extends ruleErrorClass(KIND_BY_CODE) {}

/** Every reason, in declaration order. */
export const TRACKING_ERROR_CODES = TrackingError.codes;

/** An error with its stable reason. */
export const trackingError = (code: TrackingErrorCode, message: string): TrackingError => new TrackingError(code, message);

/**
 * Codes of a per-item rejection (recordScans, createWaybills) that the tracking subgraph adds to
 * the domain's ScanRejectionCode (validateScanEvent). They are results, not errors: one bad item
 * never fails the call. Values are API.
 */
export const LOCAL_REJECTION_CODES = [
  /** The waybill number is valid but no waybill has it (未建单). */
  'UNKNOWN_WAYBILL',
  /** The scanner's own event id is missing or longer than 64 characters. */
  'INVALID_EVENT_ID',
  /** A location, courier or outlet id that is not a UUID. */
  'INVALID_REFERENCE_ID',
  /** A waybill field out of range (createWaybills). */
  'INVALID_WAYBILL_INPUT',
  'INSURED_ABOVE_DECLARED',
  'INVALID_DISTRICT_CODE',
  'INVALID_PHONE',
  'INVALID_WAYBILL_NO',
  'ORIGIN_OUTLET_MISMATCH',
  /** recordScans by an outlet-bound scanner: the scan is not located at its own outlet (or names no place). */
  'LOCATION_OUTSIDE_OUTLET',
  /** recordScans by an outlet-bound scanner: the courier was reported at another outlet. */
  'COURIER_OUTSIDE_OUTLET',
] as const;
export type LocalRejectionCode = (typeof LOCAL_REJECTION_CODES)[number];
