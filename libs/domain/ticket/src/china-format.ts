import { CalendarDate, addDays, assertValidDate, chinaDateOf } from '@courierdesk/domain-sla';

// Customers read times as Chinese wall-clock text, never ISO: 12月2日 14:30, 今天 14:30.

const sameDate = (a: CalendarDate, b: CalendarDate): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** A China calendar date in Chinese (12月2日; with the year when not this year; 今天/昨天/明天 near `now`). */
export function formatChineseDate(at: Date, now?: Date): string {
  const date = chinaDateOf(assertValidDate(at, 'at'));
  if (now) {
    const today = chinaDateOf(assertValidDate(now, 'now'));
    if (sameDate(date, today)) return '今天';
    if (sameDate(date, addDays(today, -1))) return '昨天';
    if (sameDate(date, addDays(today, 1))) return '明天';
    if (date.year === today.year) return `${date.month}月${date.day}日`;
  }
  return `${date.year}年${date.month}月${date.day}日`;
}

/** An instant as China wall-clock time in Chinese (12月2日 14:30, 今天 09:05); see formatChineseDate. */
export function formatChineseDateTime(at: Date, now?: Date): string {
  const shifted = new Date(assertValidDate(at, 'at').getTime() + 8 * 3_600_000);
  return `${formatChineseDate(at, now)} ${shifted.toISOString().slice(11, 16)}`;
}

/** An ETA window in Chinese by China dates: 12月3日, 12月3日至12月5日, 12月3日起, 12月5日前; null with neither end. */
export function formatChineseEta(from: Date | null | undefined, to: Date | null | undefined, now?: Date): string | null {
  if (from && to) {
    const [a, b] = [formatChineseDate(from, now), formatChineseDate(to, now)];
    return a === b ? a : `${a}至${b}`;
  }
  if (from) return `${formatChineseDate(from, now)}起`;
  if (to) return `${formatChineseDate(to, now)}前`;
  return null;
}
