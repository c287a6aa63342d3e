import { ParcelRuleError } from './parcel.errors';

/** For specs: the ParcelRuleError code `fn` throws, undefined if it returns, a marker for any other throw. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ParcelRuleError ? error.code : `not a ParcelRuleError: ${String(error)}`;
  }
}
