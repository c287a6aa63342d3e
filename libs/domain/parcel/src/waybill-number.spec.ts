import { ParcelRuleError } from './parcel.errors';
import { thrownCode } from '@courierdesk/domain-core/testing';
import { isWaybillNo, makeWaybillNo, parseWaybillNo, waybillCheckDigit, waybillSequence } from './waybill-number';

const problemOf = (raw: string): unknown => {
  try {
    parseWaybillNo(raw);
    return undefined;
  } catch (error) {
    return error instanceof ParcelRuleError ? [error.code, error.details.problem] : error;
  }
};

describe('waybillCheckDigit (ISO 7064 MOD 11-10)', () => {
  it.each([
    ['8609574271', 9], // the German tax-ID example, which uses the same check system
    ['00000000001', 9],
    ['12345678901', 4],
    ['00000000000', 2],
  ])('%s → %d', (digits, check) => expect(waybillCheckDigit(digits)).toBe(check));
});

describe('makeWaybillNo', () => {
  it.each([
    [1, 'CD000000000019'],
    [2, 'CD000000000027'],
    [12_345_678_901, 'CD123456789014'],
    [99_999_999_999, 'CD999999999990'],
  ])('%d → %s', (sequence, waybillNo) => {
    expect(makeWaybillNo(sequence)).toBe(waybillNo);
    expect(parseWaybillNo(waybillNo)).toBe(waybillNo);
    expect(waybillSequence(waybillNo)).toBe(sequence);
  });

  it.each([0, -1, 1.5, 100_000_000_000, NaN])('rejects sequence %d', (sequence) =>
    expect(thrownCode(() => makeWaybillNo(sequence))).toBe('INVALID_WAYBILL_SEQUENCE'),
  );

  it('round-trips a spread of sequences', () => {
    for (let sequence = 1; sequence < 99_999_999_999; sequence = sequence * 7 + 3) {
      expect(waybillSequence(makeWaybillNo(sequence))).toBe(sequence);
    }
  });
});

describe('parseWaybillNo', () => {
  it.each([
    ['CD123456789014', 'canonical'],
    [' CD123456789014\n', 'surrounding whitespace'],
    ['cd123456789014', 'lowercase'],
    ['Cd123456789014', 'mixed case'],
    ['ＣＤ１２３４５６７８９０１４', 'full-width'],
    ['ｃｄ１２３４５６７８９０１４', 'full-width lowercase'],
    ['CD 1234 5678 9014', 'grouped as printed on the label'],
    ['CD\u30001234567890\u300014', 'ideographic spaces'],
  ])('accepts %j (%s)', (raw) => {
    expect(parseWaybillNo(raw)).toBe('CD123456789014');
    expect(isWaybillNo(raw)).toBe(true);
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['XY123456789014', 'PREFIX'],
    ['123456789014', 'PREFIX'],
    ['SF1234567890123', 'PREFIX'],
    ['CD12345678901A', 'NOT_DIGITS'],
    ['CD-123456789014', 'NOT_DIGITS'],
    ['CD12345678901', 'LENGTH'],
    ['CD1234567890144', 'LENGTH'],
    ['CD123456789015', 'CHECK_DIGIT'],
    ['CD213456789014', 'CHECK_DIGIT'],
    ['CD000000000002', 'ZERO_SEQUENCE'],
  ])('rejects %j (%s)', (raw, problem) => {
    expect(problemOf(raw)).toEqual(['INVALID_WAYBILL_NO', problem]);
    expect(isWaybillNo(raw)).toBe(false);
  });

  it('explains the format in the message', () =>
    expect(() => parseWaybillNo('CD12345')).toThrow(
      '"CD12345" is not a waybill number (运单号): 7 characters, expected CD + 11-digit sequence + check digit, e.g. CD000000000019',
    ));

  it('catches every single mistyped digit', () => {
    for (const waybillNo of [makeWaybillNo(1), makeWaybillNo(12_345_678_901), makeWaybillNo(20_241_111_001)]) {
      for (let i = 2; i < 14; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === waybillNo[i]) continue;
          expect(isWaybillNo(waybillNo.slice(0, i) + d + waybillNo.slice(i + 1))).toBe(false);
        }
      }
    }
  });
});
