import {
  BusinessCalendar,
  CalendarUse,
  HQ_WORKING_HOURS,
  OFFICIAL_CALENDAR,
  WorkingHours,
  addBusinessMinutes,
  businessMinutesBetween,
  combineCalendarUse,
} from './business-calendar';
import { assertValidDate } from './china-time';
import { DEFAULT_PEAK_SEASON_POLICY, PeakSeasonPolicy } from './peak-season';
import { asVersions, policyInForce } from './policy-version';
import {
  DEFAULT_SLA_POLICIES,
  SlaMetric,
  SlaPolicy,
  SlaTicketProfile,
  SlaTimeBasis,
  TicketStatus,
  slaTargetsFor,
  stretchTarget,
} from './sla-policy';
import { SlaRuleError } from './sla.errors';

/** Every clock metric: the SLA's own and the statutory ones (法定时限). */
export type ClockMetric = SlaMetric | 'STATUTORY_ANSWER' | 'REGULATOR_DEADLINE';

/**
 * State of a clock: ACTIVE (running, deadline ahead), PAUSED (waiting for the customer), MET (done
 * in time), BREACHED (the deadline passed before it was met; a late reply keeps BREACHED with metAt).
 */
export type ClockState = 'ACTIVE' | 'PAUSED' | 'MET' | 'BREACHED';

/** One SLA clock (时效计时) of a ticket, with the deadline and the policy version that set it. */
export interface SlaClock extends CalendarUse {
  metric: ClockMetric;
  /** 1 for every metric but NEXT_REPLY, which has one clock per customer message awaiting a reply. */
  cycle: number;
  state: ClockState;
  startedAt: Date;
  /** When the clock is due; null while PAUSED (the pause has no end yet). */
  deadline: Date | null;
  /** The target after peak stretching, in the clock's basis. */
  targetMinutes: number;
  /** Time the clock stood still (in its basis): this much later than an unpaused deadline. */
  pausedMinutes: number;
  /** Target minus time run, in the clock's basis: negative when breached (0 if the overdue time fell outside working hours). */
  remainingMinutes: number;
  metAt?: Date;
  breachedAt?: Date;
  basis: SlaTimeBasis;
  policyVersion: string;
  /** Name of the rule that set the target. */
  rule: string;
  /** Peak window (旺季) that stretched the target, e.g. DOUBLE_ELEVEN. */
  peakSeason?: string;
  /** The regulator's deadline came before the policy's and replaced it (12305 cases). */
  cappedByRegulatorDeadline?: boolean;
}

/**
 * One event of a ticket's timeline: STATUS (the ticket moved to `status`), REPLY (a public reply to
 * the customer), CUSTOMER_MESSAGE (the customer wrote), REOPEN (a resolved ticket reopened).
 */
export type SlaTimelineEvent =
  | { at: Date; type: 'STATUS'; status: TicketStatus }
  | { at: Date; type: 'REPLY' }
  | { at: Date; type: 'CUSTOMER_MESSAGE' }
  | { at: Date; type: 'REOPEN' };

/** What the clocks need to know about a ticket. */
export interface SlaTicketFacts extends SlaTicketProfile {
  openedAt: Date;
  /** The regulator's deadline of a 12305 case (监管时限). */
  regulatorDeadline?: Date | null;
}

/** Everything slaClocks needs: facts, timeline, `now`, and the policies (defaults when omitted). */
export interface SlaClockInput {
  ticket: SlaTicketFacts;
  events: readonly SlaTimelineEvent[];
  now: Date;
  policies?: SlaPolicy | readonly SlaPolicy[];
  /** Hours of the desk responsible for the ticket; business targets count inside them. Default HQ. */
  workingHours?: WorkingHours;
  calendar?: BusinessCalendar;
  peakSeasons?: PeakSeasonPolicy | readonly PeakSeasonPolicy[];
}

