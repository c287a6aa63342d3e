import { SlaRuleError } from './sla.errors';

/** For specs: the SlaRuleError code `fn` throws, undefined if it returns, a marker for any other throw. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof SlaRuleError ? error.code : `not a SlaRuleError: ${String(error)}`;
  }
}
