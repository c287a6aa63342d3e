/** Kinds of access failure, mapped to GraphQL `extensions.code` by the platform. */
export type AuthErrorKind = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Stable reasons; a shipped reason is API: add new ones, never rename. */
export type AuthErrorCode =
  | 'TOKEN_MISSING'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'INTERNAL_TOKEN_INVALID'
  | 'SCOPE_MISSING'
  | 'OUTLET_MISMATCH'
  | 'OUTLET_REQUIRED';

/** An authentication or authorisation failure with a stable code and no internals. */
export class AuthError extends Error {
  constructor(
    readonly kind: AuthErrorKind,
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The caller is not (validly) authenticated. */
export const unauthenticated = (code: AuthErrorCode, message = 'Authentication required'): AuthError =>
  new AuthError('UNAUTHENTICATED', code, message);

/** The caller is authenticated but may not do this. */
export const forbidden = (code: AuthErrorCode, message = 'Not allowed'): AuthError =>
  new AuthError('FORBIDDEN', code, message);
