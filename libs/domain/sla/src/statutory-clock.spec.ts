import { chinaTime, formatChinaTime, parseCalendarDate } from './china-time';
import {
  STATUTORY_POLICY_2018,
  StatutoryClockInput,
  StatutoryPolicy,
  regulatorAnswerDue,
  regulatorEscalationRight,
  statutoryClocks,
  statutoryPeriodEnd,
  validateStatutoryPolicy,
} from './statutory-clock';
import { thrownCode } from '@courierdesk/domain-core/testing';

const at = (text: string): Date => {
  const [date, time = '00:00'] = text.split(' ');
  const d = parseCalendarDate(date);
  const [h, m] = time.split(':').map(Number);
  return chinaTime(d.year, d.month, d.day, h, m);
};
const show = (d: Date | null | undefined): string | null => (d ? formatChinaTime(d) : null);
const complaint = (openedAt: string, extra: Partial<StatutoryClockInput> = {}): StatutoryClockInput => ({
  kind: 'COMPLAINT',
  channel: 'PHONE',
  openedAt: at(openedAt),
  now: at(openedAt),
  ...extra,
});

describe('statutoryPeriodEnd: the day of receipt is not counted, the period ends at 24:00 of its last day', () => {
  it.each([
    ['2026-03-02 10:00', 7, '2026-03-10 00:00'],
    ['2026-03-02 00:00', 7, '2026-03-10 00:00'],
    ['2026-03-02 23:59', 7, '2026-03-10 00:00'],
    ['2026-03-03 00:00', 7, '2026-03-11 00:00'],
    ['2026-09-30 18:00', 7, '2026-10-08 00:00'], // calendar days: National Day does not stop the law
    ['2026-12-28 10:00', 7, '2027-01-05 00:00'],
    ['2026-03-02 10:00', 30, '2026-04-02 00:00'],
  ])('%s + %d days ends %s', (from, days, end) => expect(show(statutoryPeriodEnd(at(from), days))).toBe(end));
});

describe('STATUTORY_ANSWER: a complaint answered within 7 days (art. 28)', () => {
  it.each([
    ['answered on the last day', '2026-03-09 23:59', '2026-03-12 00:00', 'MET', 1],
    ['answered at 24:00 of the last day', '2026-03-10 00:00', '2026-03-12 00:00', 'MET', 0],
    ['answered a minute past the boundary', '2026-03-10 00:01', '2026-03-12 00:00', 'BREACHED', -1],
    ['answered a day past the boundary', '2026-03-11 00:00', '2026-03-12 00:00', 'BREACHED', -1440],
    ['not answered, boundary now', null, '2026-03-10 00:00', 'ACTIVE', 0],
    ['not answered, a minute past', null, '2026-03-10 00:01', 'BREACHED', -1],
    ['an answer recorded after now has not happened yet', '2026-03-09 12:00', '2026-03-09 10:00', 'ACTIVE', 14 * 60],
  ])('%s', (_label, answeredAt, now, state, remaining) => {
    const [clock] = statutoryClocks(complaint('2026-03-02 10:00', { answeredAt: answeredAt ? at(answeredAt) : null, now: at(now) }));
    expect([clock.metric, clock.state, show(clock.deadline), clock.remainingMinutes, clock.policyVersion]).toEqual([
      'STATUTORY_ANSWER',
      state,
      '2026-03-10 00:00',
      remaining,
      'statutory-2018.1',
    ]);
    expect(show(clock.breachedAt)).toBe(state === 'BREACHED' ? '2026-03-10 00:00' : null);
    expect([clock.basis, clock.pausedMinutes, clock.calendarBasis]).toEqual(['CALENDAR', 0, 'OFFICIAL']);
  });

  it.each([
    ['an inquiry', 'INQUIRY', 'PHONE'],
    ['an urge', 'URGE', 'APP'],
    ['a signed-not-received case', 'SIGNED_NOT_RECEIVED', 'ONLINE_CHAT'],
  ])('%s has no statutory clock', (_label, kind, channel) =>
    expect(statutoryClocks({ ...complaint('2026-03-02 10:00'), kind, channel } as StatutoryClockInput)).toEqual([]));

  it('uses the version in force when the complaint came in', () => {
    const v2: StatutoryPolicy = { ...STATUTORY_POLICY_2018, version: 'statutory-2026.1', effectiveFrom: at('2026-06-01 00:00'), complaintAnswerDays: 5 };
    const deadline = (openedAt: string) => statutoryClocks(complaint(openedAt, { policies: [STATUTORY_POLICY_2018, v2] }))[0];
    expect([deadline('2026-05-31 23:59').policyVersion, show(deadline('2026-05-31 23:59').deadline)]).toEqual(['statutory-2018.1', '2026-06-08 00:00']);
    expect([deadline('2026-06-01 00:00').policyVersion, show(deadline('2026-06-01 00:00').deadline)]).toEqual(['statutory-2026.1', '2026-06-07 00:00']);
  });
});

