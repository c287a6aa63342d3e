import { thrownCode } from '@courierdesk/domain-core/testing';
import { PROBLEM_CODES } from '@courierdesk/domain-parcel';
import { DAY_MS, HOUR_MS, chinaTime } from '@courierdesk/domain-sla';
import {
  CANNOT_DELIVER_PROBLEMS,
  DEFAULT_PROBLEM_PARCEL_POLICY,
  PROBLEM_DISPOSITION,
  ProblemParcelFacts,
  ProblemParcelPolicy,
  RE_DELIVER_PROBLEMS,
  answerDeadline,
  assertAnsweredBy,
  assertProblemParcelOutlets,
  problemDisposition,
  problemParcelState,
  validateProblemParcelPolicy,
} from './problem-parcel';

const registeredAt = chinaTime(2026, 12, 2, 10, 0);
const at = (hours: number, ms = 0) => new Date(registeredAt.getTime() + hours * HOUR_MS + ms);
const due = at(24);

describe('answerDeadline', () => {
  it('is 24 hours after registration by the default policy, quoted', () =>
    expect(answerDeadline(registeredAt)).toEqual({ dueAt: due, policyVersion: 'problem-parcel-2020.1' }));

  const v2: ProblemParcelPolicy = { version: 'problem-parcel-2027.1', effectiveFrom: chinaTime(2027, 1, 1), answerHours: 12, unreachableReturnDays: 5 };
  it.each([
    [registeredAt, 'problem-parcel-2020.1', 24],
    [chinaTime(2027, 1, 1), 'problem-parcel-2027.1', 12],
  ])('registered %s → %s', (when, version, hours) =>
    expect(answerDeadline(when, [DEFAULT_PROBLEM_PARCEL_POLICY, v2])).toEqual({ dueAt: new Date(when.getTime() + hours * HOUR_MS), policyVersion: version }));

  it.each([
    [{ ...DEFAULT_PROBLEM_PARCEL_POLICY, answerHours: 0 }],
    [{ ...DEFAULT_PROBLEM_PARCEL_POLICY, unreachableReturnDays: -1 }],
    [{ ...DEFAULT_PROBLEM_PARCEL_POLICY, answerHours: Number.NaN }],
    [{ ...DEFAULT_PROBLEM_PARCEL_POLICY, version: '' }],
  ])('refuses a broken policy %#', (policy) => expect(thrownCode(() => validateProblemParcelPolicy(policy))).toBe('INVALID_PROBLEM_PARCEL_POLICY'));
});

describe('problemParcelState', () => {
  const facts = (over: Partial<ProblemParcelFacts>): ProblemParcelFacts => ({ registeredAt, answeredAt: null, now: at(1), reason: 'ADDRESS_UNCLEAR', ...over });

  it.each([
    ['unanswered, in time', { now: at(1) }, ['ANSWER_DUE'], false],
    ['unanswered, at the deadline', { now: due }, ['ANSWER_DUE'], false],
    ['unanswered, 1 ms past', { now: at(24, 1) }, ['OVERDUE_FLAG_FOR_RETURN'], false],
    ['answered in time', { answeredAt: at(3), now: at(30) }, ['ANSWERED'], false],
    ['answered at the deadline', { answeredAt: due, now: at(30) }, ['ANSWERED'], false],
    ['answered late', { answeredAt: at(30), now: at(31) }, ['ANSWERED'], true],
    ['answered at registration', { answeredAt: registeredAt, now: at(1) }, ['ANSWERED'], false],
  ] as const)('%s → %j', (_name, over, flags, late) => {
    const state = problemParcelState(facts(over));
    expect(state.flags).toEqual(flags);
    expect(state.answeredLate).toBe(late);
    expect(state.answerDueAt).toEqual(due);
    expect(state.returnDueAt).toBeNull();
    expect(state.policyVersion).toBe('problem-parcel-2020.1');
  });

  const firstUnreachableAt = at(-48);
  const returnAt = new Date(firstUnreachableAt.getTime() + 7 * DAY_MS);
  it.each([
    ['day 1, unanswered', { now: at(1) }, ['ANSWER_DUE'], returnAt],
    ['just before 7 days', { now: new Date(returnAt.getTime() - 1), answeredAt: at(2) }, ['ANSWERED'], returnAt],
    ['at 7 days, answered', { now: returnAt, answeredAt: at(2) }, ['ANSWERED', 'RETURN_TO_ORIGIN'], returnAt],
    ['past 7 days, never answered', { now: new Date(returnAt.getTime() + DAY_MS) }, ['OVERDUE_FLAG_FOR_RETURN', 'RETURN_TO_ORIGIN'], returnAt],
    ['counted from registration without a first failed contact', { now: at(7 * 24), firstUnreachableAt: null, answeredAt: at(1) }, ['ANSWERED', 'RETURN_TO_ORIGIN'], at(7 * 24)],
    ['registration + 7 days less 1 ms', { now: at(7 * 24, -1), firstUnreachableAt: null, answeredAt: at(1) }, ['ANSWERED'], at(7 * 24)],
  ] as const)('recipient unreachable, %s → %j', (_name, over, flags, returnDueAt) => {
    const state = problemParcelState(facts({ reason: 'RECIPIENT_UNREACHABLE', firstUnreachableAt, ...over }));
    expect(state.flags).toEqual(flags);
    expect(state.returnDueAt).toEqual(returnDueAt);
  });

  it('never sends another reason back after 7 days unless the recipient was reported unreachable', () => {
    expect(problemParcelState(facts({ reason: 'ADDRESS_UNCLEAR', now: at(30 * 24), answeredAt: at(1) })).flags).toEqual(['ANSWERED']);
    expect(problemParcelState(facts({ reason: 'ADDRESS_UNCLEAR', firstUnreachableAt, now: at(30 * 24), answeredAt: at(1) })).flags).toContain('RETURN_TO_ORIGIN');
  });

  it('uses the version in force at registration', () => {
    const v2: ProblemParcelPolicy = { version: 'pp-2', effectiveFrom: at(0, 1), answerHours: 1, unreachableReturnDays: 1 };
    expect(problemParcelState(facts({ now: at(2) }), [DEFAULT_PROBLEM_PARCEL_POLICY, v2])).toMatchObject({ flags: ['ANSWER_DUE'], policyVersion: 'problem-parcel-2020.1' });
  });

  it.each([
    [{ answeredAt: at(-1) }, 'ANSWER_BEFORE_REGISTRATION'],
    [{ now: new Date('x') }, 'INVALID_DATE'],
    [{ registeredAt: chinaTime(2019, 12, 31) }, 'NO_POLICY_IN_FORCE'],
  ])('refuses %o with %s', (over, code) => expect(thrownCode(() => problemParcelState(facts(over)))).toBe(code));
});

