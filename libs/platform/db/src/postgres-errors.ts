/** SQLSTATE codes the services act on (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const PostgresErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  queryCanceled: '57014',
  deadlockDetected: '40P01',
} as const;

interface PostgresErrorFields {
  code?: unknown;
  constraint?: unknown;
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
