import {
  CalendarDate,
  MonthDay,
  addDays,
  assertValidDate,
  chinaDateOf,
  chinaMidnight,
  chinaTime,
  formatChinaTime,
  isRealDate,
  parseCalendarDate,
} from './china-time';
import { Versioned, asVersions, policyInForce } from './policy-version';
import { SlaRuleError } from './sla.errors';
import { SPRING_FESTIVAL_DATES, SPRING_FESTIVAL_EARLIEST, SPRING_FESTIVAL_LATEST, springFestivalDate } from './spring-festival';

/** Names of the shopping and holiday peaks (旺季) of the default policy. */
export const PeakSeasonName = {
  /** Singles' Day (双十一, 11.11): the largest parcel peak of the year. */
  DOUBLE_ELEVEN: 'DOUBLE_ELEVEN',
  /** 12.12 (双十二). */
  DOUBLE_TWELVE: 'DOUBLE_TWELVE',
  /** Spring Festival (春节): couriers go home, outlets close, the network slows for weeks. */
  SPRING_FESTIVAL: 'SPRING_FESTIVAL',
} as const;
/** Names of the shopping and holiday peaks (旺季) of the default policy. */
export type PeakSeasonName = (typeof PeakSeasonName)[keyof typeof PeakSeasonName];

/** How a peak stretches a time threshold: `hours × multiplier + extraHours`; defaults 1 and 0. */
export interface ThresholdStretch {
  multiplier?: number;
  extraHours?: number;
}

/** A peak on the same China dates every year, both days inclusive (e.g. 11-01 to 11-20). */
export interface AnnualPeakRule extends ThresholdStretch {
  kind: 'ANNUAL';
  name: string;
  /** Chinese name shown to agents, e.g. 双十一. */
  label: string;
  from: MonthDay;
  to: MonthDay;
}

/** A peak around the lunar new year: `daysBefore` days before 正月初一 to `daysAfter` days after, inclusive. */
export interface SpringFestivalPeakRule extends ThresholdStretch {
  kind: 'SPRING_FESTIVAL';
  name: string;
  label: string;
  daysBefore: number;
  daysAfter: number;
}

/** One rule of a peak-season policy. */
export type PeakRule = AnnualPeakRule | SpringFestivalPeakRule;

/** Versioned peak-season calendar (旺季日历): data, so a new year's dates are a new version, not a deploy. */
export interface PeakSeasonPolicy extends Versioned {
  rules: readonly PeakRule[];
  /** Spring Festival dates by year (`YYYY-MM-DD`); the built-in 2020–2035 table when omitted. */
  springFestivalDates?: Readonly<Record<number, string>>;
}

/** A concrete peak window: from `start` (China midnight) up to, not including, `end`. */
export interface PeakSeasonWindow {
  name: string;
  label: string;
  start: Date;
  /** Exclusive: China midnight after the last day of the window. */
  end: Date;
  multiplier: number;
  extraHours: number;
}

/** A threshold after peak-season stretching, with the reason and the policy version that decided it. */
export interface StretchedThreshold {
  hours: number;
  baseHours: number;
  peakSeason: PeakSeasonWindow | null;
  policyVersion: string;
  reason: string;
}

/** Default stall threshold (滞留): no next scan for more than 3 days at one point is abnormal. */
export const DEFAULT_STALL_HOURS = 72;

/** Default peak calendar: 双十一 Nov 1–20 ×1.5, 双十二 Dec 8–20 +24 h, 春节 ±15 days ×2. */
export const DEFAULT_PEAK_SEASON_POLICY: PeakSeasonPolicy = {
  version: 'peak-2020.1',
  effectiveFrom: chinaTime(2020, 1, 1),
  rules: [
    {
      kind: 'ANNUAL',
      name: 'DOUBLE_ELEVEN',
      label: '双十一',
      from: { month: 11, day: 1 },
      to: { month: 11, day: 20 },
      multiplier: 1.5,
    },
    {
      kind: 'ANNUAL',
      name: 'DOUBLE_TWELVE',
      label: '双十二',
      from: { month: 12, day: 8 },
      to: { month: 12, day: 20 },
      extraHours: 24,
    },
    // Outlets close from about a week before the new year to the Lantern Festival (元宵, day 15).
    { kind: 'SPRING_FESTIVAL', name: 'SPRING_FESTIVAL', label: '春节', daysBefore: 15, daysAfter: 15, multiplier: 2 },
  ],
  springFestivalDates: SPRING_FESTIVAL_DATES,
};

