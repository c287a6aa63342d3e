import { chinaTime } from '@courierdesk/domain-sla';
import { assertClaimFiledInTime, claimClocks, claimFilingDeadline, type ClaimClockInput, type ClaimMetric } from './claim-clocks';
import { LIABILITY_POLICY_2018, LIABILITY_POLICY_2024 } from './liability-policy';

const DELIVERED = chinaTime(2024, 6, 1, 10);
const FILED = chinaTime(2024, 6, 10, 10);
const AGREED = chinaTime(2024, 6, 20, 15);
const input = (more: Partial<ClaimClockInput> = {}): ClaimClockInput => ({ international: false, deliveredAt: DELIVERED, filedAt: FILED, now: chinaTime(2024, 6, 10, 12), ...more });
const clockOf = (metric: ClaimMetric, more: Partial<ClaimClockInput>) => claimClocks(input(more)).clocks.find((c) => c.metric === metric);

describe('claim filing deadline (索赔申告期)', () => {
  // 365 days from 2024-06-01, the day of delivery not counted: ends 24:00 on 2025-06-01.
  const END = chinaTime(2025, 6, 2);

  it('runs from the delivery, else from the promised time', () => {
    expect(claimFilingDeadline({ deliveredAt: DELIVERED }).deadline).toEqual(END);
    expect(claimFilingDeadline({ deliveredAt: null, promisedAt: DELIVERED }).deadline).toEqual(END);
    expect(() => claimFilingDeadline({})).toThrow(expect.objectContaining({ code: 'PROMISED_TIME_REQUIRED' }));
  });

  it.each([
    [chinaTime(2025, 6, 1, 23, 59), true],
    [END, true],
    [chinaTime(2025, 6, 2, 0, 1), false],
  ])('filed at %s in time: %s', (filedAt, inTime) => {
    const check = () => assertClaimFiledInTime({ deliveredAt: DELIVERED, filedAt });
    if (inTime) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'CLAIM_FILED_TOO_LATE', kind: 'CONFLICT' }));
    expect(clockOf('FILING', { filedAt, now: chinaTime(2025, 7, 1) })?.state).toBe(inTime ? 'MET' : 'BREACHED');
  });

  it('follows the version in force at the delivery, not at the filing', () => {
    const short = { ...LIABILITY_POLICY_2018, claimFilingDays: 30 };
    const policies = [short, LIABILITY_POLICY_2024];
    // Delivered under 2018.1 (30 days here), filed under 2024.1 (365): still late.
    const before = { deliveredAt: chinaTime(2024, 3, 20), filedAt: chinaTime(2024, 4, 25), policies };
    expect(() => assertClaimFiledInTime(before)).toThrow(expect.objectContaining({ code: 'CLAIM_FILED_TOO_LATE' }));
    expect(claimFilingDeadline(before).ruleVersion).toBe('liability-2018.1');
    expect(() => assertClaimFiledInTime({ ...before, deliveredAt: chinaTime(2024, 4, 1) })).not.toThrow();
  });
});

describe('claimClocks: acknowledge in 24 h, decide in 30 days (60 international), pay in 7 days', () => {
  it.each<[string, ClaimMetric, Partial<ClaimClockInput>, string, Date]>([
    ['acknowledged on the 24th hour', 'ACKNOWLEDGE', { acknowledgedAt: chinaTime(2024, 6, 11, 10), now: chinaTime(2024, 6, 12) }, 'MET', chinaTime(2024, 6, 11, 10)],
    ['acknowledged a minute late', 'ACKNOWLEDGE', { acknowledgedAt: chinaTime(2024, 6, 11, 10, 1), now: chinaTime(2024, 6, 12) }, 'BREACHED', chinaTime(2024, 6, 11, 10)],
    ['not acknowledged yet, inside 24 h', 'ACKNOWLEDGE', { now: chinaTime(2024, 6, 11, 9) }, 'ACTIVE', chinaTime(2024, 6, 11, 10)],
    ['not acknowledged, 24 h gone', 'ACKNOWLEDGE', { now: chinaTime(2024, 6, 11, 11) }, 'BREACHED', chinaTime(2024, 6, 11, 10)],
    // 30 days from 06-10 (not counted): the last day is 07-10, ending at 24:00.
    ['decided on the 30th day', 'DECIDE', { decidedAt: chinaTime(2024, 7, 10, 23, 59), now: chinaTime(2024, 8, 1) }, 'MET', chinaTime(2024, 7, 11)],
    ['decided on the 31st day', 'DECIDE', { decidedAt: chinaTime(2024, 7, 11, 9), now: chinaTime(2024, 8, 1) }, 'BREACHED', chinaTime(2024, 7, 11)],
    ['international, decided on the 31st day', 'DECIDE', { international: true, decidedAt: chinaTime(2024, 7, 11, 9), now: chinaTime(2024, 8, 1) }, 'MET', chinaTime(2024, 8, 10)],
    ['international, decided on the 61st day', 'DECIDE', { international: true, decidedAt: chinaTime(2024, 8, 10, 9), now: chinaTime(2024, 9, 1) }, 'BREACHED', chinaTime(2024, 8, 10)],
    // 7 days from 06-20 (not counted): the last day is 06-27.
    ['paid on the 7th day', 'PAY', { agreedAt: AGREED, paidAt: chinaTime(2024, 6, 27, 18), now: chinaTime(2024, 7, 1) }, 'MET', chinaTime(2024, 6, 28)],
    ['paid on the 8th day', 'PAY', { agreedAt: AGREED, paidAt: chinaTime(2024, 6, 28, 9), now: chinaTime(2024, 7, 1) }, 'BREACHED', chinaTime(2024, 6, 28)],
    ['payment recorded after now has not happened', 'PAY', { agreedAt: AGREED, paidAt: chinaTime(2024, 6, 27), now: chinaTime(2024, 6, 25) }, 'ACTIVE', chinaTime(2024, 6, 28)],
  ])('%s', (_case, metric, more, state, deadline) => {
    const found = clockOf(metric, more);
    expect(found).toMatchObject({ state, deadline, ruleVersion: 'liability-2024.1' });
  });

  it('has no payment clock before agreement, and says when each step is due in Chinese', () => {
    const decision = claimClocks(input());
    expect(decision.clocks.map((c) => c.metric)).toEqual(['FILING', 'ACKNOWLEDGE', 'DECIDE']);
    expect(decision).toMatchObject({ code: 'ON_TIME', ruleCode: 'claim-clocks', ruleVersion: 'liability-2024.1', codes: ['ON_TIME'] });
    expect(decision.explanationZh).toContain('受理确认：2024-06-11 10:00前');
    expect(decision.explanationZh).toContain('国内快件30个日历天');
  });

  it('lists every breached clock in its codes', () => {
    const decision = claimClocks(input({ now: chinaTime(2024, 7, 20) }));
    expect(decision.code).toBe('BREACHED');
    expect(decision.codes).toEqual(['BREACHED', 'ACKNOWLEDGE_BREACHED', 'DECIDE_BREACHED']);
  });

  it('times a claim filed under 2018.1 by 2018.1, even when re-evaluated after 2024-04-01', () => {
    const old = claimClocks(input({ deliveredAt: chinaTime(2024, 3, 1), filedAt: chinaTime(2024, 3, 5), now: chinaTime(2025, 1, 1) }));
    expect(old.ruleVersion).toBe('liability-2018.1');
    expect(old.clocks.every((c) => c.ruleVersion === 'liability-2018.1')).toBe(true);
  });
});
