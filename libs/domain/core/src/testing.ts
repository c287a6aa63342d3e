import { DomainError } from './domain-error';

// Helpers for specs of the domain libraries; not part of the library's index.

/** The DomainError code `fn` throws, undefined if it returns, a marker for any other throw. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
}
