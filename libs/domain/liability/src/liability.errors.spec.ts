import { LIABILITY_ERROR_CODES, LiabilityRuleError } from './liability.errors';

describe('liability error codes', () => {
  it.each([
    ['NEGATIVE_AMOUNT', 'BAD_USER_INPUT'],
    ['AMOUNT_NOT_INTEGER', 'BAD_USER_INPUT'],
    ['CLAIM_ABOVE_DECLARED_VALUE', 'BAD_USER_INPUT'],
    ['LOSS_ABOVE_VALUE', 'BAD_USER_INPUT'],
    ['PROMISED_TIME_REQUIRED', 'BAD_USER_INPUT'],
    ['UNKNOWN_CLAIM_KIND', 'BAD_USER_INPUT'],
    ['UNKNOWN_REFUSAL_CAUSE', 'BAD_USER_INPUT'],
    ['NO_CUSTODY_CHAIN', 'BAD_USER_INPUT'],
    ['INVALID_LIABILITY_POLICY', 'BAD_USER_INPUT'],
    ['CLAIM_FILED_TOO_LATE', 'CONFLICT'],
    ['EVIDENCE_MISSING', 'CONFLICT'],
    ['CLAIM_TRANSITION_NOT_ALLOWED', 'CONFLICT'],
    ['INVALID_CLAIM_NUMBER', 'BAD_USER_INPUT'],
    ['INVALID_CLAIM_SEQUENCE', 'BAD_USER_INPUT'],
    ['WAYBILL_NOT_PRICED', 'CONFLICT'],
    ['CHARGE_CHECK_INCONSISTENT', 'CONFLICT'],
    ['HEADLESS_SEARCH_REQUIRED', 'CONFLICT'],
  ] as const)('%s is %s', (code, kind) => {
    expect(LIABILITY_ERROR_CODES).toContain(code);
    expect(LiabilityRuleError.kindOf(code)).toBe(kind);
  });

  it('carries its code, kind and details, and lists every code once', () => {
    const error = new LiabilityRuleError('CLAIM_FILED_TOO_LATE', 'x', { filedAt: 'y' });
    expect(error).toMatchObject({ name: 'LiabilityRuleError', code: 'CLAIM_FILED_TOO_LATE', kind: 'CONFLICT', details: { filedAt: 'y' } });
    expect(new Set(LIABILITY_ERROR_CODES).size).toBe(LIABILITY_ERROR_CODES.length);
  });
});
