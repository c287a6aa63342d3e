import { LiabilityRuleError } from './liability.errors';

/** How a computed amount is rounded to the fen (舍入规则); the policy in force names one. */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN';

/** All rounding modes. */
export const ROUNDING_MODES: readonly RoundingMode[] = ['HALF_UP', 'HALF_EVEN', 'DOWN'];

/** Throws AMOUNT_NOT_INTEGER or NEGATIVE_AMOUNT unless `value` is a whole, non-negative number of fen (分); returns it. */
export function assertFen(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new LiabilityRuleError('AMOUNT_NOT_INTEGER', `${field} must be a whole number of fen`, { field, value: String(value) });
  }
  if (value < 0) throw new LiabilityRuleError('NEGATIVE_AMOUNT', `${field} must not be negative`, { field, value });
  return value;
}

/**
 * `amount × numerator ÷ denominator`, rounded to the fen by `mode`, in exact integer arithmetic
 * (BigInt): a ratio of two money amounts (loss ÷ full value) never goes through a float, so
 * ¥0.005 rounds the way the rule says and not the way binary fractions happen to fall.
 * All three arguments are non-negative whole numbers, the denominator > 0.
 */
export function mulDivFen(amount: number, numerator: number, denominator: number, mode: RoundingMode): number {
  const a = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = a / d;
  const r = a % d;
  if (r === 0n || mode === 'DOWN') return Number(q);
  const twice = 2n * r;
  if (twice > d) return Number(q + 1n);
  if (twice < d) return Number(q);
  // Exactly half a fen.
  if (mode === 'HALF_UP') return Number(q + 1n);
  return Number(q % 2n === 0n ? q : q + 1n);
}

/** Formats fen as yuan (the one formatter of every domain's explanations). */
export { formatYuan } from '@courierdesk/domain-core';

/** Sum of amounts in fen. */
export const sumFen = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);
