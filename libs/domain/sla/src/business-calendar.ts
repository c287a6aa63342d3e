import officialData from 'chinese-days/dist/chinese-days.json';
import { CalendarDate, addDays, assertValidDate, chinaDateOf, chinaMidnight, formatCalendarDate } from './china-time';
import { SlaRuleError } from './sla.errors';

/**
 * Where a working-day answer came from: OFFICIAL when the year is in the State Council's published
 * holiday schedule (放假安排); WEEKENDS_ONLY when it is not and Monday–Friday were assumed to be
 * working days — a guess that misses 春节, 国庆 and every 调休 day, so it is always reported.
 */
export type CalendarBasis = 'OFFICIAL' | 'WEEKENDS_ONLY';

/** Whether a China calendar date is a working day (工作日), and on what basis. */
export interface WorkingDayAnswer {
  working: boolean;
  basis: CalendarBasis;
}

/** A calendar of working days (工作日历); injectable so tests and future years can bring their own. */
export interface BusinessCalendar {
  /** Shown in reasons, e.g. `chinese-days 1.5.7`. */
  readonly name: string;
  /** Whether `date` is a working day: statutory holidays off, adjusted working days (调休) on. */
  isWorkingDay(date: CalendarDate): WorkingDayAnswer;
}

/** Holiday data in the shape `chinese-days` publishes: `YYYY-MM-DD` → description. */
export interface HolidayScheduleData {
  /** Statutory days off (法定节假日), weekends inside a holiday block included. */
  holidays: Readonly<Record<string, string>>;
  /** Weekend days that are working days (调休上班). */
  workdays: Readonly<Record<string, string>>;
}

/** A business calendar built from published holiday data, with the years the data covers. */
export interface ScheduleCalendar extends BusinessCalendar {
  /** Years with at least one entry: only these are answered OFFICIAL. */
  readonly coveredYears: readonly number[];
}

const isoWeekday = (date: CalendarDate): IsoWeekday => (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7) as IsoWeekday;
const isWeekend = (date: CalendarDate): boolean => isoWeekday(date) >= 6;

/**
 * A calendar from holiday data. A year absent from the data is answered Monday–Friday with basis
 * WEEKENDS_ONLY: `chinese-days` itself answers such years the same way but silently, and the State
 * Council publishes next year's schedule only in November or December.
 */
export function calendarFromSchedule(name: string, data: HolidayScheduleData): ScheduleCalendar {
  const years = new Set<number>();
  for (const date of [...Object.keys(data.holidays), ...Object.keys(data.workdays)]) years.add(Number(date.slice(0, 4)));
  const coveredYears = [...years].sort((a, b) => a - b);
  return {
    name,
    coveredYears,
    isWorkingDay(date: CalendarDate): WorkingDayAnswer {
      if (!years.has(date.year)) return { working: !isWeekend(date), basis: 'WEEKENDS_ONLY' };
      const key = formatCalendarDate(date);
      if (key in data.workdays) return { working: true, basis: 'OFFICIAL' };
      if (key in data.holidays) return { working: false, basis: 'OFFICIAL' };
      return { working: !isWeekend(date), basis: 'OFFICIAL' };
    },
  };
}

/** The official mainland China calendar (法定节假日与调休) from `chinese-days` 1.5.7, years 2004–2026. */
export const OFFICIAL_CALENDAR: ScheduleCalendar = calendarFromSchedule('chinese-days 1.5.7', officialData as HolidayScheduleData);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours of one day, China wall-clock `HH:mm`; `closes` may be `24:00`, never before `opens`. */
export interface DailyHours {
  opens: string;
  closes: string;
}

/**
 * Working hours (营业时间) of a desk: HQ customer service or an outlet. `days` says whether the
 * official calendar decides which days are open (WORKING_DAYS: holidays closed, 调休 Saturdays
 * open) or the desk works every day (EVERY_DAY, the calendar is not consulted). `weekdays` overrides
 * the hours of an ISO weekday (null: closed that weekday); a 调休 weekend working day keeps the
 * default hours, because it stands in for an ordinary weekday.
 */
