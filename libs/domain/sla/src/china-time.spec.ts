import {
  addDays,
  addHours,
  assertValidDate,
  chinaDateOf,
  chinaMidnight,
  chinaTime,
  formatCalendarDate,
  formatChinaTime,
  hoursBetween,
  isRealDate,
  parseCalendarDate,
} from './china-time';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('China time (UTC+8)', () => {
  it.each([
    [[2024, 11, 1, 0, 0], '2024-10-31T16:00:00.000Z'],
    [[2024, 11, 1, 8, 0], '2024-11-01T00:00:00.000Z'],
    [[2025, 1, 1, 0, 0], '2024-12-31T16:00:00.000Z'],
    [[2024, 3, 10, 23, 59], '2024-03-10T15:59:00.000Z'],
  ] as const)('chinaTime(%j) is %s', ([y, m, d, h, min], iso) => expect(chinaTime(y, m, d, h, min).toISOString()).toBe(iso));

  it.each([
    ['2024-10-31T15:59:59.999Z', { year: 2024, month: 10, day: 31 }],
    ['2024-10-31T16:00:00.000Z', { year: 2024, month: 11, day: 1 }],
    ['2024-12-31T16:00:00.000Z', { year: 2025, month: 1, day: 1 }],
    ['2024-02-28T16:00:00.000Z', { year: 2024, month: 2, day: 29 }],
  ])('%s falls on China date %o', (iso, date) => expect(chinaDateOf(new Date(iso))).toEqual(date));

  it('midnight of a date is where chinaDateOf flips', () => {
    const midnight = chinaMidnight({ year: 2026, month: 2, day: 17 });
    expect(chinaDateOf(midnight)).toEqual({ year: 2026, month: 2, day: 17 });
    expect(chinaDateOf(new Date(midnight.getTime() - 1))).toEqual({ year: 2026, month: 2, day: 16 });
  });

  it.each([
    [{ year: 2024, month: 2, day: 28 }, 1, '2024-02-29'],
    [{ year: 2025, month: 2, day: 28 }, 1, '2025-03-01'],
    [{ year: 2025, month: 1, day: 10 }, -15, '2024-12-26'],
    [{ year: 2024, month: 12, day: 31 }, 1, '2025-01-01'],
  ])('%o + %d days is %s', (date, days, expected) => expect(formatCalendarDate(addDays(date, days))).toBe(expected));

  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    [' 2035-02-08 ', { year: 2035, month: 2, day: 8 }],
  ])('parses %s', (text, date) => expect(parseCalendarDate(text)).toEqual(date));

  it.each(['2025-02-29', '2024-13-01', '2024-1-1', '', '20240101'])('rejects %j', (text) =>
    expect(thrownCode(() => parseCalendarDate(text))).toBe('INVALID_DATE'),
  );

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 1.5, 1, false],
  ])('isRealDate(%d, %d, %d) is %s', (y, m, d, ok) => expect(isRealDate(y, m, d)).toBe(ok));

  it('formats instants in China wall-clock time, whatever the machine timezone', () =>
    expect(formatChinaTime(new Date('2024-10-31T16:05:00Z'))).toBe('2024-11-01 00:05'));

  it('measures and adds hours', () => {
    const from = chinaTime(2024, 3, 1);
    expect(hoursBetween(from, addHours(from, 80))).toBe(80);
    expect(hoursBetween(addHours(from, 1.5), from)).toBe(-1.5);
  });

  it.each([[new Date('nope')], ['2024-01-01'], [undefined]])('assertValidDate rejects %p', (value) =>
    expect(thrownCode(() => assertValidDate(value))).toBe('INVALID_DATE'),
  );
});
