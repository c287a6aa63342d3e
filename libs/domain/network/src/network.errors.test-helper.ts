import { NetworkRuleError } from './network.errors';

/** For specs: the NetworkRuleError code `fn` throws, undefined if it returns, a marker for any other throw. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof NetworkRuleError ? error.code : `not a NetworkRuleError: ${String(error)}`;
  }
}