const MINUTE_MS = 60_000;
const DONE: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];
const isDone = (status: TicketStatus): boolean => DONE.includes(status);
const notWaitingForCustomer = (status: TicketStatus): boolean => status !== 'WAITING_FOR_CUSTOMER';
const resolutionRuns = (status: TicketStatus): boolean => status !== 'WAITING_FOR_CUSTOMER' && !isDone(status);

interface StatusChange {
  at: Date;
  status: TicketStatus;
}

/** Measuring and adding time in one basis, remembering which calendar years were used. */
class TimeBasis {
  private readonly uses: CalendarUse[] = [];
  constructor(
    readonly basis: SlaTimeBasis,
    private readonly hours: WorkingHours,
    private readonly calendar: BusinessCalendar,
  ) {}
  add(from: Date, minutes: number): Date {
    if (this.basis === 'CALENDAR') return new Date(from.getTime() + minutes * MINUTE_MS);
    const result = addBusinessMinutes(from, minutes, this.hours, this.calendar);
    this.uses.push(result);
    return result.at;
  }
  between(from: Date, to: Date): number {
    if (this.basis === 'CALENDAR') return (to.getTime() - from.getTime()) / MINUTE_MS;
    const result = businessMinutesBetween(from, to, this.hours, this.calendar);
    this.uses.push(result);
    return result.minutes;
  }
  use(): CalendarUse {
    return combineCalendarUse(this.uses);
  }
}

/** The status timeline as changes, starting OPEN at openedAt; REOPEN is a change back to OPEN. */
function statusChanges(openedAt: Date, events: readonly SlaTimelineEvent[]): StatusChange[] {
  const changes: StatusChange[] = [{ at: openedAt, status: 'OPEN' }];
  for (const event of events) {
    if (event.type === 'STATUS') changes.push({ at: event.at, status: event.status });
    if (event.type === 'REOPEN') changes.push({ at: event.at, status: 'OPEN' });
  }
  return changes;
}

/** The intervals of [start, end] during which `runs(status)` holds, and whether it holds at `end`. */
function runningSegments(changes: readonly StatusChange[], start: Date, end: Date, runs: (status: TicketStatus) => boolean) {
  let status: TicketStatus = 'OPEN';
  for (const change of changes) if (change.at.getTime() <= start.getTime()) status = change.status;
  const segments: { from: Date; to: Date }[] = [];
  let from: Date | null = runs(status) ? start : null;
  for (const change of changes) {
    if (change.at.getTime() <= start.getTime() || change.at.getTime() > end.getTime()) continue;
    if (from !== null && !runs(change.status)) {
      segments.push({ from, to: change.at });
      from = null;
    } else if (from === null && runs(change.status)) {
      from = change.at;
    }
    status = change.status;
  }
  if (from !== null) segments.push({ from, to: end });
  return { segments, runningAtEnd: runs(status) };
}

interface ClockSpec {
  metric: SlaMetric;
  cycle: number;
  startedAt: Date;
  metAt: Date | null;
  runs: (status: TicketStatus) => boolean;
}

interface ClockContext {
  input: SlaClockInput;
  policy: SlaPolicy;
  changes: StatusChange[];
  hours: WorkingHours;
  calendar: BusinessCalendar;
}

/**
 * Runs one clock: the budget is spent only while the clock runs, so a pause before the deadline
 * moves it by exactly the pause, and a pause after the deadline cannot undo a breach.
 */
