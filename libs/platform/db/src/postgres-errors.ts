/** SQLSTATE codes the services act on (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PostgresErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  queryCanceled: '57014',
  deadlockDetected: '40P01',
  adminShutdown: '57P01',
  crashShutdown: '57P02',
  cannotConnectNow: '57P03',
  tooManyConnections: '53300',
} as const;

// The server went away or cannot take the connection now: it was terminated
// (pg_terminate_backend, a restart, a failover), is starting or stopping, or is full.
// Class 08 (connection exception) is matched as a whole.
const UNAVAILABLE_SQLSTATES = new Set<string>([
  PostgresErrorCode.adminShutdown,
  PostgresErrorCode.crashShutdown,
  PostgresErrorCode.cannotConnectNow,
  PostgresErrorCode.tooManyConnections,
]);

// Socket errors on the way to the server. ENOTFOUND is left out: a wrong host name is
// configuration, not a passing failure.
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

// node-postgres and its pool report a lost or unobtainable connection with these messages and no code.
const CONNECTION_LOST_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

interface PostgresErrorFields {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  /** Set on an AggregateError: a connection to a host name with several addresses. */
  errors?: unknown;
}

// TypeORM wraps pg's DatabaseError in a QueryFailedError and keeps the original as
// `driverError`; pg's own errors carry `code` directly. Accept both shapes.
function postgresFields(err: unknown): PostgresErrorFields | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const driverError = (err as { driverError?: unknown }).driverError;
  if (typeof driverError === 'object' && driverError !== null) return driverError as PostgresErrorFields;
  return err as PostgresErrorFields;
}

/** The SQLSTATE of a PostgreSQL error (raw pg or wrapped by TypeORM), if it is one. */
export function postgresErrorCode(err: unknown): string | undefined {
  const code = postgresFields(err)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The name of the constraint a PostgreSQL error reports, so a service can tell which rule was hit. */
export function violatedConstraint(err: unknown): string | undefined {
  const constraint = postgresFields(err)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** True for a UNIQUE / primary-key violation (23505), e.g. a retried insert with the same natural key. */
export function isUniqueViolation(err: unknown): boolean {
  return postgresErrorCode(err) === PostgresErrorCode.uniqueViolation;
}

/** True for a FOREIGN KEY violation (23503): the referenced row does not (or no longer) exist. */
export function isForeignKeyViolation(err: unknown): boolean {
  return postgresErrorCode(err) === PostgresErrorCode.foreignKeyViolation;
}

/** True for a CHECK constraint violation (23514). */
export function isCheckViolation(err: unknown): boolean {
  return postgresErrorCode(err) === PostgresErrorCode.checkViolation;
}

/** True when PostgreSQL cancelled the statement (57014), e.g. because `statement_timeout` expired. */
export function isQueryCanceled(err: unknown): boolean {
  return postgresErrorCode(err) === PostgresErrorCode.queryCanceled;
}

/**
 * True when the database could not be reached or the connection was lost (class 08, 57P01–57P03,
 * 53300, socket errors, node-postgres's own "Connection terminated…"): a passing failure, not a
 * bug and not the caller's fault. The same request may succeed once the server is back; a write
 * that failed this way may or may not have been committed.
 */
export function isTransientDatabaseError(err: unknown): boolean {
  const fields = postgresFields(err);
  if (!fields) return false;
  const { code, message, errors } = fields;
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || NETWORK_ERROR_CODES.has(code))) return true;
  if (typeof message === 'string' && CONNECTION_LOST_MESSAGES.some((lost) => message.startsWith(lost))) return true;
  return Array.isArray(errors) && errors.some(isTransientDatabaseError);
}