const invalidPolicy = (policy: PeakSeasonPolicy, why: string): SlaRuleError =>
  new SlaRuleError('INVALID_PEAK_SEASON_POLICY', `peak-season policy ${policy.version}: ${why}`, {
    version: policy.version,
    reason: why,
  });

// Feb 29 is refused: a window that exists only in leap years would silently vanish three years in four.
const isMonthDay = (md: MonthDay): boolean => isRealDate(2023, md?.month, md?.day);
const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 60;

/** Checks a peak-season policy loaded from data; returns it. Throws INVALID_PEAK_SEASON_POLICY. */
export function validatePeakSeasonPolicy(policy: PeakSeasonPolicy): PeakSeasonPolicy {
  if (!policy?.version?.trim()) throw new SlaRuleError('INVALID_PEAK_SEASON_POLICY', 'peak-season policy has no version');
  assertValidDate(policy.effectiveFrom, 'effectiveFrom');
  const names = new Set<string>();
  for (const rule of policy.rules ?? []) {
    if (!rule.name?.trim() || !rule.label?.trim()) throw invalidPolicy(policy, 'a rule has no name or label');
    if (names.has(rule.name)) throw invalidPolicy(policy, `rule ${rule.name} appears twice`);
    names.add(rule.name);
    const { multiplier = 1, extraHours = 0 } = rule;
    // A peak only ever gives the network more time; a shorter threshold would be a different policy.
    if (!Number.isFinite(multiplier) || multiplier < 1) throw invalidPolicy(policy, `${rule.name}: multiplier must be ≥ 1`);
    if (!Number.isFinite(extraHours) || extraHours < 0) throw invalidPolicy(policy, `${rule.name}: extraHours must be ≥ 0`);
    if (rule.kind === 'ANNUAL') {
      if (!isMonthDay(rule.from) || !isMonthDay(rule.to)) throw invalidPolicy(policy, `${rule.name}: not a real month-day`);
      if (rule.from.month * 100 + rule.from.day > rule.to.month * 100 + rule.to.day) {
        throw invalidPolicy(policy, `${rule.name}: must not cross the year end; split it in two rules`);
      }
    } else if (rule.kind === 'SPRING_FESTIVAL') {
      if (!isCount(rule.daysBefore) || !isCount(rule.daysAfter)) throw invalidPolicy(policy, `${rule.name}: days must be 0–60`);
    } else {
      throw invalidPolicy(policy, `unknown rule kind ${(rule as { kind: string }).kind}`);
    }
  }
  for (const text of Object.values(policy.springFestivalDates ?? {})) parseCalendarDate(text);
  return policy;
}

function windowOf(rule: PeakRule, first: CalendarDate, last: CalendarDate): PeakSeasonWindow {
  return {
    name: rule.name,
    label: rule.label,
    start: chinaMidnight(first),
    end: chinaMidnight(addDays(last, 1)),
    multiplier: rule.multiplier ?? 1,
    extraHours: rule.extraHours ?? 0,
  };
}

function springWindow(rule: SpringFestivalPeakRule, year: number, policy: PeakSeasonPolicy): PeakSeasonWindow {
  const newYear = springFestivalDate(year, policy.springFestivalDates ?? SPRING_FESTIVAL_DATES);
  return windowOf(rule, addDays(newYear, -rule.daysBefore), addDays(newYear, rule.daysAfter));
}

const contains = (window: { start: Date; end: Date }, at: Date): boolean =>
  window.start.getTime() <= at.getTime() && at.getTime() < window.end.getTime();

