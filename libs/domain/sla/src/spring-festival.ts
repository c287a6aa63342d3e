import { CalendarDate, parseCalendarDate } from './china-time';
import { SlaRuleError } from './sla.errors';

/**
 * Spring Festival (春节): the first day of the first lunar month (正月初一), as a China calendar
 * date, 2020–2035. Data, not a computation: the official date is the day (UTC+8) of the new moon,
 * and in 2027 and 2030 that new moon falls within minutes of midnight — ICU's approximate Chinese
 * calendar (Node's `en-u-ca-chinese`) gets both a day wrong (02-07, 02-02); the Hong Kong
 * Observatory and Purple Mountain Observatory tables give 2027-02-06 and 2030-02-03.
 * Extend the table in a new PeakSeasonPolicy version before 2035 runs out.
 */
export const SPRING_FESTIVAL_DATES: Readonly<Record<number, string>> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** The lunar new year always falls between these Gregorian dates (inclusive), so a window can be bounded without the table. */
export const SPRING_FESTIVAL_EARLIEST: Readonly<{ month: number; day: number }> = { month: 1, day: 21 };
/** The latest possible Gregorian date of the lunar new year. */
export const SPRING_FESTIVAL_LATEST: Readonly<{ month: number; day: number }> = { month: 2, day: 20 };

/** The Spring Festival date of a Gregorian year. Throws SPRING_FESTIVAL_DATE_UNKNOWN outside the table. */
export function springFestivalDate(
  year: number,
  table: Readonly<Record<number, string>> = SPRING_FESTIVAL_DATES,
): CalendarDate {
  const text = table[year];
  if (text === undefined) {
    // Guessing would silently stretch or shrink every threshold around the holiday: refuse instead.
    throw new SlaRuleError('SPRING_FESTIVAL_DATE_UNKNOWN', `no Spring Festival (春节) date for ${year} in the policy`, {
      year,
    });
  }
  const date = parseCalendarDate(text);
  if (date.year !== year) {
    throw new SlaRuleError('INVALID_PEAK_SEASON_POLICY', `Spring Festival date ${text} is not in ${year}`, { year, date: text });
  }
  return date;
}
