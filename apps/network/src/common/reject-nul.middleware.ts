import type { MiddlewareFn } from 'type-graphql';
import { subgraphError } from './subgraph.errors';

const containsNul = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).some(containsNul);
  return false;
};

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a parameter fails the statement with an
 * internal error. Refused here, once, for every argument of every field (BAD_USER_INPUT).
 */
export const rejectNulCharacters: MiddlewareFn = ({ args }, next) => {
  if (containsNul(args)) throw subgraphError('INVALID_CHARACTERS', 'Text must not contain NUL characters');
  return next();
};
