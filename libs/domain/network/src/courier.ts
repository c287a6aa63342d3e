import { NetworkRuleError } from './network.errors';
import { parseOutletCode } from './outlet';
import { parsePhone } from './phone';
import { normalizeName, toHalfWidth } from './text';

/** Longest courier name accepted, in characters (names of some minorities are long). */
export const COURIER_NAME_MAX_LENGTH = 20;

/**
 * Courier code (业务员编号): `<outlet code>-<3-digit sequence>`, e.g. `440305-001-007`, so the code
 * printed on a scan tells which outlet the courier works for.
 */
export const COURIER_CODE_PATTERN = /^(\d{6}-\d{3})-(\d{3})$/;

/** Employee number (工号): eight digits, unique across the network. */
export const EMPLOYEE_NO_PATTERN = /^\d{8}$/;

/** A parsed courier code. */
export interface CourierCode {
  code: string;
  outletCode: string;
  seq: number;
}

const invalidCode = (code: string, why: string): NetworkRuleError =>
  new NetworkRuleError('INVALID_COURIER_CODE', `"${code}" is not a courier code: ${why}`, { code, reason: why });

/** Parses a courier code `440305-001-007`. Throws INVALID_COURIER_CODE. */
export function parseCourierCode(raw: string): CourierCode {
  const code = toHalfWidth(String(raw ?? '')).trim();
  const match = COURIER_CODE_PATTERN.exec(code);
  if (!match) throw invalidCode(code, 'expected <outlet code>-<3-digit sequence>');
  try {
    parseOutletCode(match[1]);
  } catch (error) {
    throw invalidCode(code, (error as NetworkRuleError).message);
  }
  const seq = Number(match[2]);
  if (seq === 0) throw invalidCode(code, 'sequence starts at 001');
  return { code, outletCode: match[1], seq };
}

/** Builds a courier code for an outlet and sequence (1–999). Throws INVALID_COURIER_CODE. */
export function formatCourierCode(outletCode: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999) throw invalidCode(`${outletCode}-${seq}`, 'sequence must be 1–999');
  return parseCourierCode(`${outletCode}-${String(seq).padStart(3, '0')}`).code;
}

/** True for a well-formed courier code. */
export function isCourierCode(code: string): boolean {
  try {
    parseCourierCode(code);
    return true;
  } catch {
    return false;
  }
}

/** Courier (快递员) fields as entered. `outletCode`, when given, must be the outlet in the courier code. */
export interface CourierInput {
  code: string;
  name: string;
  phone: string;
  employeeNo: string;
  outletCode?: string;
}

/** Courier fields after validation: trimmed name, canonical code and mobile number. */
export interface ValidCourierInput {
  code: string;
  name: string;
  phone: string;
  employeeNo: string;
  outletCode: string;
}

/** Validates and normalises a courier; throws the first NetworkRuleError found. */
export function validateCourierInput(input: CourierInput): ValidCourierInput {
  const { code, outletCode } = parseCourierCode(input.code);
  if (input.outletCode !== undefined && parseOutletCode(input.outletCode).code !== outletCode) {
    throw new NetworkRuleError(
      'COURIER_CODE_OUTLET_MISMATCH',
      `courier code ${code} belongs to outlet ${outletCode}, not ${input.outletCode}`,
      { code, outletCode: input.outletCode },
    );
  }
  const name = normalizeName(input.name, COURIER_NAME_MAX_LENGTH, 'courier name');
  const phone = parsePhone(input.phone);
  // Couriers are reached on the road: the directory needs a mobile, not the outlet's desk phone.
  if (phone.kind !== 'MOBILE') {
    throw new NetworkRuleError('COURIER_PHONE_NOT_MOBILE', `courier phone ${phone.normalized} is not a mobile number`, {
      phone: phone.normalized,
    });
  }
  const employeeNo = toHalfWidth(String(input.employeeNo ?? '')).trim();
  if (!EMPLOYEE_NO_PATTERN.test(employeeNo)) {
    throw new NetworkRuleError('INVALID_EMPLOYEE_NO', `"${employeeNo}" is not an eight-digit employee number`, {
      employeeNo,
    });
  }
  return { code, name, phone: phone.normalized, employeeNo, outletCode };
}
