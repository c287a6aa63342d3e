import fc from 'fast-check';
import { OUTLET_WORKING_HOURS, ROUND_THE_CLOCK, WorkingHours, businessMinutesBetween } from './business-calendar';
import { chinaTime, formatChinaTime, parseCalendarDate } from './china-time';
import { SlaClock, SlaClockInput, SlaTicketFacts, SlaTimelineEvent, nearestDeadline, slaClocks } from './sla-clock';
import { TicketStatus } from './sla-policy';
import { thrownCode } from '@courierdesk/domain-core/testing';

const MIN = 60_000;
const at = (text: string): Date => {
  const [date, time = '00:00'] = text.split(' ');
  const d = parseCalendarDate(date);
  const [h, m] = time.split(':').map(Number);
  return chinaTime(d.year, d.month, d.day, h, m);
};
const plus = (from: Date, minutes: number): Date => new Date(from.getTime() + minutes * MIN);
const status = (when: string | Date, to: TicketStatus): SlaTimelineEvent => ({ at: typeof when === 'string' ? at(when) : when, type: 'STATUS', status: to });
const reply = (when: string | Date): SlaTimelineEvent => ({ at: typeof when === 'string' ? at(when) : when, type: 'REPLY' });
const message = (when: string): SlaTimelineEvent => ({ at: at(when), type: 'CUSTOMER_MESSAGE' });
const reopen = (when: string): SlaTimelineEvent => ({ at: at(when), type: 'REOPEN' });

// Dates avoid the 春节 peak window (to 2026-03-04), which doubles targets.
// An inquiry at the counter: FIRST_REPLY and NEXT_REPLY 240 business minutes, RESOLUTION 3 calendar days.
const inquiry = (openedAt: string, extra: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  kind: 'INQUIRY',
  priority: 'NORMAL',
  channel: 'OUTLET_COUNTER',
  openedAt: at(openedAt),
  ...extra,
});
const clocks = (ticket: SlaTicketFacts, events: SlaTimelineEvent[], now: string | Date, more: Partial<SlaClockInput> = {}): SlaClock[] =>
  slaClocks({ ticket, events, now: typeof now === 'string' ? at(now) : now, workingHours: ROUND_THE_CLOCK, ...more });
const clock = (all: SlaClock[], metric: string, cycle = 1): SlaClock => all.find((c) => c.metric === metric && c.cycle === cycle)!;
const show = (d: Date | null | undefined): string | null => (d ? formatChinaTime(d) : null);

