import { ParcelRuleError } from './parcel.errors';
import { ProblemCode, isProblemCode } from './problem-code';
import {
  DELIVERY_FAILURE_REASONS,
  DeliveryFailureReason,
  LocationKind,
  SCAN_REQUIREMENTS,
  SIGNER_KINDS,
  ScanEvent,
  ScanLocation,
  ScanType,
  Signer,
  SignerKind,
  isScanType,
} from './scan-event';
import { parseWaybillNo } from './waybill-number';

/** A scan event as a scanner or a client sends it: loosely typed, to be validated. */
export interface ScanEventInput {
  waybillNo: string;
  type: string;
  /** A Date, or an ISO 8601 string with an explicit offset (`Z` or `+08:00`). */
  eventTime: Date | string;
  location?: { kind: string; id: string } | null;
  courierId?: string | null;
  signer?: { kind: string; name?: string | null } | null;
  failureReason?: string | null;
  problemCode?: string | null;
  note?: string | null;
}

/** What validation needs to know besides the event: the clock and the waybill, passed in. */
export interface ScanValidationContext {
  now: Date;
  /** When the waybill was created (下单); no event may precede it. */
  waybillCreatedAt?: Date | null;
  /** Tolerated scanner clock drift, in minutes; 10 by default. */
  maxClockSkewMinutes?: number;
}

/** Why a scan event is rejected (a per-scan result, not an error). Values are API: add, never rename. */
export const SCAN_REJECTION_CODES = [
  'INVALID_WAYBILL_NO',
  'UNKNOWN_SCAN_TYPE',
  'INVALID_EVENT_TIME',
  'EVENT_TIME_IN_FUTURE',
  'EVENT_TIME_BEFORE_CREATION',
  'LOCATION_REQUIRED',
  'INVALID_LOCATION',
  'LOCATION_KIND_MISMATCH',
  'COURIER_REQUIRED',
  'SIGNER_REQUIRED',
  'UNKNOWN_SIGNER_KIND',
  'FAILURE_REASON_REQUIRED',
  'UNKNOWN_FAILURE_REASON',
  'PROBLEM_CODE_REQUIRED',
  'UNKNOWN_PROBLEM_CODE',
  'TEXT_TOO_LONG',
] as const;
export type ScanRejectionCode = (typeof SCAN_REJECTION_CODES)[number];

/** One reason a scan event is rejected, naming the field. */
export interface ScanRejection {
  field: string;
  code: ScanRejectionCode;
  message: string;
}

/** The normalised event, or every reason it was rejected. */
export type ScanValidation = { ok: true; event: ScanEvent } | { ok: false; reasons: ScanRejection[] };

/** Default tolerated scanner clock drift: handheld clocks drift, a few minutes is not fraud. */
export const DEFAULT_MAX_CLOCK_SKEW_MINUTES = 10;

/** The same allowance in milliseconds: how far in the future a scanner's or client's time may lie. */
export const MAX_CLOCK_SKEW_MS = DEFAULT_MAX_CLOCK_SKEW_MINUTES * 60_000;

const MAX_ID_LENGTH = 64;
const MAX_NAME_LENGTH = 50;
const MAX_NOTE_LENGTH = 500;
// An offset is required: a bare local time would be read in the server's timezone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const text = (value: string | null | undefined): string | null => {
  const trimmed = (value ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
};

function parseEventTime(raw: Date | string): Date | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw !== 'string' || !ISO_WITH_OFFSET.test(raw.trim())) return null;
  const at = new Date(raw.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}

type Reject = (field: string, code: ScanRejectionCode, message: string) => null;

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

function checkTime(input: ScanEventInput, context: ScanValidationContext, reject: Reject): Date | null {
  const eventTime = parseEventTime(input.eventTime);
  const skewMs = (context.maxClockSkewMinutes ?? DEFAULT_MAX_CLOCK_SKEW_MINUTES) * 60_000;
  const createdAt = context.waybillCreatedAt;
  if (eventTime === null) {
    return reject('eventTime', 'INVALID_EVENT_TIME', `eventTime ${JSON.stringify(input.eventTime)} is not a time with an offset`);
  }
  if (eventTime.getTime() > context.now.getTime() + skewMs) {
    const message = `eventTime ${eventTime.toISOString()} is after now (${context.now.toISOString()}) beyond the clock skew`;
    return reject('eventTime', 'EVENT_TIME_IN_FUTURE', message);
  }
  if (createdAt && eventTime.getTime() < createdAt.getTime() - skewMs) {
    const message = `eventTime ${eventTime.toISOString()} is before the waybill was created (${createdAt.toISOString()})`;
    return reject('eventTime', 'EVENT_TIME_BEFORE_CREATION', message);
  }
  return eventTime;
}

