import { addDays, chinaMidnight, chinaTime, formatCalendarDate, chinaDateOf } from './china-time';
import {
  DEFAULT_PEAK_SEASON_POLICY as POLICY,
  PeakSeasonPolicy,
  peakSeasonAt,
  peakSeasonWindows,
  stallThresholdHours,
  validatePeakSeasonPolicy,
} from './peak-season';
import { SPRING_FESTIVAL_DATES, springFestivalDate } from './spring-festival';
import { thrownCode } from '@courierdesk/domain-core/testing';

const ms = (at: Date, delta: number): Date => new Date(at.getTime() + delta);
const nameAt = (at: Date, policy: PeakSeasonPolicy | PeakSeasonPolicy[] = POLICY) => peakSeasonAt(at, policy)?.name ?? null;

describe('peakSeasonAt: 双十一 and 双十二 edges at China midnight', () => {
  it.each([
    ['Oct 31 23:59:59.999', ms(chinaTime(2024, 11, 1), -1), null],
    ['Nov 1 00:00', chinaTime(2024, 11, 1), 'DOUBLE_ELEVEN'],
    ['Nov 1 00:00 = Oct 31 16:00 UTC', new Date('2024-10-31T16:00:00Z'), 'DOUBLE_ELEVEN'],
    ['Oct 31 23:59 = Oct 31 15:59 UTC', new Date('2024-10-31T15:59:00Z'), null],
    ['Nov 11 12:00', chinaTime(2024, 11, 11, 12), 'DOUBLE_ELEVEN'],
    ['Nov 20 23:59:59.999', ms(chinaTime(2024, 11, 21), -1), 'DOUBLE_ELEVEN'],
    ['Nov 21 00:00', chinaTime(2024, 11, 21), null],
    ['Dec 7 23:59:59.999', ms(chinaTime(2025, 12, 8), -1), null],
    ['Dec 8 00:00', chinaTime(2025, 12, 8), 'DOUBLE_TWELVE'],
    ['Dec 20 23:59:59.999', ms(chinaTime(2025, 12, 21), -1), 'DOUBLE_TWELVE'],
    ['Dec 21 00:00', chinaTime(2025, 12, 21), null],
  ])('%s → %s', (_label, at, name) => expect(nameAt(at)).toBe(name));

  it.each([
    ['March', chinaTime(2024, 3, 5, 10)],
    ['June', chinaTime(2025, 6, 18)],
    ['October', chinaTime(2026, 10, 15)],
    ['late December', chinaTime(2024, 12, 28)],
  ])('%s is not a peak', (_label, at) => expect(nameAt(at)).toBeNull());

  it('returns the concrete window', () =>
    expect(peakSeasonAt(chinaTime(2024, 11, 11), POLICY)).toEqual({
      name: 'DOUBLE_ELEVEN',
      label: '双十一',
      start: chinaTime(2024, 11, 1),
      end: chinaTime(2024, 11, 21),
      multiplier: 1.5,
      extraHours: 0,
    }));
});

describe('peakSeasonAt: 春节 window, 15 days before to 15 days after, every year 2020–2035', () => {
  it.each(Object.keys(SPRING_FESTIVAL_DATES).map(Number))('%d', (year) => {
    const newYear = springFestivalDate(year);
    const start = chinaMidnight(addDays(newYear, -15));
    const end = chinaMidnight(addDays(newYear, 16));
    expect(nameAt(ms(start, -1))).toBeNull();
    expect(nameAt(start)).toBe('SPRING_FESTIVAL');
    expect(nameAt(chinaMidnight(newYear))).toBe('SPRING_FESTIVAL');
    expect(nameAt(ms(end, -1))).toBe('SPRING_FESTIVAL');
    expect(nameAt(end)).toBeNull();
  });

  it.each([
    [2024, '2024-01-26', '2024-02-25'],
    [2025, '2025-01-14', '2025-02-13'],
    [2026, '2026-02-02', '2026-03-04'],
    [2027, '2027-01-22', '2027-02-21'],
  ])('%d window runs %s to %s inclusive', (year, first, last) => {
    const window = peakSeasonAt(chinaMidnight(springFestivalDate(year)), POLICY)!;
    expect(formatCalendarDate(chinaDateOf(window.start))).toBe(first);
    expect(formatCalendarDate(chinaDateOf(ms(window.end, -1)))).toBe(last);
  });

  it('needs the table only when the year can matter', () => {
    expect(nameAt(chinaTime(2035, 12, 31, 23, 59))).toBeNull();
    expect(thrownCode(() => peakSeasonAt(chinaTime(2036, 2, 1), POLICY))).toBe('SPRING_FESTIVAL_DATE_UNKNOWN');
    const extended = { ...POLICY, springFestivalDates: { ...SPRING_FESTIVAL_DATES, 2036: '2036-01-28' } };
    expect(nameAt(chinaTime(2036, 2, 1), extended)).toBe('SPRING_FESTIVAL');
  });
});

