import type { MiddlewareFn } from 'type-graphql';
import { containsNul } from '@courierdesk/domain-core';
import { trackingError } from './tracking.errors';

// Batch mutations refuse a NUL per item (INVALID_CHARACTERS in that item's reasons), so one bad
// item never fails the others.
const PER_ITEM = new Set(['recordScans', 'createWaybills']);

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a parameter fails the whole statement.
 * Refused here, once, for every argument of every field (BAD_USER_INPUT), batches per item.
 */
export const rejectNulCharacters: MiddlewareFn = ({ args, info }, next) => {
  if (!PER_ITEM.has(info.fieldName) && containsNul(args)) throw trackingError('INVALID_CHARACTERS', 'Text must not contain NUL characters');
  return next();
};
