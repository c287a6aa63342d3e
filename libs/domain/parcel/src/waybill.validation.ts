import { normalizeName, normalizePhone, parseDistrictCode } from '@courierdesk/domain-network';
import { canonicalId, containsNul, DomainError, type DomainErrorKind, isUuid, NETWORK_ID_FORM } from '@courierdesk/domain-core';
import { laneKey, SERVICE_LEVELS, type ServiceLevel } from './eta';
import { MAX_CLOCK_SKEW_MS } from './scan-event.validation';
import { parseWaybillNo } from './waybill-number';

/** Sender or recipient of a waybill (寄件人/收件人) as a client sends it. */
export interface WaybillPartyFields {
  name: string;
  phone: string;
  /** Six-digit county-level code (区县) of the address. */
  districtCode: string;
  /** Street address within the district. */
  address: string;
}

/** A new waybill (下单) as a client or a data loader sends it. */
export interface NewWaybillFields {
  waybillNo: string;
  serviceLevel: ServiceLevel;
  sender: WaybillPartyFields;
  recipient: WaybillPartyFields;
  originOutletId: string;
  destinationOutletId: string;
  weightGrams: number;
  declaredValueFen?: number | null;
  insuredValueFen?: number | null;
  freightFen: number;
  /** When the order was placed; now when absent. Backfills (demo, benchmark) pass past times. */
  createdAt?: Date | null;
  /** What the parcel holds (托寄物), as the sender declared it; optional, at most MAX_CONTENTS_LENGTH characters. */
  contents?: string | null;
}

/** A validated waybill, normalised: ready to insert. */
export interface ValidWaybill {
  waybillNo: string;
  serviceLevel: ServiceLevel;
  sender: WaybillPartyFields;
  recipient: WaybillPartyFields;
  laneKey: string;
  originOutletId: string;
  destinationOutletId: string;
  weightGrams: number;
  declaredValueFen: number;
  insuredValueFen: number;
  freightFen: number;
  createdAt: Date;
  /** The goods description (托寄物), whitespace collapsed; null when none was given. */
  contents: string | null;
}

/** One reason a waybill is refused, naming the field; `kind` is the error kind for a single create. */
export interface WaybillRejection {
  field: string;
  code: string;
  message: string;
  kind: DomainErrorKind;
}

export type WaybillValidation = { ok: true; waybill: ValidWaybill } | { ok: false; reasons: WaybillRejection[] };

/** Heaviest parcel accepted (1 t): anything above is a unit mistake (kg sent as g × 1000). */
export const MAX_WEIGHT_GRAMS = 1_000_000;
const MAX_FEN = 2_147_483_647;
const MAX_NAME_LENGTH = 50;
const MAX_ADDRESS_LENGTH = 200;
/** Longest goods description (托寄物) a waybill keeps: a line on the label, not a packing list. */
export const MAX_CONTENTS_LENGTH = 200;

/**
 * Validates and normalises a new waybill, collecting every reason (a bulk call reports them per
 * item). The waybill number by domain-parcel's rule (INVALID_WAYBILL_NO), names, phones and
 * district codes by domain-network's (EMPTY_NAME, INVALID_PHONE, INVALID_DISTRICT_CODE).
 */
