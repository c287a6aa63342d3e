import fc from 'fast-check';
import { assertFen, formatYuan, mulDivFen, type RoundingMode } from './money';

describe('mulDivFen: amount × numerator ÷ denominator, rounded to the fen', () => {
  it.each<[number, number, number, RoundingMode, number]>([
    // 100 × 1/3 = 33.33…: every mode rounds down.
    [100, 1, 3, 'HALF_UP', 33],
    [100, 1, 3, 'HALF_EVEN', 33],
    [100, 1, 3, 'DOWN', 33],
    // 200 × 1/3 = 66.67: up unless DOWN.
    [200, 1, 3, 'HALF_UP', 67],
    [200, 1, 3, 'HALF_EVEN', 67],
    [200, 1, 3, 'DOWN', 66],
    // Exactly half: 5 × 1/2 = 2.5 and 7 × 1/2 = 3.5.
    [5, 1, 2, 'HALF_UP', 3],
    [5, 1, 2, 'HALF_EVEN', 2],
    [5, 1, 2, 'DOWN', 2],
    [7, 1, 2, 'HALF_EVEN', 4],
    // Half a fen on an odd amount: 201 ÷ 2 = 100.5 → 101 (a float of 1.005 yuan would round to 1.00).
    [201, 1, 2, 'HALF_UP', 101],
    [0, 5, 7, 'HALF_UP', 0],
    [12_345, 7, 7, 'DOWN', 12_345],
    // Beyond 2^53 in the intermediate product: exact in BigInt.
    [9_000_000_000_000, 3_000, 9_000, 'HALF_UP', 3_000_000_000_000],
  ])('%i × %i ÷ %i (%s) = %i', (amount, num, den, mode, expected) => {
    expect(mulDivFen(amount, num, den, mode)).toBe(expected);
  });

  it('HALF_UP is within half a fen of the exact value, and never below DOWN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, n, d) => {
        const up = mulDivFen(a, n, d, 'HALF_UP');
        const down = mulDivFen(a, n, d, 'DOWN');
        expect(Math.abs(up * d - a * n) * 2).toBeLessThanOrEqual(d);
        expect(up - down === 0 || up - down === 1).toBe(true);
      }),
    );
  });
});

describe('assertFen', () => {
  it.each([
    [1.5, 'AMOUNT_NOT_INTEGER'],
    [Number.NaN, 'AMOUNT_NOT_INTEGER'],
    ['100', 'AMOUNT_NOT_INTEGER'],
    [undefined, 'AMOUNT_NOT_INTEGER'],
    [2 ** 53, 'AMOUNT_NOT_INTEGER'],
    [-1, 'NEGATIVE_AMOUNT'],
  ])('%p → %s', (value, code) => {
    expect(() => assertFen(value, 'x')).toThrow(expect.objectContaining({ code }));
  });

  it.each([0, 1, 999_999_999])('%i is whole fen', (value) => expect(assertFen(value, 'x')).toBe(value));
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00元'],
    [5, '0.05元'],
    [12_345, '123.45元'],
    [-300, '-3.00元'],
  ])('%i fen → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
});