/** Every window of `policy` that contains `at`, in rule order. */
function windowsAt(at: Date, policy: PeakSeasonPolicy): PeakSeasonWindow[] {
  const year = chinaDateOf(at).year;
  const found: PeakSeasonWindow[] = [];
  for (const rule of policy.rules) {
    if (rule.kind === 'ANNUAL') {
      const window = windowOf(rule, { year, ...rule.from }, { year, ...rule.to });
      if (contains(window, at)) found.push(window);
      continue;
    }
    for (const y of [year - 1, year, year + 1]) {
      // Only look a year up when its window could reach `at`: a date outside the table must not
      // break evaluations in, say, December 2035 that cannot touch the 2036 festival.
      const earliest = addDays({ year: y, ...SPRING_FESTIVAL_EARLIEST }, -rule.daysBefore);
      const bound = windowOf(rule, earliest, addDays({ year: y, ...SPRING_FESTIVAL_LATEST }, rule.daysAfter));
      if (!contains(bound, at)) continue;
      const window = springWindow(rule, y, policy);
      if (contains(window, at)) found.push(window);
    }
  }
  return found;
}

const stretched = (base: number, window: PeakSeasonWindow | null): number =>
  window === null ? base : Math.round((base * window.multiplier + window.extraHours) * 100) / 100;

/** Picks the window that stretches `base` most; on a tie, the earlier rule. */
function widest(windows: PeakSeasonWindow[], base: number): PeakSeasonWindow | null {
  let best: PeakSeasonWindow | null = null;
  for (const window of windows) if (best === null || stretched(base, window) > stretched(base, best)) best = window;
  return best;
}

const inForce = (policies: PeakSeasonPolicy | readonly PeakSeasonPolicy[], at: Date): PeakSeasonPolicy =>
  validatePeakSeasonPolicy(policyInForce(asVersions(policies), at));

/**
 * The peak window (旺季) containing `at`, or null. `policies` may be one policy or its versions;
 * the version in force at `at` decides. Overlapping windows: the one stretching 72 h most.
 */
export function peakSeasonAt(at: Date, policies: PeakSeasonPolicy | readonly PeakSeasonPolicy[]): PeakSeasonWindow | null {
  assertValidDate(at, 'at');
  return widest(windowsAt(at, inForce(policies, at)), DEFAULT_STALL_HOURS);
}

/** All windows of a policy that start in a China calendar year, by start; for calendars shown to agents. */
export function peakSeasonWindows(year: number, policy: PeakSeasonPolicy): PeakSeasonWindow[] {
  validatePeakSeasonPolicy(policy);
  return policy.rules
    .map((rule) =>
      rule.kind === 'ANNUAL' ? windowOf(rule, { year, ...rule.from }, { year, ...rule.to }) : springWindow(rule, year, policy),
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * A time threshold (default the 72 h stall threshold) stretched by the peak season in force at
 * `at`, with the reason and the version used. Throws INVALID_THRESHOLD for a base that is not > 0.
 */
export function stallThresholdHours(
  at: Date,
  policies: PeakSeasonPolicy | readonly PeakSeasonPolicy[],
  base: number = DEFAULT_STALL_HOURS,
): StretchedThreshold {
  assertValidDate(at, 'at');
  if (!Number.isFinite(base) || base <= 0) {
    throw new SlaRuleError('INVALID_THRESHOLD', `threshold ${base} h must be > 0`, { base });
  }
  const policy = inForce(policies, at);
  const peakSeason = widest(windowsAt(at, policy), base);
  const hours = stretched(base, peakSeason);
  const when = `${formatChinaTime(at)} (UTC+8)`;
  if (peakSeason === null) {
    const reason = `${hours} h: no peak season (旺季) at ${when}`;
    return { hours, baseHours: base, peakSeason, policyVersion: policy.version, reason };
  }
  const { multiplier, extraHours } = peakSeason;
  const how = [multiplier !== 1 ? `× ${multiplier}` : '', extraHours ? `+ ${extraHours} h` : ''].filter(Boolean).join(' ');
  const reason = `${hours} h: ${base} h ${how} during ${peakSeason.label} (${peakSeason.name}) at ${when}`;
  return { hours, baseHours: base, peakSeason, policyVersion: policy.version, reason };
}
