import { isWaybillNo, parseWaybillNo, validateScanEvent, type ScanEvent, type ScanEventInput } from '@courierdesk/domain-parcel';
import { canonicalId, containsNul } from '@courierdesk/domain-core';
import { isUuid, NETWORK_ID_FORM } from '../common/ids';
import { trackingError } from '../common/tracking.errors';
import { encodeScanEventId } from '../scan/scan-event.id';
import { reachReasons, UNRESTRICTED, type ScanAccess } from './scan-reach';

/** A scan as a scanner sends it: the domain's loosely typed input plus the scanner's own event id. */
export interface ScanInput extends ScanEventInput {
  /** The scanner's id of this event (1–64 characters); a resend carries the same. */
  eventId: string;
}

/** Why one scan was refused, naming the field (codes: ScanRejectionCode of domain-parcel, LOCAL_REJECTION_CODES). */
export interface ScanRejectionReason {
  field: string;
  code: string;
  message: string;
}

/** What became of one scan of a batch, in input order. */
export interface ScanResult {
  index: number;
  eventId: string;
  /** ACCEPTED: stored now; DUPLICATE: stored before (or earlier in this batch), nothing changed; REJECTED: see reasons. */
  status: 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';
  /** The ScanEvent id of the stored event (ACCEPTED, DUPLICATE). */
  scanEventId: string | null;
  reasons: ScanRejectionReason[];
}

/** A scan that passed validation, with its storage key. */
export interface ValidScan {
  index: number;
  eventId: string;
  event: ScanEvent;
  /** waybill|epoch ms|event id: equal keys are one event. */
  key: string;
}

const MAX_EVENT_ID_LENGTH = 64;

/** Refuses a batch of more than `max` scans as a whole (BAD_USER_INPUT, TOO_MANY_EVENTS). */
export function assertBatchSize(count: number, max: number): void {
  if (count > max) throw trackingError('TOO_MANY_EVENTS', `At most ${max} scans per call; split the upload`);
}

/** The storage key of an event: a resend of it has the same. */
export const scanKey = (waybillNo: string, eventTime: Date, eventId: string): string => scanKeyOfMs(waybillNo, eventTime.getTime(), eventId);

/** The same, from the event time in epoch ms. */
export const scanKeyOfMs = (waybillNo: string, eventMs: number, eventId: string): string => `${waybillNo}|${eventMs}|${eventId}`;

/** The waybill number each raw text of a batch names (null: malformed), each parsed once. */
export function waybillNumbersOf(inputs: readonly ScanInput[]): Map<string, string | null> {
  const numbers = new Map<string, string | null>();
  for (const { waybillNo: raw } of inputs) {
    if (typeof raw === 'string' && !numbers.has(raw)) numbers.set(raw, isWaybillNo(raw) ? parseWaybillNo(raw) : null);
  }
  return numbers;
}

/** The distinct well-formed numbers: the waybills to load (one query). */
export const distinctNumbers = (numbers: ReadonlyMap<string, string | null>): string[] =>
  [...new Set([...numbers.values()].filter((n): n is string => n !== null))];

/**
 * Judges every scan of a batch in memory, given the batch's waybills (number → creation time):
 * every reason of validateScanEvent, plus ours — unknown waybill, malformed scanner or network ids,
 * and a place or courier outside the caller's reach (`access`, scan-reach.ts). A scan repeated
 * inside the batch is a DUPLICATE of its first occurrence.
 */
export function judgeScans(
  inputs: readonly ScanInput[],
  waybills: ReadonlyMap<string, { createdAt: Date }>,
  now: Date,
  numbers: ReadonlyMap<string, string | null> = waybillNumbersOf(inputs),
  access: ScanAccess = UNRESTRICTED,
) {
  const results: ScanResult[] = [];
  const valid: ValidScan[] = [];
  const firstByKey = new Map<string, ValidScan>();
  inputs.forEach((input, index) => {
    const eventId = typeof input.eventId === 'string' ? input.eventId : '';
    const result: ScanResult = { index, eventId, status: 'REJECTED', scanEventId: null, reasons: [] };
    results.push(result);
    const reject = (field: string, code: string, message: string) => result.reasons.push({ field, code, message });
    if (containsNul(input)) return reject('event', 'INVALID_CHARACTERS', 'text must not contain NUL characters');
    const waybillNo = numbers.get(input.waybillNo) ?? null;
    const waybill = waybillNo ? waybills.get(waybillNo) : undefined;
    const validation = validateScanEvent(input, { now, waybillCreatedAt: waybill?.createdAt ?? null });
    if (!validation.ok) result.reasons.push(...validation.reasons);
    if (eventId.length < 1 || eventId.length > MAX_EVENT_ID_LENGTH) reject('eventId', 'INVALID_EVENT_ID', `eventId must be 1–${MAX_EVENT_ID_LENGTH} characters`);
    if (waybillNo && !waybill) reject('waybillNo', 'UNKNOWN_WAYBILL', `no waybill ${waybillNo} (未建单): create it before scanning`);
    // Locations and couriers are the network's keys: a malformed one would reference nothing.
    if (input.location?.id && !isUuid(input.location.id.trim()) && !result.reasons.some((r) => r.field === 'location.id')) {
      reject('location.id', 'INVALID_REFERENCE_ID', `location.id: expected the outlet's or transit centre's ${NETWORK_ID_FORM}`);
    }
    if (input.courierId && !isUuid(input.courierId.trim()) && !result.reasons.some((r) => r.field === 'courierId')) {
      reject('courierId', 'INVALID_REFERENCE_ID', `courierId: expected the courier's ${NETWORK_ID_FORM}`);
    }
    result.reasons.push(...reachReasons(input, access, result.reasons));
    if (!validation.ok || result.reasons.length > 0) return;
    const event = normaliseIds(validation.event);
    const key = scanKey(event.waybillNo, event.eventTime, eventId);
    result.scanEventId = encodeScanEventId({ waybillNo: event.waybillNo, eventUs: String(event.eventTime.getTime() * 1000), scannerEventId: eventId });
    if (firstByKey.has(key)) {
      result.status = 'DUPLICATE';
      return;
    }
    // Provisionally: the INSERT tells ACCEPTED from a DUPLICATE of an earlier call.
    result.status = 'ACCEPTED';
    const scan = { index, eventId, event, key };
    firstByKey.set(key, scan);
    valid.push(scan);
  });
  return { results, valid };
}

function normaliseIds(event: ScanEvent): ScanEvent {
  return {
    ...event,
    location: event.location && { kind: event.location.kind, id: canonicalId(event.location.id) },
    courierId: event.courierId && canonicalId(event.courierId),
  };
}
