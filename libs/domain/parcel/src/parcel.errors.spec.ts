import { PARCEL_ERROR_CODES, ParcelRuleError, parcelErrorKind } from './parcel.errors';

describe('ParcelRuleError', () => {
  it.each([
    ['INVALID_WAYBILL_NO', 'BAD_USER_INPUT'],
    ['INVALID_SCAN_EVENT', 'BAD_USER_INPUT'],
    ['EMPTY_SAMPLE', 'BAD_USER_INPUT'],
  ] as const)('%s is %s', (code, kind) => {
    const error = new ParcelRuleError(code, 'message', { x: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ParcelRuleError', code, kind, message: 'message', details: { x: 1 } });
    expect(parcelErrorKind(code)).toBe(kind);
  });

  it('has unique codes, each with a kind', () => {
    expect(new Set(PARCEL_ERROR_CODES).size).toBe(PARCEL_ERROR_CODES.length);
    for (const code of PARCEL_ERROR_CODES) {
      expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']).toContain(parcelErrorKind(code));
    }
  });
});