describe('pauses: WAITING_FOR_CUSTOMER moves the deadline by exactly its length', () => {
  it.each([0, 1, 30, 90, 600, 2000])('a %d-minute wait', (minutes) => {
    const pauseStart = at('2026-03-16 10:00');
    const events = [status(pauseStart, 'WAITING_FOR_CUSTOMER'), status(plus(pauseStart, minutes), 'IN_PROGRESS')];
    const first = clock(clocks(inquiry('2026-03-16 09:00'), events, plus(pauseStart, minutes + 1)), 'FIRST_REPLY');
    expect(first.deadline!.getTime() - at('2026-03-16 13:00').getTime()).toBe(minutes * MIN);
    expect([first.state, first.pausedMinutes, first.remainingMinutes]).toEqual(['ACTIVE', minutes, 240 - 60 - 1]);
  });

  it.each([
    ['a wait inside outlet hours moves it by the wait', '2026-03-16 09:00', '2026-03-16 10:00', '2026-03-16 11:30', '2026-03-16 14:30', 90],
    ['an overnight wait moves it by its business part only', '2026-03-16 14:00', '2026-03-16 17:00', '2026-03-17 09:00', '2026-03-17 10:00', 90],
    ['a wait over the weekend counts only Friday evening', '2026-03-20 15:00', '2026-03-20 17:30', '2026-03-23 08:30', '2026-03-23 10:00', 30],
  ])('business time: %s', (_label, opened, from, to, deadline, paused) => {
    const events = [status(from, 'WAITING_FOR_CUSTOMER'), status(to, 'OPEN')];
    const first = clock(clocks(inquiry(opened), events, to, { workingHours: OUTLET_WORKING_HOURS }), 'FIRST_REPLY');
    expect([first.state, show(first.deadline), first.pausedMinutes]).toEqual(['ACTIVE', deadline, paused]);
  });

  it('WAITING_FOR_OUTLET does not pause: the outlet is the network', () => {
    const first = clock(clocks(inquiry('2026-03-16 09:00'), [status('2026-03-16 10:00', 'WAITING_FOR_OUTLET')], '2026-03-16 12:00'), 'FIRST_REPLY');
    expect([first.state, show(first.deadline), first.pausedMinutes]).toEqual(['ACTIVE', '2026-03-16 13:00', 0]);
  });

  it('a clock still waiting is PAUSED, without a deadline, with its remaining budget', () => {
    const first = clock(clocks(inquiry('2026-03-16 09:00'), [status('2026-03-16 10:00', 'WAITING_FOR_CUSTOMER')], '2026-03-19 10:00'), 'FIRST_REPLY');
    expect([first.state, first.deadline, first.remainingMinutes]).toEqual(['PAUSED', null, 180]);
  });

  it('a pause after the deadline does not undo the breach', () => {
    const events = [status('2026-03-16 14:00', 'WAITING_FOR_CUSTOMER'), status('2026-03-17 14:00', 'OPEN'), reply('2026-03-17 14:30')];
    const first = clock(clocks(inquiry('2026-03-16 09:00'), events, '2026-03-18 09:00'), 'FIRST_REPLY');
    expect([first.state, show(first.breachedAt), show(first.metAt)]).toEqual(['BREACHED', '2026-03-16 13:00', '2026-03-17 14:30']);
  });

  it('invariant: an ACTIVE calendar clock is due at start + target + pauses, and remaining is what is left until then', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 6 }), (gaps) => {
        // Alternate running and waiting stretches of the given lengths, starting with a run.
        const opened = at('2026-03-16 09:00');
        const events: SlaTimelineEvent[] = [];
        let t = opened;
        gaps.forEach((gap, i) => {
          t = plus(t, gap);
          events.push(status(t, i % 2 === 0 ? 'WAITING_FOR_CUSTOMER' : 'IN_PROGRESS'));
        });
        if (gaps.length % 2 === 1) events.push(status(t, 'IN_PROGRESS'));
        const resolution = clock(clocks(inquiry('2026-03-16 09:00'), events, t), 'RESOLUTION');
        expect(resolution.state).toBe('ACTIVE');
        expect(resolution.deadline!.getTime()).toBe(opened.getTime() + (4320 + resolution.pausedMinutes) * MIN);
        expect(resolution.remainingMinutes).toBe((resolution.deadline!.getTime() - t.getTime()) / MIN);
      }),
    ));
});

describe('first reply: met, late, open', () => {
  it.each([
    ['replied in time', [reply('2026-03-16 12:00')], '2026-03-16 15:00', 'MET', '2026-03-16 12:00', null, 60],
    ['replied exactly at the deadline', [reply('2026-03-16 13:00')], '2026-03-16 15:00', 'MET', '2026-03-16 13:00', null, 0],
    ['replied a minute late', [reply('2026-03-16 13:01')], '2026-03-16 15:00', 'BREACHED', '2026-03-16 13:01', '2026-03-16 13:00', -1],
    ['not replied, past the deadline', [], '2026-03-16 15:00', 'BREACHED', null, '2026-03-16 13:00', -120],
    ['not replied, due in an hour', [], '2026-03-16 12:00', 'ACTIVE', null, null, 60],
    ['resolved without a reply answers too', [status('2026-03-16 11:00', 'RESOLVED')], '2026-03-16 15:00', 'MET', '2026-03-16 11:00', null, 120],
    ['a reply after now has not happened yet', [reply('2026-03-16 12:30')], '2026-03-16 12:00', 'ACTIVE', null, null, 60],
  ])('%s', (_label, events, now, state, metAt, breachedAt, remaining) => {
    const first = clock(clocks(inquiry('2026-03-16 09:00'), events, now), 'FIRST_REPLY');
    expect([first.state, show(first.metAt), show(first.breachedAt), first.remainingMinutes]).toEqual([state, metAt, breachedAt, remaining]);
  });
});