function checkLocation(input: ScanEventInput, type: ScanType, reject: Reject): ScanLocation | null {
  const { locationKinds, locationRequired } = SCAN_REQUIREMENTS[type];
  const kinds = locationKinds.join(' or ');
  if (locationKinds.length === 0 || !input.location) {
    return locationRequired ? reject('location', 'LOCATION_REQUIRED', `${type} needs a ${kinds} location`) : null;
  }
  const id = text(input.location.id);
  const kind = input.location.kind;
  if (id === null || id.length > MAX_ID_LENGTH) {
    return reject('location.id', 'INVALID_LOCATION', `location id must be 1–${MAX_ID_LENGTH} characters`);
  }
  if (!isOneOf<LocationKind>(locationKinds, kind)) {
    return reject('location.kind', 'LOCATION_KIND_MISMATCH', `${type} happens at ${kinds}, not "${kind}"`);
  }
  return { kind, id };
}

function checkSigner(input: ScanEventInput, type: ScanType, reject: Reject): Signer | null {
  if (!SCAN_REQUIREMENTS[type].signerRequired) return null;
  if (!input.signer) return reject('signer', 'SIGNER_REQUIRED', `${type} needs who signed (签收人)`);
  const name = text(input.signer.name);
  if (!isOneOf<SignerKind>(SIGNER_KINDS, input.signer.kind)) {
    return reject('signer.kind', 'UNKNOWN_SIGNER_KIND', `unknown signer kind "${input.signer.kind}"`);
  }
  if (name !== null && name.length > MAX_NAME_LENGTH) {
    return reject('signer.name', 'TEXT_TOO_LONG', `signer name is longer than ${MAX_NAME_LENGTH}`);
  }
  return { kind: input.signer.kind, name };
}

function checkFailureReason(input: ScanEventInput, type: ScanType, reject: Reject): DeliveryFailureReason | null {
  if (!SCAN_REQUIREMENTS[type].failureReasonRequired) return null;
  const reason = text(input.failureReason);
  if (reason === null) return reject('failureReason', 'FAILURE_REASON_REQUIRED', `${type} needs a failure reason (派送失败原因)`);
  if (!isOneOf(DELIVERY_FAILURE_REASONS, reason)) {
    return reject('failureReason', 'UNKNOWN_FAILURE_REASON', `unknown failure reason "${reason}"`);
  }
  return reason;
}

function checkProblemCode(input: ScanEventInput, type: ScanType, reject: Reject): ProblemCode | null {
  const rule = SCAN_REQUIREMENTS[type].problemCode;
  const code = rule === 'NONE' ? null : text(input.problemCode);
  if (code === null) {
    return rule === 'REQUIRED' ? reject('problemCode', 'PROBLEM_CODE_REQUIRED', `${type} needs a problem code (问题件类型)`) : null;
  }
  return isProblemCode(code) ? code : reject('problemCode', 'UNKNOWN_PROBLEM_CODE', `unknown problem code "${code}"`);
}

function checkText(value: string | null | undefined, field: string, max: number, reject: Reject): string | null {
  const clean = text(value);
  return clean !== null && clean.length > max ? reject(field, 'TEXT_TOO_LONG', `${field} is longer than ${max}`) : clean;
}

/**
 * Validates and normalises one scan event; collects every reason instead of stopping at the first,
 * so a batch can reject one bad event with all its reasons and keep the rest. Fields that do not
 * apply to the type are dropped, so a stored event never contradicts its type.
 */
export function validateScanEvent(input: ScanEventInput, context: ScanValidationContext): ScanValidation {
  const reasons: ScanRejection[] = [];
  const reject: Reject = (field, code, message) => {
    reasons.push({ field, code, message });
    return null;
  };
  let waybillNo = '';
  try {
    waybillNo = parseWaybillNo(input.waybillNo);
  } catch (error) {
    reject('waybillNo', 'INVALID_WAYBILL_NO', (error as Error).message);
  }
  const eventTime = checkTime(input, context, reject);
  if (!isScanType(input.type)) {
    reject('type', 'UNKNOWN_SCAN_TYPE', `unknown scan type "${input.type}"`);
    return { ok: false, reasons };
  }
  const type = input.type;
  const event = {
    waybillNo,
    type,
    eventTime,
    location: checkLocation(input, type, reject),
    courierId: checkText(input.courierId, 'courierId', MAX_ID_LENGTH, reject),
    signer: checkSigner(input, type, reject),
    failureReason: checkFailureReason(input, type, reject),
    problemCode: checkProblemCode(input, type, reject),
    note: checkText(input.note, 'note', MAX_NOTE_LENGTH, reject),
  };
  if (SCAN_REQUIREMENTS[type].courierRequired && event.courierId === null && !reasons.some((r) => r.field === 'courierId')) {
    reject('courierId', 'COURIER_REQUIRED', `${type} needs the courier who has the parcel`);
  }
  if (reasons.length > 0 || eventTime === null) return { ok: false, reasons };
  return { ok: true, event: { ...event, eventTime } };
}

/** Like validateScanEvent for a single event: returns it normalised or throws INVALID_SCAN_EVENT with every reason. */
export function assertValidScanEvent(input: ScanEventInput, context: ScanValidationContext): ScanEvent {
  const result = validateScanEvent(input, context);
  if (result.ok) return result.event;
  const message = `scan event rejected: ${result.reasons.map((r) => r.message).join('; ')}`;
  throw new ParcelRuleError('INVALID_SCAN_EVENT', message, { reasons: result.reasons });
}
