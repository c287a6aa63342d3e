import { addDays, assertValidDate, chinaDateOf, chinaMidnight, chinaTime, formatChinaTime } from './china-time';
import { Versioned, asVersions, policyInForce } from './policy-version';
import { TicketChannel, TicketKind } from './sla-policy';
import { SlaClock } from './sla-clock';
import { SlaRuleError } from './sla.errors';

/** Statutory clock metrics (法定时限). */
export const StatutoryMetric = {
  /** A complaint answered within 7 days (Interim Regulations on Express Delivery art. 28, 投诉处理时限). */
  STATUTORY_ANSWER: 'STATUTORY_ANSWER',
  /** A 12305 case answered to the regulator by the deadline it set (申诉回复时限). */
  REGULATOR_DEADLINE: 'REGULATOR_DEADLINE',
} as const;
/** Statutory clock metrics (法定时限). */
export type StatutoryMetric = (typeof StatutoryMetric)[keyof typeof StatutoryMetric];

/** Versioned statutory time limits (法定时限); values are defaults from the law, not constants in code. */
export interface StatutoryPolicy extends Versioned {
  /** Days to handle a complaint and tell the customer (Interim Regulations on Express Delivery 2018, art. 28). */
  complaintAnswerDays: number;
  /** Days the regulator takes to answer the customer of a 12305 case (postal consumer complaint rules 2014). */
  regulatorAnswerDays: number;
  /** Days after the dispute within which the customer may still go to the regulator (1 year). */
  regulatorEscalationDays: number;
}

/** Statutory limits from the Interim Regulations on Express Delivery (暂行条例), in force 2018-05-01. */
export const STATUTORY_POLICY_2018: StatutoryPolicy = {
  version: 'statutory-2018.1',
  effectiveFrom: chinaTime(2018, 5, 1),
  complaintAnswerDays: 7,
  regulatorAnswerDays: 30,
  regulatorEscalationDays: 365,
};

/** The statutory policy versions shipped as defaults, oldest first. */
export const DEFAULT_STATUTORY_POLICIES: readonly StatutoryPolicy[] = [STATUTORY_POLICY_2018];

/** Checks a statutory policy: whole days ≥ 1. Throws INVALID_STATUTORY_POLICY. */
export function validateStatutoryPolicy(policy: StatutoryPolicy): StatutoryPolicy {
  for (const field of ['complaintAnswerDays', 'regulatorAnswerDays', 'regulatorEscalationDays'] as const) {
    if (!Number.isInteger(policy[field]) || policy[field] < 1) {
      throw new SlaRuleError('INVALID_STATUTORY_POLICY', `statutory policy ${policy.version}: ${field} must be a whole number of days ≥ 1`, {
        version: policy.version,
        field,
      });
    }
  }
  return policy;
}

const inForce = (policies: StatutoryPolicy | readonly StatutoryPolicy[] | undefined, at: Date): StatutoryPolicy =>
  validateStatutoryPolicy(policyInForce(asVersions(policies ?? DEFAULT_STATUTORY_POLICIES), at));

/**
 * The end of a period of `days` days counted from an event, the Civil Code way (arts. 201, 203): the
 * day of the event is not counted, and the period ends at 24:00 (UTC+8) of its last day. The
 * extension when the last day is a holiday (art. 203) is deliberately not applied: the network
 * answers by the earlier date and never relies on it.
 */
export function statutoryPeriodEnd(from: Date, days: number): Date {
  assertValidDate(from, 'from');
  return chinaMidnight(addDays(chinaDateOf(from), days + 1));
}

/** What statutoryClocks needs about a ticket. */
export interface StatutoryClockInput {
  kind: TicketKind;
  channel: TicketChannel;
  /** When the complaint was received or the 12305 case was forwarded to the network. */
  openedAt: Date;
  /** The regulator's deadline of a 12305 case; required for that channel. */
  regulatorDeadline?: Date | null;
  /** When the customer (or the regulator) was given the answer. */
  answeredAt?: Date | null;
  now: Date;
  policies?: StatutoryPolicy | readonly StatutoryPolicy[];
}

/**
 * Statutory clocks of a ticket, in calendar time; they never pause (the law does not wait for the
 * customer) and never stretch in a peak. A 12305 case gets REGULATOR_DEADLINE (the network answers
 * the regulator by its deadline; the art. 28 clock is then the regulator's business, not a second
 * clock); a complaint by any other channel gets STATUTORY_ANSWER (7 days, art. 28); other tickets
 * none. Throws REGULATOR_DEADLINE_REQUIRED for a 12305 case without the regulator's deadline.
 */
