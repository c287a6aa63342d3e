import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SlaClock as DomainClock } from '@courierdesk/domain-sla';
import { MAX_CLOCKS } from '../common/list-bounds';
import { listSize } from '@courierdesk/platform-subgraph';
import { Directive } from 'type-graphql';

/** The state of one clock. */
export const ClockState = { ACTIVE: 'ACTIVE', PAUSED: 'PAUSED', MET: 'MET', BREACHED: 'BREACHED' } as const;
registerEnumType(ClockState, { name: 'ClockState', description: 'ACTIVE (running), PAUSED (waiting for the customer), MET (done in time), BREACHED (deadline passed first; a late answer keeps BREACHED with metAt).' });

/** What a clock measures. */
export const ClockMetric = {
  FIRST_REPLY: 'FIRST_REPLY',
  NEXT_REPLY: 'NEXT_REPLY',
  RESOLUTION: 'RESOLUTION',
  STATUTORY_ANSWER: 'STATUTORY_ANSWER',
  REGULATOR_DEADLINE: 'REGULATOR_DEADLINE',
} as const;
registerEnumType(ClockMetric, {
  name: 'ClockMetric',
  description: 'FIRST_REPLY, NEXT_REPLY, RESOLUTION (the SLA policy’s); STATUTORY_ANSWER (a complaint answered within 7 calendar days), REGULATOR_DEADLINE (a 12305 case’s deadline).',
});

/** Which calendar counted business time. */
export const CalendarBasis = { OFFICIAL: 'OFFICIAL', WEEKENDS_ONLY: 'WEEKENDS_ONLY' } as const;
registerEnumType(CalendarBasis, {
  name: 'CalendarBasis',
  description: 'OFFICIAL: the State Council’s holidays and adjusted working days (调休); WEEKENDS_ONLY: a year not published yet, counted with weekends only — the deadline may move when the schedule is out.',
});

/** One SLA or statutory clock of a ticket (时效). */
@ObjectType({ description: 'One clock of a ticket: its deadline, time left and state, and the policy version that set it.' })
export class SlaClock {
  @Field(() => ClockMetric)
  metric: string;

  @Field(() => Int, { description: '1, or the n-th customer message awaiting a reply (NEXT_REPLY).' })
  cycle: number;

  @Field(() => ClockState)
  state: string;

  @Field()
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it is due; null while paused.' })
  deadline: Date | null;

  @Field(() => Float, { description: 'Minutes left (negative when breached), in the clock’s basis.' })
  remainingMinutes: number;

  @Field(() => Float)
  targetMinutes: number;

  @Field(() => Float, { description: 'Minutes the clock stood still waiting for the customer.' })
  pausedMinutes: number;

  @Field({ description: 'BUSINESS (the responsible desk’s working hours and the official calendar) or CALENDAR.' })
  basis: string;

  @Field(() => CalendarBasis)
  calendarBasis: string;

  @Directive(listSize(5))
  @Field(() => [Int], { description: 'Years the official calendar does not cover yet, counted with weekends only.' })
  uncoveredYears: number[];

  @Field({ description: 'The SLA (or statutory) policy version that set the target, e.g. sla-2026.2.' })
  policyVersion: string;

  @Field({ description: 'The policy rule that set the target.' })
  rule: string;

  @Field(() => String, { nullable: true, description: 'The peak season (旺季) that stretched the target.' })
  peakSeason: string | null;

  @Field(() => Date, { nullable: true })
  metAt: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt: Date | null;
}

/** A ticket's deadlines at a glance. */
@ObjectType({ description: 'A ticket’s deadlines: the nearest, whether one was missed, and every clock.' })
export class TicketSla {
  @Field({ description: 'The SLA policy version in force when the ticket was opened.' })
  policyVersion: string;

  @Field(() => Date, { nullable: true, description: 'The nearest deadline of a running clock (the queue’s order).' })
  dueAt: Date | null;

  @Field({ description: 'A clock breached, or the nearest deadline has passed.' })
  breached: boolean;

  @Field(() => Date, { nullable: true })
  breachedAt: Date | null;

  @Directive(listSize(MAX_CLOCKS))
  @Field(() => [SlaClock])
  clocks: SlaClock[];
}

/** The schema's view of a domain clock. */
export function toSlaClock(clock: DomainClock): SlaClock {
  return Object.assign(new SlaClock(), {
    metric: clock.metric,
    cycle: clock.cycle,
    state: clock.state,
    startedAt: clock.startedAt,
    deadline: clock.deadline,
    remainingMinutes: clock.remainingMinutes,
    targetMinutes: clock.targetMinutes,
    pausedMinutes: clock.pausedMinutes,
    basis: clock.basis,
    calendarBasis: clock.calendarBasis,
    uncoveredYears: clock.uncoveredYears,
    policyVersion: clock.policyVersion,
    rule: clock.rule,
    peakSeason: clock.peakSeason ?? null,
    metAt: clock.metAt ?? null,
    breachedAt: clock.breachedAt ?? null,
  });
}