describe('next reply: one clock per customer message awaiting a reply', () => {
  const events = [
    message('2026-03-16 09:10'), // before the first reply: the first-reply clock covers it
    reply('2026-03-16 09:30'),
    message('2026-03-16 10:00'),
    message('2026-03-16 10:05'), // same cycle
    reply('2026-03-16 10:20'),
    message('2026-03-16 11:00'),
  ];
  it('lists the cycles', () =>
    expect(
      clocks(inquiry('2026-03-16 09:00'), events, '2026-03-16 12:00')
        .filter((c) => c.metric === 'NEXT_REPLY')
        .map((c) => [c.cycle, c.state, show(c.startedAt), show(c.metAt), show(c.deadline)]),
    ).toEqual([
      [1, 'MET', '2026-03-16 10:00', '2026-03-16 10:20', '2026-03-16 14:00'],
      [2, 'ACTIVE', '2026-03-16 11:00', null, '2026-03-16 15:00'],
    ]));

  it('a message to a resolved ticket starts nothing; a reopen does', () => {
    const base = [reply('2026-03-16 09:30'), status('2026-03-16 10:00', 'RESOLVED'), message('2026-03-16 11:00')];
    expect(clocks(inquiry('2026-03-16 09:00'), base, '2026-03-16 12:00').filter((c) => c.metric === 'NEXT_REPLY')).toEqual([]);
    const reopened = clocks(inquiry('2026-03-16 09:00'), [...base, reopen('2026-03-16 11:30')], '2026-03-16 12:00');
    expect([clock(reopened, 'NEXT_REPLY').state, show(clock(reopened, 'NEXT_REPLY').deadline)]).toEqual(['ACTIVE', '2026-03-16 15:30']);
  });
});

describe('resolution: a reopen continues the clock, time spent resolved does not count', () => {
  it.each([
    ['resolved once, in time', [status('2026-03-17 09:00', 'RESOLVED')], '2026-03-24 10:00', 'MET', '2026-03-17 09:00', '2026-03-19 09:00', 0],
    [
      'reopened after 7 days resolved: 2 days left, due 7 days later',
      [status('2026-03-17 09:00', 'RESOLVED'), reopen('2026-03-24 09:00')],
      '2026-03-24 10:00',
      'ACTIVE',
      null,
      '2026-03-26 09:00',
      7 * 1440,
    ],
    [
      'reopened and resolved again in time',
      [status('2026-03-17 09:00', 'RESOLVED'), reopen('2026-03-24 09:00'), status('2026-03-25 09:00', 'RESOLVED')],
      '2026-04-03 10:00',
      'MET',
      '2026-03-25 09:00',
      '2026-03-26 09:00',
      7 * 1440,
    ],
    [
      'reopened and resolved again too late',
      [status('2026-03-17 09:00', 'RESOLVED'), reopen('2026-03-24 09:00'), status('2026-03-27 09:00', 'RESOLVED')],
      '2026-04-03 10:00',
      'BREACHED',
      '2026-03-27 09:00',
      '2026-03-26 09:00',
      7 * 1440,
    ],
    [
      'late first resolution stays breached after a reopen',
      [status('2026-03-20 09:00', 'RESOLVED'), reopen('2026-03-22 09:00')],
      '2026-03-22 10:00',
      'BREACHED',
      null,
      '2026-03-19 09:00',
      2 * 1440,
    ],
  ])('%s', (_label, events, now, state, metAt, deadline, paused) => {
    const resolution = clock(clocks(inquiry('2026-03-16 09:00'), events, now), 'RESOLUTION');
    expect([resolution.state, show(resolution.metAt), show(resolution.deadline), resolution.pausedMinutes]).toEqual([
      state,
      metAt,
      deadline,
      paused,
    ]);
  });
});