describe('REGULATOR_DEADLINE: a 12305 case is answered to the regulator by its deadline', () => {
  const case12305 = (extra: Partial<StatutoryClockInput>): StatutoryClockInput => ({
    ...complaint('2026-03-02 10:00'),
    channel: 'REGULATOR_12305',
    regulatorDeadline: at('2026-03-05 17:00'),
    ...extra,
  });
  it.each([
    ['in time', '2026-03-05 16:00', '2026-03-06 09:00', 'MET'],
    ['late', '2026-03-05 17:30', '2026-03-06 09:00', 'BREACHED'],
    ['open', null, '2026-03-04 09:00', 'ACTIVE'],
    ['open past the deadline', null, '2026-03-05 17:01', 'BREACHED'],
  ])('%s', (_label, answeredAt, now, state) => {
    const all = statutoryClocks(case12305({ answeredAt: answeredAt ? at(answeredAt) : null, now: at(now) }));
    expect(all.map((c) => [c.metric, c.state, show(c.deadline)])).toEqual([['REGULATOR_DEADLINE', state, '2026-03-05 17:00']]);
  });

  it('applies to any kind reaching the network through 12305', () =>
    expect(statutoryClocks(case12305({ kind: 'URGE' })).map((c) => c.metric)).toEqual(['REGULATOR_DEADLINE']));

  it('needs the deadline', () => expect(thrownCode(() => statutoryClocks(case12305({ regulatorDeadline: null })))).toBe('REGULATOR_DEADLINE_REQUIRED'));

  it('the regulator answers the customer within 30 days', () => expect(show(regulatorAnswerDue(at('2026-03-02 10:00')))).toBe('2026-04-02 00:00'));
});

describe('regulatorEscalationRight: when the customer may go to 12305', () => {
  it.each([
    ['within the 7 days, unanswered', null, null, '2026-03-09 12:00', false],
    ['after the 7 days, unanswered', null, null, '2026-03-10 00:00', true],
    ['answered and satisfied', '2026-03-03 10:00', true, '2026-03-20 00:00', false],
    ['answered, satisfaction unknown', '2026-03-03 10:00', null, '2026-03-20 00:00', false],
    ['answered and unsatisfied, at once', '2026-03-03 10:00', false, '2026-03-03 11:00', true],
    ['unanswered, on the last day of the year', null, null, '2027-03-02 23:59', true],
    ['more than a year later', null, null, '2027-03-03 00:01', false],
  ])('%s → %s', (_label, answeredAt, satisfied, now, allowed) => {
    const right = regulatorEscalationRight({ complaintAt: at('2026-03-02 10:00'), answeredAt: answeredAt ? at(answeredAt) : null, satisfied, now: at(now) });
    expect([right.mayEscalate, show(right.from), show(right.until)]).toEqual([allowed, '2026-03-10 00:00', '2027-03-03 00:00']);
    expect(right.reason.length).toBeGreaterThan(0);
  });
});

describe('validateStatutoryPolicy', () => {
  it.each([0, 1.5, -7, NaN])('rejects %d days', (days) =>
    expect(thrownCode(() => validateStatutoryPolicy({ ...STATUTORY_POLICY_2018, complaintAnswerDays: days }))).toBe('INVALID_STATUTORY_POLICY'),
  );
  it('refuses a complaint from before any version', () =>
    expect(thrownCode(() => statutoryClocks(complaint('2018-04-30 23:59')))).toBe('NO_POLICY_IN_FORCE'));
});
