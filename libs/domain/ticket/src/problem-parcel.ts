import { canonicalId } from '@courierdesk/domain-core';
import { PROBLEM_CODES, type ProblemCode } from '@courierdesk/domain-parcel';
import { DAY_MS, Versioned, addHours, asVersions, assertValidDate, chinaTime, policyInForce } from '@courierdesk/domain-sla';
import { TicketRuleError } from './ticket.errors';
import type { Label } from './ticket.vocabulary';

/** Versioned time limits of problem parcels between outlets (问题件时效): data, by the version in force at registration. */
export interface ProblemParcelPolicy extends Versioned {
  /** Hours the notified outlet has to answer (回复时限). */
  answerHours: number;
  /** Days a recipient may stay unreachable before the parcel goes back to the origin outlet (退回始发网点). */
  unreachableReturnDays: number;
}

/** Default: answer within 24 hours; a recipient unreachable for 7 days is returned to the origin outlet (DOMAIN: common practice). */
export const DEFAULT_PROBLEM_PARCEL_POLICY: ProblemParcelPolicy = {
  version: 'problem-parcel-2020.1',
  effectiveFrom: chinaTime(2020, 1, 1),
  answerHours: 24,
  unreachableReturnDays: 7,
};

/** Checks a problem-parcel policy loaded from data; returns it. Throws INVALID_PROBLEM_PARCEL_POLICY. */
export function validateProblemParcelPolicy(policy: ProblemParcelPolicy): ProblemParcelPolicy {
  const invalid = (why: string) =>
    new TicketRuleError('INVALID_PROBLEM_PARCEL_POLICY', `problem-parcel policy ${policy?.version}: ${why}`, { version: policy?.version, reason: why });
  if (!policy?.version?.trim()) throw invalid('no version');
  assertValidDate(policy.effectiveFrom, 'effectiveFrom');
  if (!Number.isFinite(policy.answerHours) || policy.answerHours <= 0) throw invalid('answerHours must be > 0');
  if (!Number.isFinite(policy.unreachableReturnDays) || policy.unreachableReturnDays <= 0) throw invalid('unreachableReturnDays must be > 0');
  return policy;
}

type Policies = ProblemParcelPolicy | readonly ProblemParcelPolicy[];

const inForce = (policies: Policies, at: Date): ProblemParcelPolicy => validateProblemParcelPolicy(policyInForce(asVersions(policies), at));

/** When the notified outlet must have answered a problem parcel registered at `registeredAt` (回复截止时间). */
export function answerDeadline(registeredAt: Date, policies: Policies = DEFAULT_PROBLEM_PARCEL_POLICY): { dueAt: Date; policyVersion: string } {
  const policy = inForce(policies, registeredAt);
  return { dueAt: addHours(registeredAt, policy.answerHours), policyVersion: policy.version };
}

/** What a problem parcel needs now (问题件状态标记). */
export type ProblemParcelFlag = 'ANSWER_DUE' | 'ANSWERED' | 'OVERDUE_FLAG_FOR_RETURN' | 'RETURN_TO_ORIGIN';

/** The facts of a problem parcel the flags are computed from. */
export interface ProblemParcelFacts {
  registeredAt: Date;
  answeredAt: Date | null;
  now: Date;
  reason: ProblemCode;
  /** First failed contact with the recipient; registration time when null for RECIPIENT_UNREACHABLE. */
  firstUnreachableAt?: Date | null;
}

/** The flags, the deadlines behind them and the policy version quoted. */
export interface ProblemParcelState {
  flags: ProblemParcelFlag[];
  answerDueAt: Date;
  /** Answered after the deadline (still answered, but the lateness is on record). */
  answeredLate: boolean;
  /** When an unreachable recipient's parcel is due back to the origin outlet; null for other reasons. */
  returnDueAt: Date | null;
  policyVersion: string;
}

/**
 * The state of a problem parcel between outlets (问题件处理状态): ANSWER_DUE until the deadline
 * (inclusive), then OVERDUE_FLAG_FOR_RETURN while unanswered (unanswered past the limit, the parcel
 * is returned); ANSWERED once answered; RETURN_TO_ORIGIN when the recipient has been unreachable for
 * the policy's days, answered or not — an answer does not make the phone ring. Throws
 * ANSWER_BEFORE_REGISTRATION, INVALID_DATE, NO_POLICY_IN_FORCE.
 */