describe('policy versions: the version in force when the ticket opened', () => {
  const urge = (openedAt: Date): SlaTicketFacts => ({ kind: 'URGE', priority: 'NORMAL', channel: 'OUTLET_COUNTER', openedAt });
  it.each([
    ['the minute before sla-2026.2', chinaTime(2026, 9, 30, 23, 59), 'sla-2026.1', 120, '2026-10-01 10:00'],
    ['the minute sla-2026.2 starts', chinaTime(2026, 10, 1), 'sla-2026.2', 60, '2026-10-01 09:00'],
    ['after the change, evaluated much later', chinaTime(2026, 10, 1, 0, 1), 'sla-2026.2', 60, '2026-10-01 09:00'],
  ])('%s', (_label, openedAt, version, target, deadline) => {
    // HQ hours (08:00–22:00 every day): an urge opened at midnight is due after opening.
    const first = clock(slaClocks({ ticket: urge(openedAt), events: [], now: plus(openedAt, 1) }), 'FIRST_REPLY');
    expect([first.policyVersion, first.targetMinutes, show(first.deadline)]).toEqual([version, target, deadline]);
  });

  it('every clock quotes the version', () =>
    expect(new Set(clocks(urge(chinaTime(2026, 10, 2, 9)), [], '2026-10-02 10:00').map((c) => c.policyVersion))).toEqual(new Set(['sla-2026.2'])));

  it('a ticket opened before any version is refused', () =>
    expect(thrownCode(() => slaClocks({ ticket: urge(chinaTime(2025, 12, 31, 23, 59)), events: [], now: chinaTime(2026, 1, 2) }))).toBe(
      'NO_POLICY_IN_FORCE',
    ));
});

describe('business hours across holidays, 调休 and uncovered years (outlet desk, phone inquiry: 120 business minutes)', () => {
  const phone = (openedAt: string): SlaTicketFacts => ({ ...inquiry(openedAt), channel: 'PHONE' });
  it.each([
    ['before National Day', '2026-09-30 17:00', '2026-10-08 09:30', 'OFFICIAL', []],
    ['into the 调休 Saturday', '2026-10-09 17:00', '2026-10-10 09:30', 'OFFICIAL', []],
    ['New Year 2027 is not published: guessed, visibly', '2026-12-31 17:00', '2027-01-01 09:30', 'WEEKENDS_ONLY', [2027]],
    ['inside 2027', '2027-01-04 10:00', '2027-01-04 12:00', 'WEEKENDS_ONLY', [2027]],
  ])('%s: opened %s, due %s (%s)', (_label, openedAt, deadline, basis, years) => {
    const all = slaClocks({ ticket: phone(openedAt), events: [], now: at(openedAt), workingHours: OUTLET_WORKING_HOURS });
    const first = clock(all, 'FIRST_REPLY');
    expect([show(first.deadline), first.basis, first.calendarBasis, first.uncoveredYears]).toEqual([deadline, 'BUSINESS', basis, years]);
    expect(businessMinutesBetween(at(openedAt), first.deadline!, OUTLET_WORKING_HOURS).minutes).toBe(first.remainingMinutes);
    // Resolution counts calendar time: no holiday data involved.
    expect(clock(all, 'RESOLUTION').calendarBasis).toBe('OFFICIAL');
  });
});

describe('peak seasons stretch a clock by the window at its start', () => {
  const urge = (openedAt: string): SlaTicketFacts => ({ kind: 'URGE', priority: 'NORMAL', channel: 'OUTLET_COUNTER', openedAt: at(openedAt) });
  const complaint = (openedAt: string): SlaTicketFacts => ({ ...urge(openedAt), kind: 'COMPLAINT' });
  it.each([
    ['an urge in March', urge('2026-03-24 10:00'), 1440, undefined],
    ['an urge in 双十一', urge('2026-11-11 10:00'), 2160, 'DOUBLE_ELEVEN'],
    ['an urge in 双十二', urge('2026-12-10 10:00'), 1800, 'DOUBLE_TWELVE'],
    ['an urge in 春节', urge('2026-02-20 10:00'), 2880, 'SPRING_FESTIVAL'],
    ['a complaint in 双十一: the 7 statutory days do not stretch', complaint('2026-11-11 10:00'), 10080, undefined],
  ])('%s: resolution %d min', (_label, ticket, minutes, peakSeason) => {
    const resolution = clock(slaClocks({ ticket, events: [], now: ticket.openedAt }), 'RESOLUTION');
    expect([resolution.targetMinutes, resolution.peakSeason, resolution.deadline!.getTime() - ticket.openedAt.getTime()]).toEqual([
      minutes,
      peakSeason,
      minutes * MIN,
    ]);
  });
});