describe('stallThresholdHours', () => {
  it.each([
    ['March', chinaTime(2024, 3, 5), 72, 72, null],
    ['双十一', chinaTime(2024, 11, 11), 72, 108, 'DOUBLE_ELEVEN'],
    ['双十二', chinaTime(2024, 12, 12), 72, 96, 'DOUBLE_TWELVE'],
    ['春节', chinaTime(2025, 1, 29), 72, 144, 'SPRING_FESTIVAL'],
    ['双十一, 24 h base', chinaTime(2024, 11, 11), 24, 36, 'DOUBLE_ELEVEN'],
    ['双十二, 24 h base', chinaTime(2024, 12, 12), 24, 48, 'DOUBLE_TWELVE'],
    ['day after 双十一', chinaTime(2024, 11, 21), 72, 72, null],
  ])('%s, base %d → %d h', (_label, at, base, hours, name) => {
    const threshold = stallThresholdHours(at, POLICY, base);
    expect(threshold).toMatchObject({ hours, baseHours: base, policyVersion: 'peak-2020.1' });
    expect(threshold.peakSeason?.name ?? null).toBe(name);
    expect(threshold.reason).toContain(`${hours} h`);
  });

  it('defaults to 72 h and explains itself', () => {
    expect(stallThresholdHours(chinaTime(2024, 11, 11, 9, 30), POLICY).reason).toBe(
      '108 h: 72 h × 1.5 during 双十一 (DOUBLE_ELEVEN) at 2024-11-11 09:30 (UTC+8)',
    );
    expect(stallThresholdHours(chinaTime(2024, 3, 1), POLICY).reason).toBe('72 h: no peak season (旺季) at 2024-03-01 00:00 (UTC+8)');
  });

  it('uses the version in force at the event time and says which', () => {
    const v2: PeakSeasonPolicy = {
      ...POLICY,
      version: 'peak-2025.1',
      effectiveFrom: chinaTime(2025, 1, 1),
      rules: POLICY.rules.map((r) => (r.name === 'DOUBLE_ELEVEN' ? { ...r, multiplier: 2 } : r)),
    };
    expect(stallThresholdHours(chinaTime(2024, 11, 11), [POLICY, v2])).toMatchObject({ hours: 108, policyVersion: 'peak-2020.1' });
    expect(stallThresholdHours(chinaTime(2025, 11, 11), [POLICY, v2])).toMatchObject({ hours: 144, policyVersion: 'peak-2025.1' });
    expect(thrownCode(() => stallThresholdHours(chinaTime(2019, 11, 11), [POLICY, v2]))).toBe('NO_POLICY_IN_FORCE');
  });

  it.each([
    [72, 120, 'SHORT'],
    [200, 300, 'WIDE'],
  ])('with overlapping windows, base %d h takes the one stretching most (%d h, %s)', (base, hours, name) => {
    const policy: PeakSeasonPolicy = {
      version: 'overlap',
      effectiveFrom: chinaTime(2020, 1, 1),
      rules: [
        { kind: 'ANNUAL', name: 'WIDE', label: '甲', from: { month: 11, day: 1 }, to: { month: 11, day: 20 }, multiplier: 1.5 },
        { kind: 'ANNUAL', name: 'SHORT', label: '乙', from: { month: 11, day: 10 }, to: { month: 11, day: 12 }, extraHours: 48 },
      ],
    };
    expect(stallThresholdHours(chinaTime(2024, 11, 11), policy, base)).toMatchObject({ hours, peakSeason: { name } });
  });

  it.each([0, -1, NaN])('rejects base %d', (base) =>
    expect(thrownCode(() => stallThresholdHours(chinaTime(2024, 3, 1), POLICY, base))).toBe('INVALID_THRESHOLD'),
  );
});

describe('peakSeasonWindows', () => {
  it('lists a year by start', () =>
    expect(peakSeasonWindows(2026, POLICY).map((w) => [w.name, formatCalendarDate(chinaDateOf(w.start))])).toEqual([
      ['SPRING_FESTIVAL', '2026-02-02'],
      ['DOUBLE_ELEVEN', '2026-11-01'],
      ['DOUBLE_TWELVE', '2026-12-08'],
    ]));
});

describe('validatePeakSeasonPolicy', () => {
  const annual = POLICY.rules[0];
  const spring = POLICY.rules[2];
  it.each([
    ['no version', { version: ' ' }],
    ['a rule without a label', { rules: [{ ...annual, label: '' }] }],
    ['a shrinking multiplier', { rules: [{ ...annual, multiplier: 0.5 }] }],
    ['negative extra hours', { rules: [{ ...annual, extraHours: -1 }] }],
    ['Feb 30', { rules: [{ ...annual, from: { month: 2, day: 30 } }] }],
    ['Feb 29', { rules: [{ ...annual, to: { month: 2, day: 29 } }] }],
    ['a window across the year end', { rules: [{ ...annual, from: { month: 12, day: 25 }, to: { month: 1, day: 5 } }] }],
    ['a duplicate name', { rules: [annual, annual] }],
    ['fractional days', { rules: [{ ...spring, daysBefore: 1.5 }] }],
    ['an unknown kind', { rules: [{ ...annual, kind: 'WEEKLY' }] }],
  ])('rejects %s', (_label, change) =>
    expect(thrownCode(() => validatePeakSeasonPolicy({ ...POLICY, ...change } as PeakSeasonPolicy))).toBe('INVALID_PEAK_SEASON_POLICY'),
  );

  it('rejects a bad Spring Festival date', () =>
    expect(thrownCode(() => validatePeakSeasonPolicy({ ...POLICY, springFestivalDates: { 2036: '2036-02-30' } }))).toBe('INVALID_DATE'));

  it('accepts the default policy', () => expect(validatePeakSeasonPolicy(POLICY)).toBe(POLICY));
});