export function statutoryClocks(input: StatutoryClockInput): SlaClock[] {
  const openedAt = assertValidDate(input.openedAt, 'openedAt');
  const now = assertValidDate(input.now, 'now');
  const answeredAt = input.answeredAt ? assertValidDate(input.answeredAt, 'answeredAt') : null;
  const policy = inForce(input.policies, openedAt);
  if (input.channel === 'REGULATOR_12305') {
    if (!input.regulatorDeadline) {
      throw new SlaRuleError('REGULATOR_DEADLINE_REQUIRED', 'a 12305 case needs the deadline the regulator set', {
        openedAt: openedAt.toISOString(),
      });
    }
    const deadline = assertValidDate(input.regulatorDeadline, 'regulatorDeadline');
    return [calendarClock('REGULATOR_DEADLINE', 'regulator-12305', openedAt, deadline, answeredAt, now, policy)];
  }
  if (input.kind === 'COMPLAINT') {
    const deadline = statutoryPeriodEnd(openedAt, policy.complaintAnswerDays);
    return [calendarClock('STATUTORY_ANSWER', 'express-regulations-art-28', openedAt, deadline, answeredAt, now, policy)];
  }
  return [];
}

function calendarClock(
  metric: StatutoryMetric,
  rule: string,
  startedAt: Date,
  deadline: Date,
  answeredAt: Date | null,
  now: Date,
  policy: StatutoryPolicy,
): SlaClock {
  // An answer recorded after `now` has not happened yet for this evaluation.
  const metAt = answeredAt !== null && answeredAt <= now ? answeredAt : null;
  const end = metAt ?? now;
  const clock: SlaClock = {
    metric,
    cycle: 1,
    state: 'ACTIVE',
    startedAt,
    deadline,
    targetMinutes: (deadline.getTime() - startedAt.getTime()) / 60_000,
    pausedMinutes: 0,
    remainingMinutes: (deadline.getTime() - end.getTime()) / 60_000,
    basis: 'CALENDAR',
    calendarBasis: 'OFFICIAL',
    uncoveredYears: [],
    policyVersion: policy.version,
    rule,
  };
  if (metAt) clock.metAt = metAt;
  if (deadline < end) return { ...clock, state: 'BREACHED', breachedAt: deadline };
  return { ...clock, state: metAt ? 'MET' : 'ACTIVE' };
}

/** Whether the customer may take a complaint to the regulator (12305) now, and why. */
export interface RegulatorEscalationRight {
  mayEscalate: boolean;
  /** From when the customer may escalate for want of an answer (the art. 28 period's end). */
  from: Date;
  /** Last instant the customer may still escalate (1 year after the complaint). */
  until: Date;
  reason: string;
  policyVersion: string;
}

/**
 * The customer's right to go to the regulator (申诉): after the 7-day answer period without an
 * answer, or at once when answered and unsatisfied; within a year of the complaint.
 */
export function regulatorEscalationRight(input: {
  complaintAt: Date;
  answeredAt?: Date | null;
  satisfied?: boolean | null;
  now: Date;
  policies?: StatutoryPolicy | readonly StatutoryPolicy[];
}): RegulatorEscalationRight {
  const complaintAt = assertValidDate(input.complaintAt, 'complaintAt');
  const now = assertValidDate(input.now, 'now');
  const policy = inForce(input.policies, complaintAt);
  const from = statutoryPeriodEnd(complaintAt, policy.complaintAnswerDays);
  const until = statutoryPeriodEnd(complaintAt, policy.regulatorEscalationDays);
  const answered = input.answeredAt ? assertValidDate(input.answeredAt, 'answeredAt') <= now : false;
  const base = { from, until, policyVersion: policy.version };
  if (now > until) return { ...base, mayEscalate: false, reason: `more than ${policy.regulatorEscalationDays} days since the complaint` };
  if (answered && input.satisfied === false) return { ...base, mayEscalate: true, reason: 'answered, and the customer is not satisfied' };
  if (answered) return { ...base, mayEscalate: false, reason: 'answered, and the customer has not said they are unsatisfied' };
  if (now >= from) return { ...base, mayEscalate: true, reason: `not answered by ${formatChinaTime(from)} (UTC+8)` };
  return { ...base, mayEscalate: false, reason: `the network has until ${formatChinaTime(from)} (UTC+8) to answer` };
}

/** When the regulator must answer the customer of a 12305 case it accepted (30 days, counted as the Civil Code counts). */
export function regulatorAnswerDue(acceptedAt: Date, policies?: StatutoryPolicy | readonly StatutoryPolicy[]): Date {
  return statutoryPeriodEnd(acceptedAt, inForce(policies, assertValidDate(acceptedAt, 'acceptedAt')).regulatorAnswerDays);
}