export interface WorkingHours extends DailyHours {
  name: string;
  days: 'WORKING_DAYS' | 'EVERY_DAY';
  weekdays?: Readonly<Partial<Record<IsoWeekday, DailyHours | null>>>;
}

/** HQ customer service (总部客服): 08:00–22:00 every day, holidays included, as the national hotlines run. */
export const HQ_WORKING_HOURS: WorkingHours = { name: 'HQ_CS', days: 'EVERY_DAY', opens: '08:00', closes: '22:00' };

/** An outlet's desk (网点客服): 08:30–18:00 on official working days, closed on holidays and weekends. */
export const OUTLET_WORKING_HOURS: WorkingHours = { name: 'OUTLET', days: 'WORKING_DAYS', opens: '08:30', closes: '18:00' };

/** Round the clock (7×24): business time equals calendar time. */
export const ROUND_THE_CLOCK: WorkingHours = { name: 'ROUND_THE_CLOCK', days: 'EVERY_DAY', opens: '00:00', closes: '24:00' };

/** Which calendar basis a computation used, and the uncovered years behind a WEEKENDS_ONLY. */
export interface CalendarUse {
  calendarBasis: CalendarBasis;
  /** Years outside the calendar's data that the computation touched, ascending; empty when OFFICIAL. */
  uncoveredYears: number[];
}

/** An instant found by counting business time. */
export interface BusinessInstant extends CalendarUse {
  at: Date;
}

/** A span of business time in minutes. */
export interface BusinessDuration extends CalendarUse {
  minutes: number;
}

const MINUTE_MS = 60_000;
// Ten years of closed days means the hours can never open: stop instead of looping forever.
const MAX_DAYS_SEARCHED = 3_660;

/** Tracks the calendar basis of every day a computation consulted. */
class CalendarUseTracker {
  private readonly uncovered = new Set<number>();
  note(year: number, basis: CalendarBasis): void {
    if (basis === 'WEEKENDS_ONLY') this.uncovered.add(year);
  }
  merge(use: CalendarUse): void {
    for (const year of use.uncoveredYears) this.uncovered.add(year);
  }
  result(): CalendarUse {
    const uncoveredYears = [...this.uncovered].sort((a, b) => a - b);
    return { calendarBasis: uncoveredYears.length > 0 ? 'WEEKENDS_ONLY' : 'OFFICIAL', uncoveredYears };
  }
}

/** Combines the calendar use of several computations: WEEKENDS_ONLY if any of them was. */
export function combineCalendarUse(uses: readonly CalendarUse[]): CalendarUse {
  const tracker = new CalendarUseTracker();
  for (const use of uses) tracker.merge(use);
  return tracker.result();
}

function minuteOfDay(text: string, field: string, hours: WorkingHours): number {
  const match = /^(\d{2}):(\d{2})$/.exec(String(text ?? ''));
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minute > 24 * 60) {
    throw new SlaRuleError('INVALID_WORKING_HOURS', `${hours.name}: ${field} "${text}" is not HH:mm between 00:00 and 24:00`, {
      hours: hours.name,
      field,
    });
  }
  return minute;
}

function checkedDay(day: DailyHours, hours: WorkingHours, label: string): { opens: number; closes: number } {
  const opens = minuteOfDay(day.opens, `${label} opens`, hours);
  const closes = minuteOfDay(day.closes, `${label} closes`, hours);
  // Overnight shifts would make one "day" straddle two calendar dates; split them into two desks.
  if (closes <= opens) {
    throw new SlaRuleError('INVALID_WORKING_HOURS', `${hours.name}: ${label} closes at ${day.closes}, not after it opens at ${day.opens}`, {
      hours: hours.name,
    });
  }
  return { opens, closes };
}

/** Checks working hours: `HH:mm` times, closing after opening, a known `days`. Throws INVALID_WORKING_HOURS. */
export function validateWorkingHours(hours: WorkingHours): WorkingHours {
  if (hours.days !== 'WORKING_DAYS' && hours.days !== 'EVERY_DAY') {
    throw new SlaRuleError('INVALID_WORKING_HOURS', `${hours.name}: days must be WORKING_DAYS or EVERY_DAY`, { hours: hours.name });
  }
  checkedDay(hours, hours, 'default');
  for (const [weekday, day] of Object.entries(hours.weekdays ?? {})) {
    if (!['1', '2', '3', '4', '5', '6', '7'].includes(weekday)) {
      throw new SlaRuleError('INVALID_WORKING_HOURS', `${hours.name}: weekday ${weekday} is not 1–7`, { hours: hours.name });
    }
    if (day !== null && day !== undefined) checkedDay(day, hours, `weekday ${weekday}`);
  }
  return hours;
}