function runClock(spec: ClockSpec, ctx: ClockContext): SlaClock {
  const { input, policy } = ctx;
  const selected = slaTargetsFor(policy, input.ticket).find((t) => t.metric === spec.metric)!;
  const stretched = stretchTarget(selected.target, spec.startedAt, policy, input.peakSeasons ?? DEFAULT_PEAK_SEASON_POLICY);
  const time = new TimeBasis(selected.target.basis, ctx.hours, ctx.calendar);
  const end = spec.metAt ?? input.now;
  const { segments, runningAtEnd } = runningSegments(ctx.changes, spec.startedAt, end, spec.runs);

  let budget = stretched.minutes;
  let consumed = 0;
  let deadline: Date | null = null;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (deadline === null) {
      const due = time.add(segment.from, budget);
      // The open-ended segment running at `now` projects the deadline even when it lies ahead.
      if (due.getTime() <= segment.to.getTime() || (last && spec.metAt === null && runningAtEnd)) deadline = due;
    }
    const ran = time.between(segment.from, segment.to);
    consumed += ran;
    if (deadline === null) budget -= ran;
  }
  // Met before the budget ran out: the deadline it was being held to at that moment.
  if (deadline === null && spec.metAt !== null) deadline = time.add(spec.metAt, budget);

  const elapsed = time.between(spec.startedAt, end);
  const clock: SlaClock = {
    metric: spec.metric,
    cycle: spec.cycle,
    state: 'ACTIVE',
    startedAt: spec.startedAt,
    deadline,
    targetMinutes: stretched.minutes,
    pausedMinutes: elapsed - consumed,
    remainingMinutes: stretched.minutes - consumed,
    basis: selected.target.basis,
    policyVersion: policy.version,
    rule: selected.rule,
    ...time.use(),
  };
  if (stretched.peakSeason) clock.peakSeason = stretched.peakSeason;
  if (spec.metAt) clock.metAt = spec.metAt;

  const regulatorDeadline = input.ticket.regulatorDeadline;
  if (selected.target.capAtRegulatorDeadline && regulatorDeadline && (deadline === null || regulatorDeadline < deadline)) {
    // The regulator's date is fixed: it neither pauses for the customer nor counts business hours.
    clock.deadline = regulatorDeadline;
    clock.remainingMinutes = (regulatorDeadline.getTime() - end.getTime()) / MINUTE_MS;
    clock.cappedByRegulatorDeadline = true;
    return withState(clock, spec.metAt, end, true);
  }
  return withState(clock, spec.metAt, end, runningAtEnd);
}

/** BREACHED when the deadline passed before the clock was met (or before now); else MET, ACTIVE or PAUSED. */
function withState(clock: SlaClock, metAt: Date | null, end: Date, running: boolean): SlaClock {
  const deadline = clock.deadline;
  if (deadline !== null && deadline.getTime() < end.getTime()) return { ...clock, state: 'BREACHED', breachedAt: deadline };
  if (metAt !== null) return { ...clock, state: 'MET' };
  return running ? { ...clock, state: 'ACTIVE' } : { ...clock, state: 'PAUSED', deadline: null };
}