export function validateNewWaybill(input: NewWaybillFields, now: Date): WaybillValidation {
  const reasons: WaybillRejection[] = [];
  const reject = (field: string, code: string, message: string, kind: DomainErrorKind = 'BAD_USER_INPUT'): null => {
    reasons.push({ field, code, message, kind });
    return null;
  };
  const attempt = <T>(field: string, fn: () => T): T | null => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return reject(field, error.code, error.message, error.kind);
    }
  };
  const party = (role: 'sender' | 'recipient', p: WaybillPartyFields): WaybillPartyFields | null => {
    const name = attempt(`${role}.name`, () => normalizeName(p?.name, MAX_NAME_LENGTH, `${role}.name`));
    const phone = attempt(`${role}.phone`, () => normalizePhone(p?.phone));
    const districtCode = attempt(`${role}.districtCode`, () => parseDistrictCode(p?.districtCode).code);
    const address = String(p?.address ?? '').replace(/\s+/g, ' ').trim();
    if (address === '' || [...address].length > MAX_ADDRESS_LENGTH) {
      reject(`${role}.address`, 'INVALID_WAYBILL_INPUT', `${role}.address must be 1–${MAX_ADDRESS_LENGTH} characters`);
    }
    return name && phone && districtCode ? { name, phone, districtCode, address } : null;
  };
  const amount = (field: string, value: number | null | undefined): number | null => {
    const n = value ?? 0;
    return Number.isInteger(n) && n >= 0 && n <= MAX_FEN ? n : reject(field, 'INVALID_WAYBILL_INPUT', `${field} must be whole fen 0–${MAX_FEN}`);
  };

  if (containsNul(input)) {
    return { ok: false, reasons: [{ field: 'waybill', code: 'INVALID_CHARACTERS', message: 'text must not contain NUL characters', kind: 'BAD_USER_INPUT' }] };
  }
  const waybillNo = attempt('waybillNo', () => parseWaybillNo(input.waybillNo));
  if (!SERVICE_LEVELS.includes(input.serviceLevel)) reject('serviceLevel', 'INVALID_WAYBILL_INPUT', `unknown service level "${input.serviceLevel}"`);
  const sender = party('sender', input.sender);
  const recipient = party('recipient', input.recipient);
  for (const field of ['originOutletId', 'destinationOutletId'] as const) {
    if (!isUuid(input[field])) reject(field, 'INVALID_REFERENCE_ID', `expected the outlet's ${NETWORK_ID_FORM}`);
  }
  if (!Number.isInteger(input.weightGrams) || input.weightGrams < 1 || input.weightGrams > MAX_WEIGHT_GRAMS) {
    reject('weightGrams', 'INVALID_WAYBILL_INPUT', `weightGrams must be a whole number 1–${MAX_WEIGHT_GRAMS}`);
  }
  const declaredValueFen = amount('declaredValueFen', input.declaredValueFen);
  const insuredValueFen = amount('insuredValueFen', input.insuredValueFen);
  const freightFen = amount('freightFen', input.freightFen);
  // Insurance (保价) never pays above the real value: an insured amount above the declared one is a mistake.
  if (insuredValueFen !== null && declaredValueFen !== null && insuredValueFen > declaredValueFen) {
    reject('insuredValueFen', 'INSURED_ABOVE_DECLARED', 'insuredValueFen must not exceed declaredValueFen');
  }
  const createdAt = input.createdAt ?? now;
  if (!(createdAt instanceof Date) || Number.isNaN(createdAt.getTime()) || createdAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    reject('createdAt', 'INVALID_WAYBILL_INPUT', 'createdAt must be a time not after now');
  }
  const contents = String(input.contents ?? '').replace(/\s+/g, ' ').trim() || null;
  if (contents !== null && [...contents].length > MAX_CONTENTS_LENGTH) {
    reject('contents', 'INVALID_WAYBILL_INPUT', `contents must be at most ${MAX_CONTENTS_LENGTH} characters`);
  }
  if (reasons.length > 0 || !waybillNo || !sender || !recipient || declaredValueFen === null || insuredValueFen === null || freightFen === null) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    waybill: {
      waybillNo,
      serviceLevel: input.serviceLevel,
      sender,
      recipient,
      laneKey: laneKey(sender.districtCode, recipient.districtCode),
      originOutletId: canonicalId(input.originOutletId),
      destinationOutletId: canonicalId(input.destinationOutletId),
      weightGrams: input.weightGrams,
      declaredValueFen,
      insuredValueFen,
      freightFen,
      createdAt,
      contents,
    },
  };
}
