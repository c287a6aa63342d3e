import { chinaTime } from '@courierdesk/domain-sla';
import { assertClaimNumber, formatClaimNumber } from './claim-number';
import { assertClaimTransition, canMoveClaim, CLAIM_STATUSES, CLAIM_TRANSITIONS, type ClaimStatus } from './claim.transitions';

const ALLOWED: [ClaimStatus, ClaimStatus][] = [
  ['SUBMITTED', 'NEEDS_EVIDENCE'],
  ['SUBMITTED', 'UNDER_REVIEW'],
  ['SUBMITTED', 'REJECTED'],
  ['SUBMITTED', 'WITHDRAWN'],
  ['NEEDS_EVIDENCE', 'UNDER_REVIEW'],
  ['NEEDS_EVIDENCE', 'REJECTED'],
  ['NEEDS_EVIDENCE', 'WITHDRAWN'],
  ['UNDER_REVIEW', 'NEEDS_EVIDENCE'],
  ['UNDER_REVIEW', 'APPROVED'],
  ['UNDER_REVIEW', 'REJECTED'],
  ['UNDER_REVIEW', 'WITHDRAWN'],
  ['APPROVED', 'PAID'],
];
const key = (from: string, to: string) => `${from}→${to}`;
const allowed = new Set(ALLOWED.map(([from, to]) => key(from, to)));
const EVERY_PAIR = CLAIM_STATUSES.flatMap((from) => CLAIM_STATUSES.map((to) => [from, to] as const));

describe('claim transitions (理赔流转)', () => {
  it.each(EVERY_PAIR)('%s → %s is allowed exactly when the table says so', (from, to) => {
    const expected = allowed.has(key(from, to));
    expect(canMoveClaim(from, to)).toBe(expected);
    if (expected) expect(assertClaimTransition(from, to)).toBe(to);
    else expect(() => assertClaimTransition(from, to)).toThrow(expect.objectContaining({ code: 'CLAIM_TRANSITION_NOT_ALLOWED', kind: 'CONFLICT' }));
  });

  it.each([
    ['APPROVED', 'UNDER_REVIEW', 'an agreed amount is never re-decided'],
    ['APPROVED', 'REJECTED', 'an agreed amount is never taken back here'],
    ['PAID', 'APPROVED', 'paid is final'],
    ['WITHDRAWN', 'SUBMITTED', 'withdrawn is final'],
    ['SUBMITTED', 'PAID', 'only an approved claim is paid'],
    ['SUBMITTED', 'APPROVED', 'a claim is reviewed before it is approved'],
    ['NOPE', 'SUBMITTED', 'unknown status'],
    ['hasOwnProperty', 'SUBMITTED', 'no prototype keys'],
  ])('refuses %s → %s (%s)', (from, to) => {
    expect(canMoveClaim(from, to)).toBe(false);
  });

  it('names every status once, and the ends of a claim have no way out', () => {
    expect(Object.keys(CLAIM_TRANSITIONS).sort()).toEqual([...CLAIM_STATUSES].sort());
    expect(['REJECTED', 'PAID', 'WITHDRAWN'].map((s) => CLAIM_TRANSITIONS[s as ClaimStatus].length)).toEqual([0, 0, 0]);
  });
});

describe('claim numbers (理赔单号)', () => {
  it.each([
    [chinaTime(2026, 12, 2, 9), 123, 'CL20261202-000123'],
    // 23:30 UTC on 1 December is 07:30 on 2 December in China: the China date counts.
    [new Date('2026-12-01T23:30:00Z'), 1, 'CL20261202-000001'],
    [new Date('2026-12-01T15:59:59Z'), 1_234_567, 'CL20261201-1234567'],
  ])('%s with sequence %d is %s', (at, seq, number) => {
    expect(formatClaimNumber(at, seq)).toBe(number);
    expect(assertClaimNumber(` ${number.toLowerCase()} `)).toBe(number);
  });

  it.each([[0], [-1], [1.5], [Number.MAX_SAFE_INTEGER + 1]])('refuses sequence %s', (seq) => {
    expect(() => formatClaimNumber(chinaTime(2026, 12, 2), seq)).toThrow(expect.objectContaining({ code: 'INVALID_CLAIM_SEQUENCE' }));
  });

  it.each([['CL20260230-000001'], ['CL20261202-00001'], ['CL20261202-0000123'], ['TK20261202-000123'], ['CL20261202-000000'], ['']])('refuses "%s"', (text) => {
    expect(() => assertClaimNumber(text)).toThrow(expect.objectContaining({ code: 'INVALID_CLAIM_NUMBER', kind: 'BAD_USER_INPUT' }));
  });
});
