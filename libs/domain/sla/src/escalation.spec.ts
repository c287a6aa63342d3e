import { CONTACT_ROLES, ESCALATION_ORDER } from '@courierdesk/domain-network';
import { ROUND_THE_CLOCK } from './business-calendar';
import { chinaTime } from './china-time';
import { ESCALATION_LEVELS, EscalationLevel, breachKey, escalationsDue, initialLevel, nextEscalationLevel } from './escalation';
import { SlaClock, SlaTimelineEvent, slaClocks } from './sla-clock';
import { TicketChannel } from './sla-policy';
import { thrownCode } from '@courierdesk/domain-core/testing';

const opened = chinaTime(2026, 3, 16, 9);
const hoursLater = (h: number): Date => new Date(opened.getTime() + h * 3_600_000);
// An inquiry at the counter, round the clock: first reply due 13:00, resolution 3 days later.
const clocksAt = (now: Date, events: SlaTimelineEvent[] = []): SlaClock[] =>
  slaClocks({
    ticket: { kind: 'INQUIRY', priority: 'NORMAL', channel: 'OUTLET_COUNTER', openedAt: opened },
    events,
    now,
    workingHours: ROUND_THE_CLOCK,
  });

describe('escalation levels (升级链)', () => {
  it('are contact roles of the network, in the order of its delivery chain', () => {
    expect(ESCALATION_LEVELS.every((level) => CONTACT_ROLES.includes(level))).toBe(true);
    expect(ESCALATION_LEVELS).toEqual(ESCALATION_ORDER.DELIVERY);
  });

  it.each([
    ['ARRIVAL_CS', 'OUTLET_MANAGER'],
    ['OUTLET_MANAGER', 'TRANSIT_CENTRE_CS'],
    ['TRANSIT_CENTRE_CS', 'HQ_CS'],
    ['HQ_CS', null],
  ] as const)('%s → %s', (from, to) => expect(nextEscalationLevel(from)).toBe(to));

  it('follows a chain it is given, and refuses a level outside it', () => {
    const chain: EscalationLevel[] = ['ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS'];
    expect(nextEscalationLevel('OUTLET_MANAGER', chain)).toBe('HQ_CS');
    expect(thrownCode(() => nextEscalationLevel('TRANSIT_CENTRE_CS', chain))).toBe('UNKNOWN_ESCALATION_LEVEL');
  });

  it.each([
    ['REGULATOR_12305', 'HQ_CS'],
    ['PHONE', 'ARRIVAL_CS'],
    ['OUTLET', 'ARRIVAL_CS'],
    ['ECOMMERCE_PLATFORM', 'ARRIVAL_CS'],
  ] as const)('a %s ticket starts at %s', (channel: TicketChannel, level) => expect(initialLevel({ channel })).toBe(level));
});

describe('escalationsDue: one step per breach, never twice for the same breach', () => {
  it.each([
    ['nothing breached yet', hoursLater(3), 'ARRIVAL_CS', [], [], 'ARRIVAL_CS'],
    ['first reply breached', hoursLater(5), 'ARRIVAL_CS', [], [['FIRST_REPLY', 'ARRIVAL_CS', 'OUTLET_MANAGER']], 'OUTLET_MANAGER'],
    ['the same breach again', hoursLater(6), 'OUTLET_MANAGER', ['FIRST_REPLY:2026-03-16T05:00:00.000Z'], [], 'OUTLET_MANAGER'],
    [
      'resolution breaches too: one more step',
      hoursLater(80),
      'OUTLET_MANAGER',
      ['FIRST_REPLY:2026-03-16T05:00:00.000Z'],
      [['RESOLUTION', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS']],
      'TRANSIT_CENTRE_CS',
    ],
    [
      'two new breaches at once: two steps, oldest first',
      hoursLater(80),
      'ARRIVAL_CS',
      [],
      [
        ['FIRST_REPLY', 'ARRIVAL_CS', 'OUTLET_MANAGER'],
        ['RESOLUTION', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS'],
      ],
      'TRANSIT_CENTRE_CS',
    ],
    ['at the top: the step says so', hoursLater(5), 'HQ_CS', [], [['FIRST_REPLY', 'HQ_CS', null]], 'HQ_CS'],
  ] as const)('%s', (_label, now, level, done, steps, finalLevel) => {
    const due = escalationsDue({ clocks: clocksAt(now), currentLevel: level, alreadyEscalated: done });
    expect(due.steps.map((s) => [s.metric, s.from, s.to])).toEqual(steps);
    expect(due.level).toBe(finalLevel);
  });

  it('a breach already met late chases nobody', () => {
    const late = clocksAt(hoursLater(6), [{ at: hoursLater(5), type: 'REPLY' }]);
    expect(late.find((c) => c.metric === 'FIRST_REPLY')?.state).toBe('BREACHED');
    expect(escalationsDue({ clocks: late, currentLevel: 'ARRIVAL_CS', alreadyEscalated: [] }).steps).toEqual([]);
  });

  it('is idempotent: the key of a breach is the same whenever it is evaluated', () => {
    const first = escalationsDue({ clocks: clocksAt(hoursLater(5)), currentLevel: 'ARRIVAL_CS', alreadyEscalated: [] });
    const keys = first.steps.map((s) => s.key);
    expect(keys).toEqual(['FIRST_REPLY:2026-03-16T05:00:00.000Z']);
    for (const later of [6, 12, 30, 70]) {
      expect(escalationsDue({ clocks: clocksAt(hoursLater(later)), currentLevel: first.level, alreadyEscalated: keys }).steps).toEqual([]);
    }
  });

  it('keys need a deadline', () =>
    expect(thrownCode(() => breachKey({ metric: 'FIRST_REPLY', deadline: null }))).toBe('INVALID_SLA_TIMELINE'));

  it('refuses a current level outside the chain', () =>
    expect(thrownCode(() => escalationsDue({ clocks: [], currentLevel: 'COURIER' as EscalationLevel, alreadyEscalated: [] }))).toBe(
      'UNKNOWN_ESCALATION_LEVEL',
    ));
});
