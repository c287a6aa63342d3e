import { canonicalId, containsNul, isUuid } from '@courierdesk/domain-core';
import { platformError } from './errors';

/** An optional id argument in its one spelling, or null when absent; anything but a UUID is INVALID_REFERENCE_ID. */
export function referenceArg(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  return uuidArg(value, field);
}

/** A required id argument in its one spelling; anything but a UUID is INVALID_REFERENCE_ID. */
export function uuidArg(value: string, field: string): string {
  if (!isUuid(value)) throw platformError('INVALID_REFERENCE_ID', `${field} is not an id of the network`);
  return canonicalId(value);
}

/**
 * Free text, trimmed, within `max` characters and without U+0000 (PostgreSQL cannot store it);
 * null when blank and optional. INVALID_TEXT names the field otherwise.
 */
export function textArg(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw platformError('INVALID_TEXT', `${field} is required`);
    return null;
  }
  if (trimmed.length > max) throw platformError('INVALID_TEXT', `${field} is longer than ${max} characters`);
  if (containsNul(trimmed)) throw platformError('INVALID_TEXT', `${field} contains U+0000`);
  return trimmed;
}
