import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import {
  HQ_WORKING_HOURS,
  OFFICIAL_CALENDAR,
  OUTLET_WORKING_HOURS,
  ROUND_THE_CLOCK,
  WorkingHours,
  addBusinessMinutes,
  businessMinutesBetween,
  calendarFromSchedule,
  validateWorkingHours,
} from './business-calendar';
import { addDays, chinaTime, formatCalendarDate, formatChinaTime, parseCalendarDate } from './china-time';
import { thrownCode } from '@courierdesk/domain-core/testing';

const at = (text: string): Date => {
  const [date, time = '00:00'] = text.split(' ');
  const d = parseCalendarDate(date);
  const [h, m] = time.split(':').map(Number);
  return chinaTime(d.year, d.month, d.day, h, m);
};

describe('OFFICIAL_CALENDAR (法定节假日与调休, chinese-days 1.5.7)', () => {
  it.each([
    ['2026-10-01', 'National Day (Thursday)', false, 'OFFICIAL'],
    ['2026-10-07', 'last day of National Day', false, 'OFFICIAL'],
    ['2026-10-08', 'first Thursday back', true, 'OFFICIAL'],
    ['2026-10-10', 'Saturday worked in lieu (调休)', true, 'OFFICIAL'],
    ['2026-10-11', 'ordinary Sunday', false, 'OFFICIAL'],
    ['2026-09-20', 'Sunday worked in lieu (调休)', true, 'OFFICIAL'],
    ['2026-09-25', 'Mid-Autumn Festival (Friday)', false, 'OFFICIAL'],
    ['2026-02-14', 'Saturday before 春节 worked in lieu', true, 'OFFICIAL'],
    ['2026-02-17', '春节', false, 'OFFICIAL'],
    ['2004-10-07', 'oldest year in the data', false, 'OFFICIAL'],
    ['2027-01-01', "New Year's Day 2027: not published yet, guessed a working Friday", true, 'WEEKENDS_ONLY'],
    ['2027-01-04', 'Monday of an uncovered year', true, 'WEEKENDS_ONLY'],
    ['2027-01-09', 'Saturday of an uncovered year', false, 'WEEKENDS_ONLY'],
    ['2003-12-31', 'before the data', true, 'WEEKENDS_ONLY'],
  ])('%s (%s): working %s, basis %s', (date, _label, working, basis) =>
    expect(OFFICIAL_CALENDAR.isWorkingDay(parseCalendarDate(date))).toEqual({ working, basis }),
  );

  it('covers exactly the years in the package data, 2004–2026', () =>
    expect(OFFICIAL_CALENDAR.coveredYears).toEqual([...Array(23)].map((_, i) => 2004 + i)));

  it('agrees with chinese-days on every covered day', () => {
    const disagreements: string[] = [];
    for (let date = parseCalendarDate('2004-01-01'); date.year <= 2026; date = addDays(date, 1)) {
      const text = formatCalendarDate(date);
      if (OFFICIAL_CALENDAR.isWorkingDay(date).working !== isWorkday(text)) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });

  it('is where chinese-days silently guesses: the package calls 2027-01-01 a plain workday', () => expect(isWorkday('2027-01-01')).toBe(true));
});

describe('addBusinessMinutes', () => {
  it.each([
    ['outlet, before National Day', '2026-09-30 17:00', 120, '2026-10-08 09:30', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, into the 调休 Saturday', '2026-10-09 17:30', 60, '2026-10-10 09:00', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, 调休 Saturday to Monday', '2026-10-10 17:30', 60, '2026-10-12 09:00', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, ordinary Saturday to 调休 Sunday', '2026-09-19 10:00', 30, '2026-09-20 09:00', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, over Mid-Autumn', '2026-09-24 17:00', 120, '2026-09-28 09:30', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, before opening', '2026-10-08 06:00', 30, '2026-10-08 09:00', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, a deadline using up the day ends at closing', '2026-10-08 17:00', 60, '2026-10-08 18:00', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, zero minutes after closing is the next opening', '2026-10-08 19:00', 0, '2026-10-09 08:30', OUTLET_WORKING_HOURS, 'OFFICIAL', []],
    ['outlet, into 2027', '2026-12-31 17:00', 120, '2027-01-01 09:30', OUTLET_WORKING_HOURS, 'WEEKENDS_ONLY', [2027]],
    ['outlet, inside 2027', '2027-01-04 17:00', 120, '2027-01-05 09:30', OUTLET_WORKING_HOURS, 'WEEKENDS_ONLY', [2027]],
    ['outlet, 2027 weekend skipped', '2027-01-08 17:00', 120, '2027-01-11 09:30', OUTLET_WORKING_HOURS, 'WEEKENDS_ONLY', [2027]],
    ['HQ works National Day', '2026-10-01 21:00', 120, '2026-10-02 09:00', HQ_WORKING_HOURS, 'OFFICIAL', []],
    ['HQ in 2027 needs no holiday data', '2027-01-01 21:30', 60, '2027-01-02 08:30', HQ_WORKING_HOURS, 'OFFICIAL', []],
    ['round the clock', '2026-10-01 21:00', 1440, '2026-10-02 21:00', ROUND_THE_CLOCK, 'OFFICIAL', []],
  ])('%s: %s + %d min → %s', (_label, start, minutes, expected, hours, basis, uncovered) => {
    const result = addBusinessMinutes(at(start), minutes, hours);
    expect([formatChinaTime(result.at), result.calendarBasis, result.uncoveredYears]).toEqual([expected, basis, uncovered]);
  });

  it('takes an injected calendar: a fake covering 2027 knows its New Year holiday', () => {
    const fake = calendarFromSchedule('fake', { holidays: { '2026-10-01': 'x', '2027-01-01': '元旦' }, workdays: {} });
    const result = addBusinessMinutes(at('2026-12-31 17:00'), 120, OUTLET_WORKING_HOURS, fake);
    expect([formatChinaTime(result.at), result.calendarBasis, result.uncoveredYears]).toEqual(['2027-01-04 09:30', 'OFFICIAL', []]);
  });

  it.each([
    ['a weekday override and a closed Sunday', '2026-03-07 11:00', 120, '2026-03-09 09:00'],
    ['Saturday mornings only', '2026-03-06 17:30', 60, '2026-03-07 09:30'],
  ])('per-weekday hours: %s', (_label, start, minutes, expected) => {
    const hours: WorkingHours = { name: 'shop', days: 'EVERY_DAY', opens: '08:00', closes: '18:00', weekdays: { 6: { opens: '09:00', closes: '12:00' }, 7: null } };
    expect(formatChinaTime(addBusinessMinutes(at(start), minutes, hours).at)).toBe(expected);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['across National Day', '2026-09-30 09:00', '2026-10-09 09:00', OUTLET_WORKING_HOURS, 540 + 570 + 30, 'OFFICIAL'],
    ['backwards is negative', '2026-10-09 09:00', '2026-09-30 09:00', OUTLET_WORKING_HOURS, -(540 + 570 + 30), 'OFFICIAL'],
    ['a weekend and a holiday are zero', '2026-10-01 00:00', '2026-10-08 00:00', OUTLET_WORKING_HOURS, 0, 'OFFICIAL'],
    ['the 调休 Saturday counts', '2026-10-10 00:00', '2026-10-11 00:00', OUTLET_WORKING_HOURS, 570, 'OFFICIAL'],
    ['ending at midnight of 2027 uses no 2027 day', '2026-12-31 00:00', '2027-01-01 00:00', OUTLET_WORKING_HOURS, 570, 'OFFICIAL'],
    ['a minute into 2027 day still counts no 2027 time, but it was consulted', '2026-12-31 00:00', '2027-01-01 00:01', OUTLET_WORKING_HOURS, 570, 'WEEKENDS_ONLY'],
    ['HQ, a whole holiday day', '2026-10-01 00:00', '2026-10-02 00:00', HQ_WORKING_HOURS, 840, 'OFFICIAL'],
  ])('%s', (_label, from, to, hours, minutes, basis) => {
    const result = businessMinutesBetween(at(from), at(to), hours);
    expect([result.minutes, result.calendarBasis]).toEqual([minutes, basis]);
  });

  it('inverts addBusinessMinutes (2025–2027, outlet and HQ hours)', () =>
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(OUTLET_WORKING_HOURS, HQ_WORKING_HOURS),
        (start, minutes, hours) => {
          const end = addBusinessMinutes(start, minutes, hours);
          expect(end.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(businessMinutesBetween(start, end.at, hours).minutes).toBeCloseTo(minutes, 6);
        },
      ),
    ));
});

describe('validation', () => {
  it.each([
    ['not HH:mm', { opens: '8:30' }],
    ['minutes past 59', { opens: '08:60' }],
    ['after 24:00', { closes: '24:01' }],
    ['closing before opening', { opens: '18:00', closes: '08:30' }],
    ['an unknown days rule', { days: 'SOMETIMES' }],
    ['a weekday out of range', { weekdays: { 8: { opens: '08:00', closes: '09:00' } } }],
    ['a weekday closing before opening', { weekdays: { 6: { opens: '12:00', closes: '09:00' } } }],
  ])('rejects %s', (_label, change) =>
    expect(thrownCode(() => validateWorkingHours({ ...OUTLET_WORKING_HOURS, ...change } as WorkingHours))).toBe('INVALID_WORKING_HOURS'),
  );

  it.each([-1, NaN, Infinity])('rejects %d minutes', (minutes) =>
    expect(thrownCode(() => addBusinessMinutes(at('2026-03-02 09:00'), minutes, OUTLET_WORKING_HOURS))).toBe('INVALID_DURATION'),
  );

  it('stops when the hours never open', () => {
    const never: WorkingHours = { ...HQ_WORKING_HOURS, weekdays: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null } };
    expect(thrownCode(() => addBusinessMinutes(at('2026-03-02 09:00'), 1, never))).toBe('NO_WORKING_TIME');
  });
});
