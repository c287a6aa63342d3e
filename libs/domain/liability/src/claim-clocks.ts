import { addHours, assertValidDate, formatChinaTime, statutoryPeriodEnd } from '@courierdesk/domain-sla';
import type { DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies, type LiabilityPolicy } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';

/** The time limits of a claim (理赔时限). */
export type ClaimMetric = 'FILING' | 'ACKNOWLEDGE' | 'DECIDE' | 'PAY';

/** One claim time limit and where it stands. */
export interface ClaimClock {
  metric: ClaimMetric;
  startedAt: Date;
  /** The last instant still in time (done at it is met). */
  deadline: Date;
  /** When it was done, if by `now`. */
  doneAt: Date | null;
  state: 'ACTIVE' | 'MET' | 'BREACHED';
  ruleCode: string;
  /** The version in force when the clock started. */
  ruleVersion: string;
}

/** What claimClocks needs about a claim. */
export interface ClaimClockInput {
  /** International claims get 60 days to decide instead of 30. */
  international: boolean;
  /** Delivery, or for a parcel never delivered the promised time: the filing window runs from it. */
  deliveredAt?: Date | null;
  promisedAt?: Date | null;
  filedAt: Date;
  acknowledgedAt?: Date | null;
  decidedAt?: Date | null;
  /** When claimant and network agreed the amount: the payment clock starts. */
  agreedAt?: Date | null;
  paidAt?: Date | null;
  now: Date;
  policies?: LiabilityPolicies;
}

/** A claim's statutory clocks with the wording for the customer. */
export interface ClaimClocksDecision extends DecisionRecord {
  code: 'ON_TIME' | 'BREACHED';
  clocks: ClaimClock[];
}

/** Start of the filing window: the delivery, else the promised time. Throws PROMISED_TIME_REQUIRED without either. */
function filingStart(input: { deliveredAt?: Date | null; promisedAt?: Date | null }): Date {
  if (input.deliveredAt) return assertValidDate(input.deliveredAt, 'deliveredAt');
  if (input.promisedAt) return assertValidDate(input.promisedAt, 'promisedAt');
  throw new LiabilityRuleError('PROMISED_TIME_REQUIRED', 'the filing window runs from the delivery or the promised time; neither is known', {});
}

/**
 * The last instant to file a claim (索赔申告截止): the policy's filing days after the delivery (or the
 * promised time), counted the Civil Code way (the day of the event not counted, ending 24:00 UTC+8),
 * by the policy in force at that event.
 */
export function claimFilingDeadline(input: { deliveredAt?: Date | null; promisedAt?: Date | null; policies?: LiabilityPolicies }): {
  deadline: Date;
  ruleVersion: string;
} {
  const start = filingStart(input);
  const policy = liabilityPolicyAt(start, input.policies);
  return { deadline: statutoryPeriodEnd(start, policy.claimFilingDays), ruleVersion: policy.version };
}

/** Throws CLAIM_FILED_TOO_LATE when a claim comes after its filing deadline; the deadline instant itself is in time. */
export function assertClaimFiledInTime(input: { deliveredAt?: Date | null; promisedAt?: Date | null; filedAt: Date; policies?: LiabilityPolicies }): void {
  const filedAt = assertValidDate(input.filedAt, 'filedAt');
  const { deadline, ruleVersion } = claimFilingDeadline(input);
  if (filedAt > deadline) {
    throw new LiabilityRuleError('CLAIM_FILED_TOO_LATE', `a claim was due by ${formatChinaTime(deadline)} (UTC+8); filed ${formatChinaTime(filedAt)}`, {
      deadline: deadline.toISOString(),
      filedAt: filedAt.toISOString(),
      ruleVersion,
    });
  }
}

function clock(metric: ClaimMetric, ruleCode: string, startedAt: Date, deadline: Date, done: Date | null | undefined, now: Date, policy: LiabilityPolicy): ClaimClock {
  // Something recorded after `now` has not happened yet for this evaluation.
  const doneAt = done && assertValidDate(done, metric) <= now ? done : null;
  const end = doneAt ?? now;
  const state = deadline < end ? 'BREACHED' : doneAt ? 'MET' : 'ACTIVE';
  return { metric, startedAt, deadline, doneAt, state, ruleCode, ruleVersion: policy.version };
}

/**
 * A claim's statutory clocks (理赔法定时限), in calendar time, never paused: filed within the filing
 * window, acknowledged within 24 hours, decided within 30 calendar days (60 international), paid
 * within 7 days of agreement (GB/T 27917). The filing window follows the policy in force at the
 * delivery; the others the policy in force when the claim was filed (or agreed, for payment).
 */
export function claimClocks(input: ClaimClockInput): ClaimClocksDecision {
  const now = assertValidDate(input.now, 'now');
  const filedAt = assertValidDate(input.filedAt, 'filedAt');
  const start = filingStart(input);
  const atEvent = liabilityPolicyAt(start, input.policies);
  const atFiling = liabilityPolicyAt(filedAt, input.policies);
  const decideDays = input.international ? atFiling.decideDaysInternational : atFiling.decideDaysDomestic;
  const clocks: ClaimClock[] = [
    clock('FILING', 'claim-clocks.filing-window', start, statutoryPeriodEnd(start, atEvent.claimFilingDays), filedAt, now, atEvent),
    clock('ACKNOWLEDGE', 'claim-clocks.acknowledge', filedAt, addHours(filedAt, atFiling.acknowledgeHours), input.acknowledgedAt, now, atFiling),
    clock(
      'DECIDE',
      input.international ? 'claim-clocks.decide-international' : 'claim-clocks.decide-domestic',
      filedAt,
      statutoryPeriodEnd(filedAt, decideDays),
      input.decidedAt,
      now,
      atFiling,
    ),
  ];
  const zh = [
    `受理确认：${formatChinaTime(clocks[1].deadline)}前；`,
    `处理决定：${formatChinaTime(clocks[2].deadline)}前（${input.international ? '国际' : '国内'}快件${decideDays}个日历天）`,
  ];
  if (input.agreedAt) {
    const agreedAt = assertValidDate(input.agreedAt, 'agreedAt');
    const atAgreement = liabilityPolicyAt(agreedAt, input.policies);
    clocks.push(clock('PAY', 'claim-clocks.pay', agreedAt, statutoryPeriodEnd(agreedAt, atAgreement.payDays), input.paidAt, now, atAgreement));
    zh.push(`；赔款支付：${formatChinaTime(clocks[3].deadline)}前`);
  }
  const breached = clocks.filter((c) => c.state === 'BREACHED');
  if (clocks[0].state === 'BREACHED') zh.unshift(`索赔已超过申告期限（${formatChinaTime(clocks[0].deadline)}）。`);
  return {
    code: breached.length > 0 ? 'BREACHED' : 'ON_TIME',
    clocks,
    ruleCode: 'claim-clocks',
    ruleVersion: atFiling.version,
    explanationZh: `${zh.join('')}（北京时间）。`,
    codes: [breached.length > 0 ? 'BREACHED' : 'ON_TIME', ...breached.map((c) => `${c.metric}_BREACHED`)],
  };
}