describe('12305 cases: the regulator deadline caps resolution', () => {
  const regulator = (deadline: string): SlaTicketFacts => ({
    kind: 'COMPLAINT',
    priority: 'NORMAL',
    channel: 'REGULATOR_12305',
    openedAt: at('2026-03-16 09:00'),
    regulatorDeadline: at(deadline),
  });
  it.each([
    ['earlier than the policy: capped, and a wait does not move it', '2026-03-18 09:00', '2026-03-18 09:00', true],
    ['later than the policy: the policy stands', '2026-04-03 09:00', '2026-03-19 10:00', undefined],
  ])('%s', (_label, regulatorDeadline, deadline, capped) => {
    const events = [status('2026-03-16 10:00', 'WAITING_FOR_CUSTOMER'), status('2026-03-16 11:00', 'IN_PROGRESS')];
    const resolution = clock(clocks(regulator(regulatorDeadline), events, '2026-03-17 09:00'), 'RESOLUTION');
    expect([resolution.state, show(resolution.deadline), resolution.cappedByRegulatorDeadline]).toEqual(['ACTIVE', deadline, capped]);
  });

  it('breaches at the regulator deadline', () => {
    const resolution = clock(clocks(regulator('2026-03-18 09:00'), [], '2026-03-18 09:30'), 'RESOLUTION');
    expect([resolution.state, show(resolution.breachedAt), resolution.remainingMinutes]).toEqual(['BREACHED', '2026-03-18 09:00', -30]);
  });
});

describe('nearestDeadline', () => {
  const c = (state: SlaClock['state'], deadline: string | null, metAt?: string): SlaClock =>
    ({ state, deadline: deadline ? at(deadline) : null, ...(metAt ? { metAt: at(metAt) } : {}) }) as SlaClock;
  it.each([
    ['the earliest ACTIVE', [c('ACTIVE', '2026-03-16 15:00'), c('ACTIVE', '2026-03-16 13:00')], '2026-03-16 13:00'],
    ['an overdue clock comes first', [c('ACTIVE', '2026-03-16 15:00'), c('BREACHED', '2026-03-15 13:00')], '2026-03-15 13:00'],
    ['MET and met-late clocks owe nothing', [c('MET', '2026-03-15 10:00', '2026-03-15 09:00'), c('BREACHED', '2026-03-15 10:00', '2026-03-15 11:00'), c('ACTIVE', '2026-03-19 09:00')], '2026-03-19 09:00'],
    ['PAUSED has no deadline', [c('PAUSED', null)], null],
    ['nothing', [], null],
  ])('%s', (_label, all, expected) => expect(show(nearestDeadline(all))).toBe(expected));

  it('orders a real ticket by its first reply', () =>
    expect(show(nearestDeadline(clocks(inquiry('2026-03-16 09:00'), [], '2026-03-16 10:00')))).toBe('2026-03-16 13:00'));
});

describe('timeline validation', () => {
  it.each([
    ['an event before opening', [reply('2026-03-16 08:59')], '2026-03-16 10:00'],
    ['now before opening', [], '2026-03-16 08:00'],
  ])('rejects %s', (_label, events, now) => expect(thrownCode(() => clocks(inquiry('2026-03-16 09:00'), events, now))).toBe('INVALID_SLA_TIMELINE'));

  it('rejects an invalid date', () =>
    expect(thrownCode(() => clocks(inquiry('2026-03-16 09:00'), [{ at: new Date('x'), type: 'REPLY' }], '2026-03-16 10:00'))).toBe('INVALID_DATE'));

  it('uses the hours it is given', () => {
    const hours: WorkingHours = { name: 'late', days: 'EVERY_DAY', opens: '12:00', closes: '13:00' };
    expect(show(clock(clocks(inquiry('2026-03-16 09:00'), [], '2026-03-16 09:00', { workingHours: hours }), 'FIRST_REPLY').deadline)).toBe('2026-03-19 13:00');
  });
});
