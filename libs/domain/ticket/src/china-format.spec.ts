import { chinaTime } from '@courierdesk/domain-sla';
import { formatChineseDate, formatChineseDateTime, formatChineseEta } from './china-format';

describe('Chinese date text', () => {
  const now = chinaTime(2026, 12, 2, 10, 0);

  it.each([
    [chinaTime(2026, 12, 2, 0, 0), now, '今天 00:00'],
    [chinaTime(2026, 12, 2, 23, 59), now, '今天 23:59'],
    [chinaTime(2026, 12, 1, 23, 59), now, '昨天 23:59'],
    [chinaTime(2026, 12, 3, 8, 5), now, '明天 08:05'],
    [chinaTime(2026, 11, 28, 14, 30), now, '11月28日 14:30'],
    [chinaTime(2025, 12, 31, 14, 30), now, '2025年12月31日 14:30'],
    [chinaTime(2026, 12, 2, 14, 30), undefined, '2026年12月2日 14:30'],
    // 16:00 UTC is already the next day in China.
    [new Date('2026-12-01T16:30:00Z'), undefined, '2026年12月2日 00:30'],
  ])('%s near %s → %s', (at, near, text) => expect(formatChineseDateTime(at, near)).toBe(text));

  it('crosses a year: 12-31 is yesterday on 01-01', () => expect(formatChineseDate(chinaTime(2026, 12, 31, 22, 0), chinaTime(2027, 1, 1, 1, 0))).toBe('昨天'));

  it.each([
    [chinaTime(2026, 12, 5, 9), chinaTime(2026, 12, 5, 18), now, '12月5日'],
    [chinaTime(2026, 12, 3, 9), chinaTime(2026, 12, 5, 18), now, '明天至12月5日'],
    [chinaTime(2026, 12, 5, 9), null, now, '12月5日起'],
    [null, chinaTime(2026, 12, 5, 9), now, '12月5日前'],
    [null, null, now, null],
    [chinaTime(2026, 12, 5, 9), chinaTime(2026, 12, 6, 9), undefined, '2026年12月5日至2026年12月6日'],
  ])('ETA %s – %s → %s', (from, to, near, text) => expect(formatChineseEta(from, to, near)).toBe(text));
});
