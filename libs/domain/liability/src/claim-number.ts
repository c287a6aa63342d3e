import { assertValidDate, chinaDateOf, formatCalendarDate, isRealDate } from '@courierdesk/domain-sla';
import { LiabilityRuleError } from './liability.errors';

/** Prefix of every claim number (理赔单号). */
export const CLAIM_NUMBER_PREFIX = 'CL';

const DIGITS = 6;
// Canonical form: exactly 6 digits, or more without a leading zero, so one claim has one spelling.
const CLAIM_NUMBER = /^CL(\d{4})(\d{2})(\d{2})-(\d{6}|[1-9]\d{6,})$/;

/**
 * The claim number (理赔单号) `CL20261202-000123`: the China calendar date (UTC+8) of filing and the
 * caller's sequence, zero-padded to 6 digits and longer when larger. Throws INVALID_DATE, INVALID_CLAIM_SEQUENCE.
 */
export function formatClaimNumber(filedAt: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new LiabilityRuleError('INVALID_CLAIM_SEQUENCE', `claim sequence must be a positive integer, got ${sequence}`, { sequence });
  }
  const date = formatCalendarDate(chinaDateOf(assertValidDate(filedAt, 'filedAt'))).replace(/-/g, '');
  return `${CLAIM_NUMBER_PREFIX}${date}-${String(sequence).padStart(DIGITS, '0')}`;
}

/** The canonical spelling of a typed claim number (trimmed, upper case). Throws INVALID_CLAIM_NUMBER. */
export function assertClaimNumber(text: string): string {
  const match = CLAIM_NUMBER.exec(String(text ?? '').trim().toUpperCase());
  const ok = match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) && Number(match[4]) >= 1;
  if (!ok) throw new LiabilityRuleError('INVALID_CLAIM_NUMBER', `"${text}" is not a claim number such as CL20261202-000123`, { claimNumber: text });
  return match[0];
}
