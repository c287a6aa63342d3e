import { chinaMidnight, formatCalendarDate } from './china-time';
import { SPRING_FESTIVAL_DATES, springFestivalDate } from './spring-festival';
import { thrownCode } from '@courierdesk/domain-core/testing';

// ICU's Chinese calendar is approximate where the new moon is within minutes of Beijing midnight.
const ICU_KNOWN_OFF_BY_ONE: Readonly<Record<number, string>> = { 2027: '2027-02-07', 2030: '2030-02-02' };

function icuLunarMonthDay(at: Date): string | null {
  const format = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
  if (format.resolvedOptions().calendar !== 'chinese') return null;
  const parts = format.formatToParts(at);
  return `${parts.find((p) => p.type === 'month')?.value}/${parts.find((p) => p.type === 'day')?.value}`;
}

describe('Spring Festival dates (春节)', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-03'],
    [2031, '2031-01-23'],
    [2032, '2032-02-11'],
    [2033, '2033-01-31'],
    [2034, '2034-02-19'],
    [2035, '2035-02-08'],
  ])('%d → %s', (year, date) => expect(formatCalendarDate(springFestivalDate(year))).toBe(date));

  it('covers 2020–2035, each between Jan 21 and Feb 20', () => {
    expect(Object.keys(SPRING_FESTIVAL_DATES).map(Number)).toEqual([...Array(16)].map((_, i) => 2020 + i));
    for (const date of Object.values(SPRING_FESTIVAL_DATES)) expect(date.slice(5) >= '01-21' && date.slice(5) <= '02-20').toBe(true);
  });

  it('agrees with the lunar calendar: each date is 正月初一 and the day before is not (ICU, except its two known misses)', () => {
    const probe = icuLunarMonthDay(new Date());
    if (probe === null) return; // Node built without full ICU: nothing to cross-check against.
    for (const [year, text] of Object.entries(SPRING_FESTIVAL_DATES)) {
      const icuDate = ICU_KNOWN_OFF_BY_ONE[Number(year)] ?? text;
      const midday = new Date(chinaMidnight(springFestivalDate(Number(year), { [year]: icuDate })).getTime() + 12 * 3_600_000);
      expect([year, icuLunarMonthDay(midday)]).toEqual([year, '1/1']);
      expect([year, icuLunarMonthDay(new Date(midday.getTime() - 86_400_000))]).not.toEqual([year, '1/1']);
    }
  });

  it.each([2019, 2036])('%d is outside the table', (year) =>
    expect(thrownCode(() => springFestivalDate(year))).toBe('SPRING_FESTIVAL_DATE_UNKNOWN'),
  );

  it('rejects a table entry filed under the wrong year', () =>
    expect(thrownCode(() => springFestivalDate(2040, { 2040: '2041-02-01' }))).toBe('INVALID_PEAK_SEASON_POLICY'));
});
