import { SLA_ERROR_CODES, SlaRuleError, slaErrorKind } from './sla.errors';

describe('SlaRuleError', () => {
  it.each([
    ['INVALID_DATE', 'BAD_USER_INPUT'],
    ['NO_POLICY_IN_FORCE', 'NOT_FOUND'],
    ['DUPLICATE_POLICY_VERSION', 'CONFLICT'],
  ] as const)('%s is %s', (code, kind) => {
    const error = new SlaRuleError(code, 'message', { x: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SlaRuleError', code, kind, message: 'message', details: { x: 1 } });
    expect(slaErrorKind(code)).toBe(kind);
  });

  it('has unique codes, each with a kind', () => {
    expect(new Set(SLA_ERROR_CODES).size).toBe(SLA_ERROR_CODES.length);
    for (const code of SLA_ERROR_CODES) {
      expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']).toContain(slaErrorKind(code));
    }
  });
});