export function problemParcelState(facts: ProblemParcelFacts, policies: Policies = DEFAULT_PROBLEM_PARCEL_POLICY): ProblemParcelState {
  const registeredAt = assertValidDate(facts.registeredAt, 'registeredAt');
  const now = assertValidDate(facts.now, 'now').getTime();
  const policy = inForce(policies, registeredAt);
  const answerDueAt = addHours(registeredAt, policy.answerHours);
  const flags: ProblemParcelFlag[] = [];
  let answeredLate = false;
  if (facts.answeredAt) {
    if (assertValidDate(facts.answeredAt, 'answeredAt').getTime() < registeredAt.getTime()) {
      throw new TicketRuleError('ANSWER_BEFORE_REGISTRATION', 'a problem parcel cannot be answered before it was registered', {
        registeredAt: registeredAt.toISOString(),
        answeredAt: facts.answeredAt.toISOString(),
      });
    }
    flags.push('ANSWERED');
    answeredLate = facts.answeredAt.getTime() > answerDueAt.getTime();
  } else {
    flags.push(now > answerDueAt.getTime() ? 'OVERDUE_FLAG_FOR_RETURN' : 'ANSWER_DUE');
  }
  let returnDueAt: Date | null = null;
  // An unreachable recipient starts the countdown whatever the problem was registered as (an unclear
  // address whose recipient then never answers goes back all the same).
  if (facts.reason === 'RECIPIENT_UNREACHABLE' || facts.firstUnreachableAt) {
    const since = facts.firstUnreachableAt ? assertValidDate(facts.firstUnreachableAt, 'firstUnreachableAt') : registeredAt;
    returnDueAt = new Date(since.getTime() + policy.unreachableReturnDays * DAY_MS);
    if (now >= returnDueAt.getTime()) flags.push('RETURN_TO_ORIGIN');
  }
  return { flags, answerDueAt, answeredLate, returnDueAt, policyVersion: policy.version };
}

/** Throws PROBLEM_PARCEL_SAME_OUTLET when an outlet would register a problem parcel with itself. */
export function assertProblemParcelOutlets(reportingOutletId: string, otherOutletId: string): void {
  if (canonicalId(reportingOutletId) === canonicalId(otherOutletId)) {
    throw new TicketRuleError('PROBLEM_PARCEL_SAME_OUTLET', 'a problem parcel is between two outlets: the other outlet cannot be the reporting one', {
      outletId: reportingOutletId,
    });
  }
}

/** An answer is given by a named person (回复人), not by "the outlet". Returns the trimmed name; throws ANSWER_REQUIRES_PERSON. */
export function assertAnsweredBy(name: string | null | undefined): string {
  const trimmed = name?.trim() ?? '';
  if (!trimmed) throw new TicketRuleError('ANSWER_REQUIRES_PERSON', 'a problem-parcel answer must name the person who gives it', {});
  return trimmed;
}

/** The two piles an outlet sorts problem parcels into and stores apart (再派件 / 无法派送件). */
export type ProblemDisposition = 'RE_DELIVER' | 'CANNOT_DELIVER';

/** Names of the two piles. */
export const PROBLEM_DISPOSITION_LABELS: Readonly<Record<ProblemDisposition, Label>> = {
  RE_DELIVER: { en: 'Re-deliver', zh: '再派件' },
  CANNOT_DELIVER: { en: 'Cannot deliver', zh: '无法派送件' },
};

/**
 * Which pile each problem type goes to (问题件分类). RE_DELIVER: once the fault is fixed (address,
 * label, packing, timing, capacity) this outlet delivers it. CANNOT_DELIVER: this outlet will not
 * deliver it — it goes back, on to another outlet, to claims or to the authorities, or is not here.
 */
export const PROBLEM_DISPOSITION: Readonly<Record<ProblemCode, ProblemDisposition>> = {
  LABEL_DAMAGED: 'RE_DELIVER',
  DOUBLE_LABEL: 'RE_DELIVER',
  LABEL_DATA_LOST: 'RE_DELIVER',
  NON_COMPLIANT_PACKING: 'RE_DELIVER',
  SCHOOL_PARCEL: 'RE_DELIVER',
  OVERSIZE_OVERWEIGHT: 'RE_DELIVER',
  HOLIDAY_NOBODY_HOME: 'RE_DELIVER',
  ADDRESS_UNCLEAR: 'RE_DELIVER',
  ADDRESS_CHANGE: 'RE_DELIVER',
  DELIVER_LATER: 'RE_DELIVER',
  NO_CAPACITY: 'RE_DELIVER',
  // Retried until the 7-day limit; returned after it (problemParcelState).
  RECIPIENT_UNREACHABLE: 'RE_DELIVER',
  // Kept for collection: the recipient comes, the courier does not go.
  SELF_PICKUP: 'RE_DELIVER',
  DUE_NOT_ARRIVED: 'CANNOT_DELIVER',
  HEADLESS: 'CANNOT_DELIVER',
  CONTAMINATED: 'CANNOT_DELIVER',
  NO_SUCH_PERSON: 'CANNOT_DELIVER',
  LOST: 'CANNOT_DELIVER',
  OUT_OF_AREA: 'CANNOT_DELIVER',
  MISSORTED: 'CANNOT_DELIVER',
  COD_REFUSED: 'CANNOT_DELIVER',
  REFUSED: 'CANNOT_DELIVER',
  DAMAGED: 'CANNOT_DELIVER',
  PROHIBITED_ITEM: 'CANNOT_DELIVER',
  RETURN: 'CANNOT_DELIVER',
};

/** The pile a problem type goes to. */
export const problemDisposition = (code: ProblemCode): ProblemDisposition => PROBLEM_DISPOSITION[code];

/** Problem types the outlet will deliver once fixed (再派件). */
export const RE_DELIVER_PROBLEMS: readonly ProblemCode[] = PROBLEM_CODES.filter((c) => PROBLEM_DISPOSITION[c] === 'RE_DELIVER');

/** Problem types the outlet will not deliver (无法派送件). */
export const CANNOT_DELIVER_PROBLEMS: readonly ProblemCode[] = PROBLEM_CODES.filter((c) => PROBLEM_DISPOSITION[c] === 'CANNOT_DELIVER');