/** The open window of one date, or null when closed; notes the calendar basis when consulted. */
function openWindow(date: CalendarDate, hours: WorkingHours, calendar: BusinessCalendar, use: CalendarUseTracker): { start: number; end: number } | null {
  let day: DailyHours | null | undefined;
  if (hours.days === 'WORKING_DAYS') {
    const answer = calendar.isWorkingDay(date);
    use.note(date.year, answer.basis);
    if (!answer.working) return null;
    day = isWeekend(date) ? hours : hours.weekdays?.[isoWeekday(date)];
  } else {
    day = hours.weekdays?.[isoWeekday(date)];
  }
  if (day === null) return null;
  const { opens, closes } = checkedDay(day ?? hours, hours, 'day');
  const midnight = chinaMidnight(date).getTime();
  return { start: midnight + opens * MINUTE_MS, end: midnight + closes * MINUTE_MS };
}

function checkMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new SlaRuleError('INVALID_DURATION', `duration ${minutes} min must be a finite number ≥ 0`, { minutes });
  }
  return minutes;
}

/**
 * The instant `minutes` of business time (工作时间) after `start`: time counts only inside the open
 * windows of `hours` on the China calendar. A deadline that uses up a day ends at its closing time,
 * not at the next opening. Zero minutes from a closed moment is the next opening.
 * Throws INVALID_DURATION, INVALID_WORKING_HOURS, NO_WORKING_TIME (hours never open).
 */
export function addBusinessMinutes(
  start: Date,
  minutes: number,
  hours: WorkingHours,
  calendar: BusinessCalendar = OFFICIAL_CALENDAR,
): BusinessInstant {
  assertValidDate(start, 'start');
  checkMinutes(minutes);
  validateWorkingHours(hours);
  const use = new CalendarUseTracker();
  let remaining = minutes * MINUTE_MS;
  let date = chinaDateOf(start);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, date = addDays(date, 1)) {
    const window = openWindow(date, hours, calendar, use);
    if (window === null) continue;
    const from = Math.max(window.start, start.getTime());
    if (from >= window.end) continue;
    if (remaining <= window.end - from) return { at: new Date(from + remaining), ...use.result() };
    remaining -= window.end - from;
  }
  throw new SlaRuleError('NO_WORKING_TIME', `${hours.name}: no open hours within ${MAX_DAYS_SEARCHED} days of ${start.toISOString()}`, {
    hours: hours.name,
  });
}

/**
 * Business minutes between two instants, inside the open windows of `hours`; negative when `to` is
 * before `from`. The inverse of addBusinessMinutes: counting from `start` to its result gives back
 * the minutes added.
 */
export function businessMinutesBetween(
  from: Date,
  to: Date,
  hours: WorkingHours,
  calendar: BusinessCalendar = OFFICIAL_CALENDAR,
): BusinessDuration {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  validateWorkingHours(hours);
  if (to.getTime() < from.getTime()) {
    const reverse = businessMinutesBetween(to, from, hours, calendar);
    return { ...reverse, minutes: reverse.minutes === 0 ? 0 : -reverse.minutes };
  }
  const use = new CalendarUseTracker();
  let total = 0;
  // Only days that overlap [from, to) are consulted: ending at midnight of 2027-01-01 uses no 2027 day.
  for (let date = chinaDateOf(from); chinaMidnight(date).getTime() < to.getTime(); date = addDays(date, 1)) {
    const window = openWindow(date, hours, calendar, use);
    if (window === null) continue;
    total += Math.max(0, Math.min(window.end, to.getTime()) - Math.max(window.start, from.getTime()));
  }
  return { minutes: total / MINUTE_MS, ...use.result() };
}