describe('problem parcel parties', () => {
  it.each([
    ['5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42', '5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e43', undefined],
    ['5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42', '5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42', 'PROBLEM_PARCEL_SAME_OUTLET'],
    ['5F0C1E9A-8D1B-4C1E-9A47-2B3F6D1C0E42', '5f0c1e9a-8d1b-4c1e-9a47-2b3f6d1c0e42', 'PROBLEM_PARCEL_SAME_OUTLET'],
  ])('%s with %s → %s', (a, b, code) => expect(thrownCode(() => assertProblemParcelOutlets(a, b))).toBe(code));

  it.each([
    [' 李娜 ', '李娜'],
    ['', 'ANSWER_REQUIRES_PERSON'],
    ['   ', 'ANSWER_REQUIRES_PERSON'],
    [null, 'ANSWER_REQUIRES_PERSON'],
    [undefined, 'ANSWER_REQUIRES_PERSON'],
  ])('answered by %j → %s', (name, expected) => {
    const code = thrownCode(() => assertAnsweredBy(name));
    if (expected === 'ANSWER_REQUIRES_PERSON') expect(code).toBe(expected);
    else expect(assertAnsweredBy(name)).toBe(expected);
  });
});

describe('re-deliver vs cannot deliver (再派件/无法派送件)', () => {
  it.each([
    ['ADDRESS_UNCLEAR', 'RE_DELIVER'],
    ['ADDRESS_CHANGE', 'RE_DELIVER'],
    ['RECIPIENT_UNREACHABLE', 'RE_DELIVER'],
    ['HOLIDAY_NOBODY_HOME', 'RE_DELIVER'],
    ['LABEL_DAMAGED', 'RE_DELIVER'],
    ['REFUSED', 'CANNOT_DELIVER'],
    ['COD_REFUSED', 'CANNOT_DELIVER'],
    ['PROHIBITED_ITEM', 'CANNOT_DELIVER'],
    ['MISSORTED', 'CANNOT_DELIVER'],
    ['OUT_OF_AREA', 'CANNOT_DELIVER'],
    ['NO_SUCH_PERSON', 'CANNOT_DELIVER'],
    ['LOST', 'CANNOT_DELIVER'],
    ['RETURN', 'CANNOT_DELIVER'],
  ] as const)('%s → %s', (code, pile) => expect(problemDisposition(code)).toBe(pile));

  it('sorts every problem type into exactly one pile', () => {
    expect(Object.keys(PROBLEM_DISPOSITION).sort()).toEqual([...PROBLEM_CODES].sort());
    expect([...RE_DELIVER_PROBLEMS, ...CANNOT_DELIVER_PROBLEMS].sort()).toEqual([...PROBLEM_CODES].sort());
    expect(RE_DELIVER_PROBLEMS.filter((c) => CANNOT_DELIVER_PROBLEMS.includes(c))).toEqual([]);
  });
});
