import { NETWORK_ERROR_CODES, NetworkRuleError, networkErrorKind } from './network.errors';

describe('NetworkRuleError', () => {
  it.each([
    ['INVALID_DISTRICT_CODE', 'BAD_USER_INPUT'],
    ['AREA_NOT_COVERED_BY_FROM', 'CONFLICT'],
    ['COURIER_OUTLET_MISMATCH', 'FORBIDDEN'],
  ] as const)('%s is %s', (code, kind) => {
    const error = new NetworkRuleError(code, 'message', { x: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'NetworkRuleError', code, kind, message: 'message', details: { x: 1 } });
    expect(networkErrorKind(code)).toBe(kind);
  });

  it('has unique codes, each with a kind', () => {
    expect(new Set(NETWORK_ERROR_CODES).size).toBe(NETWORK_ERROR_CODES.length);
    for (const code of NETWORK_ERROR_CODES) {
      expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']).toContain(networkErrorKind(code));
    }
  });
});
