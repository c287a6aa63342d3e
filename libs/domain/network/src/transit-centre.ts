import { PROVINCES } from './division-code';
import { NetworkRuleError } from './network.errors';
import { normalizeName, toHalfWidth } from './text';

/** Longest transit centre name accepted, in characters. */
export const TRANSIT_CENTRE_NAME_MAX_LENGTH = 40;

/**
 * Transit centre code (分拨中心编号): `TC-<4-digit city code>-<2-digit sequence>`, e.g. `TC-4403-01`.
 * A centre serves a prefecture-level city (地级市); the sequence (01–99) numbers centres within it.
 */
export const TRANSIT_CENTRE_CODE_PATTERN = /^TC-(\d{4})-(\d{2})$/;

/** A parsed transit centre code. */
export interface TransitCentreCode {
  code: string;
  cityCode: string;
  seq: number;
}

const invalidCode = (code: string, why: string): NetworkRuleError =>
  new NetworkRuleError('INVALID_TRANSIT_CENTRE_CODE', `"${code}" is not a transit centre code: ${why}`, {
    code,
    reason: why,
  });

/** True for a four-digit city prefix (地级代码) under a known province. */
export const isCityCode = (code: string): boolean =>
  /^\d{4}$/.test(code) && code.slice(0, 2) in PROVINCES && code.slice(2) !== '00';

/** Parses `TC-4403-01` (letters case-insensitive). Throws INVALID_TRANSIT_CENTRE_CODE. */
export function parseTransitCentreCode(raw: string): TransitCentreCode {
  const code = toHalfWidth(String(raw ?? '')).trim().toUpperCase();
  const match = TRANSIT_CENTRE_CODE_PATTERN.exec(code);
  if (!match) throw invalidCode(code, 'expected TC-<4-digit city code>-<2-digit sequence>');
  if (!isCityCode(match[1])) throw invalidCode(code, `${match[1]} is not a city code`);
  const seq = Number(match[2]);
  if (seq === 0) throw invalidCode(code, 'sequence starts at 01');
  return { code, cityCode: match[1], seq };
}

/** True for a well-formed transit centre code. */
export function isTransitCentreCode(code: string): boolean {
  try {
    parseTransitCentreCode(code);
    return true;
  } catch {
    return false;
  }
}

/** Builds a transit centre code for a city and sequence (1–99). Throws INVALID_TRANSIT_CENTRE_CODE. */
export function formatTransitCentreCode(cityCode: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 99) throw invalidCode(`TC-${cityCode}-${seq}`, 'sequence must be 1–99');
  return parseTransitCentreCode(`TC-${cityCode}-${String(seq).padStart(2, '0')}`).code;
}

/** Transit centre fields as entered (分拨中心资料). */
export interface TransitCentreInput {
  code: string;
  name: string;
  cityCode: string;
}

/** Validates and normalises a transit centre; throws the first NetworkRuleError found. */
export function validateTransitCentreInput(input: TransitCentreInput): TransitCentreInput {
  const { code, cityCode } = parseTransitCentreCode(input.code);
  const givenCity = toHalfWidth(String(input.cityCode ?? '')).trim();
  if (givenCity !== cityCode) {
    throw new NetworkRuleError(
      'TRANSIT_CENTRE_CODE_CITY_MISMATCH',
      `transit centre code ${code} belongs to city ${cityCode}, not ${givenCity}`,
      { code, cityCode: givenCity },
    );
  }
  return { code, cityCode, name: normalizeName(input.name, TRANSIT_CENTRE_NAME_MAX_LENGTH, 'transit centre name') };
}
