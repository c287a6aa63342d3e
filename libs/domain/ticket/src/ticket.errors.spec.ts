import { TICKET_RULE_ERROR_CODES, TicketRuleError } from './ticket.errors';

describe('ticket error codes', () => {
  it.each([
    ['TRANSITION_NOT_ALLOWED', 'CONFLICT'],
    ['REOPEN_WINDOW_PASSED', 'CONFLICT'],
    ['MERGE_NOT_ALLOWED', 'CONFLICT'],
    ['EVIDENCE_AFTER_DEADLINE', 'CONFLICT'],
    ['REASON_NOT_FOR_KIND', 'BAD_USER_INPUT'],
    ['REGULATOR_CASE_REQUIRED', 'BAD_USER_INPUT'],
    ['MERGE_INTO_ITSELF', 'BAD_USER_INPUT'],
    ['PLACEHOLDER_UNKNOWN', 'BAD_USER_INPUT'],
    ['INVALID_TICKET_NUMBER', 'BAD_USER_INPUT'],
    ['PROBLEM_PARCEL_SAME_OUTLET', 'BAD_USER_INPUT'],
    ['ANSWER_REQUIRES_PERSON', 'BAD_USER_INPUT'],
  ] as const)('%s is %s', (code, kind) => {
    expect(TICKET_RULE_ERROR_CODES).toContain(code);
    expect(TicketRuleError.kindOf(code)).toBe(kind);
  });
});

describe('TicketRuleError', () => {
  it('carries its code, kind and details, and lists every code once', () => {
    const error = new TicketRuleError('MERGE_INTO_ITSELF', 'x', { ticketId: 't1' });
    expect(error).toMatchObject({ name: 'TicketRuleError', code: 'MERGE_INTO_ITSELF', kind: 'BAD_USER_INPUT', details: { ticketId: 't1' } });
    expect(new Set(TICKET_RULE_ERROR_CODES).size).toBe(TICKET_RULE_ERROR_CODES.length);
  });
});
