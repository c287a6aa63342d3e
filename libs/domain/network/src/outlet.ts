import { parseDistrictCode } from './division-code';
import { NetworkRuleError } from './network.errors';
import { normalizePhone } from './phone';
import { normalizeName, toHalfWidth } from './text';

/** How an outlet (网点) is run. */
export const OutletKind = {
  /** Directly operated outlet (直营网点). */
  DIRECT: 'DIRECT',
  /** Franchise outlet (加盟网点): an independent business; fines and chargebacks move between outlets. */
  FRANCHISE: 'FRANCHISE',
  /** Partner station (驿站、代收点、村淘服务站): receives parcels on recipients' behalf. */
  PARTNER_STATION: 'PARTNER_STATION',
} as const;
/** How an outlet (网点) is run. */
export type OutletKind = (typeof OutletKind)[keyof typeof OutletKind];

/** All outlet kinds, in declaration order. */
export const OUTLET_KINDS: readonly OutletKind[] = Object.values(OutletKind);

/** Longest outlet name accepted, in characters. */
export const OUTLET_NAME_MAX_LENGTH = 40;

/**
 * Outlet code (网点编号): `<6-digit district code>-<3-digit sequence>`, e.g. `440305-001`. The district
 * is where the outlet is registered; the sequence (001–999) numbers outlets within that district.
 */
export const OUTLET_CODE_PATTERN = /^(\d{6})-(\d{3})$/;

/** A parsed outlet code. */
export interface OutletCode {
  code: string;
  districtCode: string;
  seq: number;
}

const invalidCode = (code: string, why: string): NetworkRuleError =>
  new NetworkRuleError('INVALID_OUTLET_CODE', `"${code}" is not an outlet code: ${why}`, { code, reason: why });

/** Parses an outlet code `440305-001`. Throws INVALID_OUTLET_CODE. */
export function parseOutletCode(raw: string): OutletCode {
  const code = toHalfWidth(String(raw ?? '')).trim();
  const match = OUTLET_CODE_PATTERN.exec(code);
  if (!match) throw invalidCode(code, 'expected <6-digit district code>-<3-digit sequence>');
  const seq = Number(match[2]);
  if (seq === 0) throw invalidCode(code, 'sequence starts at 001');
  try {
    parseDistrictCode(match[1]);
  } catch (error) {
    throw invalidCode(code, (error as NetworkRuleError).message);
  }
  return { code, districtCode: match[1], seq };
}

/** True for a well-formed outlet code. */
export function isOutletCode(code: string): boolean {
  try {
    parseOutletCode(code);
    return true;
  } catch {
    return false;
  }
}

/** Builds the outlet code for a district and sequence (1–999). Throws INVALID_OUTLET_CODE. */
export function formatOutletCode(districtCode: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999) throw invalidCode(`${districtCode}-${seq}`, 'sequence must be 1–999');
  return parseOutletCode(`${districtCode}-${String(seq).padStart(3, '0')}`).code;
}

/** Outlet fields as entered (网点资料). */
export interface OutletInput {
  code: string;
  name: string;
  districtCode: string;
  kind: string;
  phone?: string | null;
}

/** Outlet fields after validation: trimmed, canonical codes and phone. */
export interface ValidOutletInput {
  code: string;
  name: string;
  districtCode: string;
  kind: OutletKind;
  phone: string | null;
}

/** True when `kind` is an outlet kind. */
export const isOutletKind = (kind: string): kind is OutletKind => (OUTLET_KINDS as readonly string[]).includes(kind);

/** Validates and normalises an outlet; throws the first NetworkRuleError found. */
export function validateOutletInput(input: OutletInput): ValidOutletInput {
  const districtCode = parseDistrictCode(input.districtCode).code;
  const { code, districtCode: codeDistrict } = parseOutletCode(input.code);
  if (codeDistrict !== districtCode) {
    throw new NetworkRuleError(
      'OUTLET_CODE_DISTRICT_MISMATCH',
      `outlet code ${code} belongs to district ${codeDistrict}, not ${districtCode}`,
      { code, districtCode },
    );
  }
  const name = normalizeName(input.name, OUTLET_NAME_MAX_LENGTH, 'outlet name');
  if (!isOutletKind(input.kind)) {
    throw new NetworkRuleError('INVALID_OUTLET_KIND', `unknown outlet kind "${input.kind}"`, { kind: input.kind });
  }
  const phone = input.phone == null || input.phone.trim() === '' ? null : normalizePhone(input.phone);
  return { code, name, districtCode, kind: input.kind, phone };
}
