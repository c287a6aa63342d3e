import { toHalfWidth } from '@courierdesk/domain-network';
import { ParcelRuleError } from './parcel.errors';

/**
 * Waybill number (运单号) format: `CD` + 11-digit sequence + 1 check digit, 14 characters, e.g.
 * `CD000000000019`. The check digit is ISO 7064 MOD 11-10 over the 11 sequence digits: it catches
 * every single mistyped digit and nearly every swap of two neighbours — the two errors agents make
 * reading a number over the phone — and, unlike MOD 11, never needs an `X`.
 */
export const WAYBILL_NO_PATTERN = /^CD\d{12}$/;

/** Prefix of every waybill number: Courierdesk. */
export const WAYBILL_NO_PREFIX = 'CD';

/** Length of a waybill number: prefix, sequence, check digit. */
export const WAYBILL_NO_LENGTH = 14;

/** Highest sequence a waybill number can carry (11 digits, well within a safe integer). */
export const MAX_WAYBILL_SEQUENCE = 99_999_999_999;

/** Why a text is not a waybill number, for clients that explain it to the agent. */
export type WaybillNoProblem = 'EMPTY' | 'PREFIX' | 'NOT_DIGITS' | 'LENGTH' | 'CHECK_DIGIT' | 'ZERO_SEQUENCE';

/** ISO 7064 MOD 11-10 check digit of a string of decimal digits. */
export function waybillCheckDigit(digits: string): number {
  let product = 10;
  for (const ch of digits) {
    const sum = (product + Number(ch)) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

const invalid = (waybillNo: string, input: unknown, problem: WaybillNoProblem, why: string): ParcelRuleError =>
  new ParcelRuleError('INVALID_WAYBILL_NO', `"${waybillNo}" is not a waybill number (运单号): ${why}`, {
    waybillNo,
    input,
    problem,
  });

/**
 * Parses what an agent typed or a scanner sent: full-width forms folded to half-width, whitespace
 * removed anywhere (labels print the number in groups), upper-cased. Throws INVALID_WAYBILL_NO.
 */
export function parseWaybillNo(raw: string): string {
  const waybillNo = toHalfWidth(String(raw ?? '')).replace(/\s+/g, '').toUpperCase();
  const expected = `expected ${WAYBILL_NO_PREFIX} + 11-digit sequence + check digit, e.g. CD000000000019`;
  if (waybillNo === '') throw invalid(waybillNo, raw, 'EMPTY', 'empty');
  if (!waybillNo.startsWith(WAYBILL_NO_PREFIX)) {
    throw invalid(waybillNo, raw, 'PREFIX', `does not start with ${WAYBILL_NO_PREFIX}; ${expected}`);
  }
  const digits = waybillNo.slice(WAYBILL_NO_PREFIX.length);
  if (!/^\d+$/.test(digits)) {
    throw invalid(waybillNo, raw, 'NOT_DIGITS', `only digits may follow ${WAYBILL_NO_PREFIX}; ${expected}`);
  }
  if (waybillNo.length !== WAYBILL_NO_LENGTH) {
    throw invalid(waybillNo, raw, 'LENGTH', `${waybillNo.length} characters, ${expected}`);
  }
  const check = waybillCheckDigit(digits.slice(0, 11));
  if (Number(digits[11]) !== check) {
    throw invalid(waybillNo, raw, 'CHECK_DIGIT', `check digit ${digits[11]} is wrong: a digit is mistyped or two are swapped`);
  }
  if (/^0+$/.test(digits.slice(0, 11))) throw invalid(waybillNo, raw, 'ZERO_SEQUENCE', 'sequence 0 is never issued');
  return waybillNo;
}

/** True when `raw` parses as a waybill number (after normalisation, like parseWaybillNo). */
export function isWaybillNo(raw: string): boolean {
  try {
    parseWaybillNo(raw);
    return true;
  } catch {
    return false;
  }
}

/** The waybill number of a sequence (1–99,999,999,999): for issuing, seeds, benchmarks. Throws INVALID_WAYBILL_SEQUENCE. */
export function makeWaybillNo(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > MAX_WAYBILL_SEQUENCE) {
    const message = `waybill sequence ${sequence} is not an integer 1–${MAX_WAYBILL_SEQUENCE}`;
    throw new ParcelRuleError('INVALID_WAYBILL_SEQUENCE', message, { sequence });
  }
  const digits = String(sequence).padStart(11, '0');
  return `${WAYBILL_NO_PREFIX}${digits}${waybillCheckDigit(digits)}`;
}

/** The sequence a waybill number carries. Throws INVALID_WAYBILL_NO. */
export const waybillSequence = (waybillNo: string): number => Number(parseWaybillNo(waybillNo).slice(2, 13));
