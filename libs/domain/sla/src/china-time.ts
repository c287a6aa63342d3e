import { SlaRuleError } from './sla.errors';

/** China Standard Time (北京时间) is UTC+8 all year: no daylight saving since 1991. */
export const CHINA_UTC_OFFSET_HOURS = 8;

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** One day in milliseconds (China has no DST, so a China day is always 24 hours). */
export const DAY_MS = 24 * HOUR_MS;

const OFFSET_MS = CHINA_UTC_OFFSET_HOURS * HOUR_MS;

/** A calendar date in China time; `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A date without a year, for rules that repeat every year (e.g. 11-01 for 双十一). */
export interface MonthDay {
  month: number;
  day: number;
}

/** Throws INVALID_DATE unless `at` is a Date holding a real instant; returns it. */
export function assertValidDate(at: unknown, field = 'date'): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new SlaRuleError('INVALID_DATE', `${field} is not a valid date`, { field });
  }
  return at;
}

/** True when year-month-day names a real Gregorian date (2024-02-29 yes, 2025-02-29 no). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * The instant of a wall-clock time in China. Computed with the fixed offset, never the machine's
 * timezone: servers run in UTC, developers' laptops do not.
 */
export function chinaTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** Start of a China calendar day (00:00 UTC+8). */
export const chinaMidnight = (date: CalendarDate): Date => chinaTime(date.year, date.month, date.day);

/** The China calendar date an instant falls on. */
export function chinaDateOf(at: Date): CalendarDate {
  const shifted = new Date(assertValidDate(at).getTime() + OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The calendar date `days` later (or earlier when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Parses `YYYY-MM-DD` (a China calendar date). Throws INVALID_DATE. */
export function parseCalendarDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text ?? '').trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  if (!isRealDate(year, month, day)) {
    throw new SlaRuleError('INVALID_DATE', `"${text}" is not a calendar date YYYY-MM-DD`, { date: text });
  }
  return { year, month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a calendar date as `YYYY-MM-DD`. */
export const formatCalendarDate = (date: CalendarDate): string =>
  `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

/** Formats an instant as China wall-clock time `YYYY-MM-DD HH:mm`, for human-readable reasons. */
export function formatChinaTime(at: Date): string {
  const shifted = new Date(assertValidDate(at).getTime() + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 10)} ${shifted.toISOString().slice(11, 16)}`;
}

/** Hours from `from` to `to` (negative when `to` is earlier). */
export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / HOUR_MS;

/** The instant `hours` after `at`. */
export const addHours = (at: Date, hours: number): Date => new Date(at.getTime() + hours * HOUR_MS);
