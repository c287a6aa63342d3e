import { NetworkRuleError } from './network.errors';
import { toHalfWidth } from './text';

/** Kind of a mainland phone number: mobile (手机), landline (座机), or a service hotline (400/800, 95xxx, 123xx). */
export type PhoneKind = 'MOBILE' | 'LANDLINE' | 'SERVICE';

/** A validated mainland phone number in its canonical form. */
export interface Phone {
  kind: PhoneKind;
  /** Canonical text: `13812341234`, `0755-12345678`, `0755-12345678-123`, `400-123-4567`, `95311`. */
  normalized: string;
  /** Long-distance area code (区号) of a landline, with its leading 0. */
  areaCode: string | null;
  /** The number without area code or extension. */
  number: string;
  /** Extension (分机号) of a landline. */
  extension: string | null;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing 010 and the 02x cities have three-digit area codes and 8-digit numbers; every other
// area code has four digits and 7- or 8-digit numbers. Local numbers never start with 0 or 1.
const LANDLINE_SHORT_AREA = /^(010|02\d)([2-9]\d{7})$/;
const LANDLINE_LONG_AREA = /^(0[3-9]\d{2})([2-9]\d{6,7})$/;
const HOTLINE_400 = /^([48]00)(\d{3})(\d{4})$/;
const SHORT_SERVICE = /^(95\d{3}|12\d{3})$/;
const EXTENSION_MARK = /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const SEPARATORS = /[\s\-–—()（）.]+/g;

const invalid = (raw: string, why: string): NetworkRuleError =>
  new NetworkRuleError('INVALID_PHONE', `"${raw}" is not a valid phone number: ${why}`, { phone: raw, reason: why });

function stripCountryCode(digits: string): string {
  if (/^861[3-9]\d{9}$/.test(digits)) return digits.slice(2);
  const prefix = ['+86', '0086'].find((p) => digits.startsWith(p));
  if (!prefix) return digits;
  const national = digits.slice(prefix.length);
  // Dialled from abroad a landline drops its trunk 0: +86 755 … is 0755 ….
  return MOBILE.test(national) || national.startsWith('0') ? national : `0${national}`;
}

function landline(digits: string): { areaCode: string; number: string } | null {
  const match = LANDLINE_SHORT_AREA.exec(digits) ?? LANDLINE_LONG_AREA.exec(digits);
  return match ? { areaCode: match[1], number: match[2] } : null;
}

/** Parses a mainland mobile, landline (with optional extension) or hotline. Throws INVALID_PHONE. */
export function parsePhone(raw: string): Phone {
  let text = toHalfWidth(String(raw ?? '')).trim();
  if (text === '') throw invalid(text, 'empty');
  let extension: string | null = null;
  const marked = EXTENSION_MARK.exec(text);
  if (marked) {
    extension = marked[1];
    text = text.slice(0, marked.index);
  }
  const groups = text.split(SEPARATORS).filter(Boolean);
  if (!/^\+?\d+$/.test(groups.join(''))) throw invalid(raw, 'unexpected characters');
  let digits = stripCountryCode(groups.join(''));
  // "0755-2345678-89": a trailing group after a complete landline is its extension.
  if (extension === null && groups.length >= 3) {
    const head = stripCountryCode(groups.slice(0, -1).join(''));
    const last = groups[groups.length - 1];
    if (last.length <= 6 && landline(head)) {
      extension = last;
      digits = head;
    }
  }

  if (MOBILE.test(digits)) {
    if (extension !== null) throw invalid(raw, 'a mobile number has no extension');
    return { kind: 'MOBILE', normalized: digits, areaCode: null, number: digits, extension: null };
  }
  const fixed = landline(digits);
  if (fixed) {
    const base = `${fixed.areaCode}-${fixed.number}`;
    return {
      kind: 'LANDLINE',
      normalized: extension ? `${base}-${extension}` : base,
      areaCode: fixed.areaCode,
      number: fixed.number,
      extension,
    };
  }
  if (extension !== null) throw invalid(raw, 'extension on a number that is not a landline');
  const hotline = HOTLINE_400.exec(digits);
  if (hotline) {
    const normalized = `${hotline[1]}-${hotline[2]}-${hotline[3]}`;
    return { kind: 'SERVICE', normalized, areaCode: null, number: digits, extension: null };
  }
  if (SHORT_SERVICE.test(digits)) {
    return { kind: 'SERVICE', normalized: digits, areaCode: null, number: digits, extension: null };
  }
  throw invalid(raw, 'neither a mobile (1[3-9] + 9 digits), a landline with area code, nor a hotline');
}

/** Canonical form of a phone number (see `Phone.normalized`). Throws INVALID_PHONE. */
export const normalizePhone = (raw: string): string => parsePhone(raw).normalized;

/** True when `raw` parses as a phone number. */
export function isValidPhone(raw: string): boolean {
  try {
    parsePhone(raw);
    return true;
  } catch {
    return false;
  }
}

/** True for a mainland mobile number (手机号), after normalisation. */
export function isMobilePhone(raw: string): boolean {
  try {
    return parsePhone(raw).kind === 'MOBILE';
  } catch {
    return false;
  }
}

/**
 * Masks a personal number for display (脱敏): mobile `138****1234`, landline `0755-******78`.
 * Hotlines are public and stay as they are. Text that does not parse keeps only its last two characters,
 * so dirty stored data never leaks whole.
 */
export function maskPhone(raw: string): string {
  let phone: Phone;
  try {
    phone = parsePhone(raw);
  } catch {
    const text = String(raw ?? '').replace(/\s+/g, '');
    return text.length <= 2 ? '*'.repeat(text.length) : '*'.repeat(text.length - 2) + text.slice(-2);
  }
  switch (phone.kind) {
    case 'MOBILE':
      return `${phone.number.slice(0, 3)}****${phone.number.slice(-4)}`;
    case 'LANDLINE': {
      const masked = `${phone.areaCode}-${'*'.repeat(phone.number.length - 2)}${phone.number.slice(-2)}`;
      return phone.extension ? `${masked}-${phone.extension}` : masked;
    }
    case 'SERVICE':
      return phone.normalized;
  }
}
