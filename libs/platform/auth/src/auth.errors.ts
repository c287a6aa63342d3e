/** Kinds of access failure, mapped to GraphQL `extensions.code` by the platform. */
export type AuthErrorKind = 'UNAUTHENTICATED' | 'FORBIDDEN';

// Stable reasons with the kind each is sent as; a shipped reason is API: add new ones, never rename.
const KIND_BY_CODE = {
  TOKEN_MISSING: 'UNAUTHENTICATED',
  TOKEN_INVALID: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'UNAUTHENTICATED',
  TOKEN_REVOKED: 'UNAUTHENTICATED',
  INTERNAL_TOKEN_INVALID: 'UNAUTHENTICATED',
  SCOPE_MISSING: 'FORBIDDEN',
  OUTLET_MISMATCH: 'FORBIDDEN',
  OUTLET_REQUIRED: 'FORBIDDEN',
} as const satisfies Record<string, AuthErrorKind>;
export type AuthErrorCode = keyof typeof KIND_BY_CODE;
type CodeOf<K extends AuthErrorKind> = { [C in AuthErrorCode]: (typeof KIND_BY_CODE)[C] extends K ? C : never }[AuthErrorCode];

/** Every reason, in declaration order. */
export const AUTH_ERROR_CODES = Object.keys(KIND_BY_CODE) as AuthErrorCode[];

/** The kind a reason is sent as. */
export const authErrorKind = (code: AuthErrorCode): AuthErrorKind => KIND_BY_CODE[code];

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
export const unauthenticated = (code: CodeOf<'UNAUTHENTICATED'>, message = 'Authentication required'): AuthError =>
  new AuthError('UNAUTHENTICATED', code, message);

/** The caller is authenticated but may not do this. */
export const forbidden = (code: CodeOf<'FORBIDDEN'>, message = 'Not allowed'): AuthError =>
  new AuthError('FORBIDDEN', code, message);