/** Sorted, validated events up to `now`: later ones have not happened yet as far as this evaluation knows. */
function timeline(input: SlaClockInput): SlaTimelineEvent[] {
  const openedAt = assertValidDate(input.ticket.openedAt, 'openedAt');
  const now = assertValidDate(input.now, 'now');
  if (now < openedAt) {
    throw new SlaRuleError('INVALID_SLA_TIMELINE', `now ${now.toISOString()} is before the ticket opened`, { now: now.toISOString() });
  }
  for (const event of input.events) {
    assertValidDate(event.at, `${event.type} event`);
    if (event.at < openedAt) {
      throw new SlaRuleError('INVALID_SLA_TIMELINE', `${event.type} event at ${event.at.toISOString()} is before the ticket opened`, {
        type: event.type,
      });
    }
  }
  // Stable: events at one instant keep the order the caller recorded them in.
  return input.events.filter((e) => e.at <= now).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The SLA clocks of a ticket (工单时效), as Zendesk runs them. The policy version is the one in force
 * when the ticket opened; each clock quotes it. Rules:
 * - FIRST_REPLY starts at openedAt; met by the first REPLY (or by RESOLVED/CLOSED, which answers too).
 * - NEXT_REPLY: one clock per customer message (or REOPEN) after the first reply while none is
 *   pending; met by the next REPLY or RESOLVED/CLOSED. A message to a RESOLVED/CLOSED ticket starts
 *   nothing unless the ticket library reopens it.
 * - RESOLUTION starts at openedAt; met while the ticket is RESOLVED/CLOSED (at its latest move
 *   there). A REOPEN continues the same clock: time spent resolved does not count, so a reopened
 *   ticket neither gets a fresh budget (which would hide bad resolutions) nor pays for the days the
 *   customer took to come back.
 * - Every clock pauses while WAITING_FOR_CUSTOMER (deadline moves by the pause), never while
 *   WAITING_FOR_OUTLET: the outlet is part of the network that owes the answer.
 * - Peak seasons stretch a clock's target by the window at its start.
 * Events after `now` are ignored. Throws INVALID_SLA_TIMELINE for events or `now` before openedAt.
 */
export function slaClocks(input: SlaClockInput): SlaClock[] {
  const events = timeline(input);
  const { openedAt } = input.ticket;
  const policy = policyInForce(asVersions(input.policies ?? DEFAULT_SLA_POLICIES), openedAt);
  const ctx: ClockContext = {
    input,
    policy,
    changes: statusChanges(openedAt, events),
    hours: input.workingHours ?? HQ_WORKING_HOURS,
    calendar: input.calendar ?? OFFICIAL_CALENDAR,
  };

  let firstReplyAt: Date | null = null;
  let resolvedSince: Date | null = null;
  let status: TicketStatus = 'OPEN';
  const nextReplies: { startedAt: Date; metAt: Date | null }[] = [];
  const pending = () => nextReplies.find((c) => c.metAt === null);
  for (const event of events) {
    const answered = event.type === 'REPLY' || (event.type === 'STATUS' && isDone(event.status) && !isDone(status));
    if (answered) {
      firstReplyAt ??= event.at;
      const open = pending();
      if (open) open.metAt = event.at;
    }
    if ((event.type === 'CUSTOMER_MESSAGE' && !isDone(status)) || event.type === 'REOPEN') {
      if (firstReplyAt !== null && !pending()) nextReplies.push({ startedAt: event.at, metAt: null });
    }
    const next: TicketStatus = event.type === 'STATUS' ? event.status : event.type === 'REOPEN' ? 'OPEN' : status;
    if (isDone(next) && !isDone(status)) resolvedSince = event.at;
    if (!isDone(next)) resolvedSince = null;
    status = next;
  }

  return [
    runClock({ metric: 'FIRST_REPLY', cycle: 1, startedAt: openedAt, metAt: firstReplyAt, runs: notWaitingForCustomer }, ctx),
    ...nextReplies.map((c, i) =>
      runClock({ metric: 'NEXT_REPLY', cycle: i + 1, startedAt: c.startedAt, metAt: c.metAt, runs: notWaitingForCustomer }, ctx),
    ),
    runClock({ metric: 'RESOLUTION', cycle: 1, startedAt: openedAt, metAt: resolvedSince, runs: resolutionRuns }, ctx),
  ];
}

/** True while a clock still asks for work: ACTIVE, or BREACHED and not yet met (overdue). */
export const isOpenClock = (clock: SlaClock): boolean => clock.state === 'ACTIVE' || (clock.state === 'BREACHED' && !clock.metAt);

/**
 * The earliest deadline the queue orders by: of ACTIVE clocks, and of BREACHED clocks not yet met —
 * an overdue ticket must stay at the head of the queue, not drop to the end for having no ACTIVE
 * clock. Null when nothing is owed (all met, or paused).
 */
export function nearestDeadline(clocks: readonly SlaClock[]): Date | null {
  let nearest: Date | null = null;
  for (const clock of clocks) {
    if (isOpenClock(clock) && clock.deadline && (nearest === null || clock.deadline < nearest)) nearest = clock.deadline;
  }
  return nearest;
}
