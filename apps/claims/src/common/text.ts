import { canonicalId, isUuid } from '@courierdesk/domain-core';
import { claimsError } from './claims.errors';

/** Trimmed text within bounds; null when absent or blank and optional. U+0000 (PostgreSQL cannot store it) is refused. */
export function boundedText(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw claimsError('INVALID_TEXT', `${field} is required`);
    return null;
  }
  if (trimmed.length > max) throw claimsError('INVALID_TEXT', `${field} is longer than ${max} characters`);
  if (trimmed.includes('\u0000')) throw claimsError('INVALID_TEXT', `${field} contains U+0000`);
  return trimmed;
}

/** A UUID argument in its canonical spelling, or null; anything else is BAD_USER_INPUT. */
export function referenceId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!isUuid(value)) throw claimsError('INVALID_REFERENCE_ID', `${field} is not an id of the network`);
  return canonicalId(value);
}
