import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ruleErrorClass, type ErrorCodeTable } from '@courierdesk/domain-core';
import { isQueryCanceled, isTransientDatabaseError } from '@courierdesk/platform-db';

/**
 * The error kinds clients may rely on; each becomes `extensions.code`. SERVICE_UNAVAILABLE is
 * the one passing failure: it always carries `retryable: true` (the same request may succeed
 * later; see {@link DATABASE_UNAVAILABLE}).
 */
export const ERROR_KINDS = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'SERVICE_UNAVAILABLE'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * What a client gets when the database was unreachable or the connection was lost. Reads were
 * already retried once on a fresh connection before this reaches a client. A write may or may
 * not have been committed: resending is safe for idempotent mutations (recordScans, by event id)
 * and answered with CONFLICT for creations by a natural key that did go through.
 */
export const DATABASE_UNAVAILABLE = {
  kind: 'SERVICE_UNAVAILABLE',
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is temporarily unavailable; the request can be retried',
} as const satisfies KindedError;

/**
 * What a client gets when the database cancelled the statement (57014: `statement_timeout`, e.g.
 * behind a long lock). Nothing was written; the same request may well pass a moment later.
 */
export const DATABASE_BUSY = {
  kind: 'SERVICE_UNAVAILABLE',
  code: 'DATABASE_BUSY',
  message: 'The database did not answer in time; the request can be retried',
} as const satisfies KindedError;

/** `extensions` of a kinded error as clients see them. */
export function errorExtensions(err: KindedError): Record<string, unknown> {
  return err.kind === 'SERVICE_UNAVAILABLE' ? { code: err.kind, reason: err.code, retryable: true } : { code: err.kind, reason: err.code };
}

/**
 * Any error that says what kind it is and why (`code`, e.g. `OUTLET_CODE_TAKEN`). Domain
 * libraries throw their own classes of this shape (they may not import the platform).
 */
export interface KindedError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly message: string;
}

/** An error with a kind and a reason, for fixtures and tests; product code declares its reasons in a table (ruleErrorClass). */
export class AppError extends Error implements KindedError {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

// Reasons the platform itself sends, for every subgraph. A shipped reason is API: add, never rename.
const PLATFORM_KIND_BY_CODE = {
  /** `first` outside 1–MAX_PAGE_SIZE. */
  INVALID_PAGE_SIZE: 'BAD_USER_INPUT',
  /** A cursor this list did not hand out. */
  INVALID_CURSOR: 'BAD_USER_INPUT',
  /** Text with U+0000, which PostgreSQL cannot store. */
  INVALID_CHARACTERS: 'BAD_USER_INPUT',
  /** A date-time argument that is neither ISO 8601 with an offset nor a plain date. */
  INVALID_DATE_TIME: 'BAD_USER_INPUT',
  /** An id argument (outlet, ticket, claim …) that is not a UUID: it names nothing. */
  INVALID_REFERENCE_ID: 'BAD_USER_INPUT',
  /** Free text missing where required, or longer than its bound (the message names the field). */
  INVALID_TEXT: 'BAD_USER_INPUT',
} as const satisfies ErrorCodeTable;
export type PlatformErrorCode = keyof typeof PLATFORM_KIND_BY_CODE;

/** An error the platform raises for any subgraph (page sizes, cursors, NUL characters). */
export class PlatformError extends ruleErrorClass(PLATFORM_KIND_BY_CODE) {}

/** A platform error with its stable reason. */
export const platformError = (code: PlatformErrorCode, message: string): PlatformError => new PlatformError(code, message);


const KIND_SET = new Set<string>(ERROR_KINDS);

/** True for errors that carry a client-facing kind and code. */
export function isKindedError(err: unknown): err is KindedError {
  return (
    typeof err === 'object' && err !== null && KIND_SET.has((err as KindedError).kind) && typeof (err as KindedError).code === 'string'
  );
}

/** Codes of errors raised by GraphQL itself or Apollo, safe to show once suggestions are gone. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ...ERROR_KINDS,
]);

/** type-graphql's own auth failures (when an auth checker returns false rather than throwing). */
const TYPE_GRAPHQL_AUTH: Record<string, ErrorKind> = { AuthenticationError: 'UNAUTHENTICATED', AuthorizationError: 'FORBIDDEN' };

/** "Did you mean …?" lets a stranger rebuild the schema by guessing; we never send it. */
export function stripSuggestions(message: string): string {
  return message.replace(/\s*Did you mean[^?]*\?/g, '').trim();
}

/**
 * The single place where errors become what clients see: known kinds keep their message with
 * a stable `code` (and `reason`), a lost database is SERVICE_UNAVAILABLE (DATABASE_UNAVAILABLE,
 * retryable), GraphQL's own errors lose suggestions, and everything else
 * becomes INTERNAL_SERVER_ERROR with its details logged, never sent (no stack, SQL or URLs).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (isKindedError(original)) {
      return { ...base, message: original.message, extensions: errorExtensions(original) };
    }
    if (isTransientDatabaseError(original)) {
      const { message, code } = original as { message?: unknown; code?: unknown };
      logger.warn({ err: { message, code }, path: formatted.path }, 'database unavailable');
      return { ...base, message: DATABASE_UNAVAILABLE.message, extensions: errorExtensions(DATABASE_UNAVAILABLE) };
    }
    if (isQueryCanceled(original)) {
      logger.warn({ err: { code: '57014' }, path: formatted.path }, 'statement cancelled (timeout)');
      return { ...base, message: DATABASE_BUSY.message, extensions: errorExtensions(DATABASE_BUSY) };
    }
    const authKind = original instanceof Error ? TYPE_GRAPHQL_AUTH[original.constructor.name] : undefined;
    if (authKind) return { ...base, message: original instanceof Error ? original.message : 'Access denied', extensions: { code: authKind } };
    const code = formatted.extensions?.code;
    const fromGraphQL = !(original instanceof Error) || original instanceof GraphQLError;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code) && fromGraphQL) {
      return { ...base, message: stripSuggestions(formatted.message), extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL execution');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
