import { thrownCode } from '@courierdesk/domain-core/testing';
import { DAY_MS, chinaTime } from '@courierdesk/domain-sla';
import { REOPEN_WINDOW_DAYS, TICKET_TRANSITIONS, assertReopen, assertStatusChange, assertTransition, canMove, isReopen, reopenDeadline } from './ticket.transitions';
import { TICKET_STATUSES, TicketStatus } from './ticket.vocabulary';

// The whole 7 × 7 table written out, so a changed rule shows up as a changed line here.
const ALLOWED: Record<TicketStatus, TicketStatus[]> = {
  OPEN: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  WAITING_FOR_CUSTOMER: ['IN_PROGRESS', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  WAITING_FOR_OUTLET: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  ESCALATED: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
};
const PAIRS = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

describe('ticket status transitions', () => {
  it('covers all 49 pairs', () => expect(PAIRS).toHaveLength(49));

  it.each(PAIRS)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
    expect(thrownCode(() => assertTransition(from, to))).toBe(ok ? undefined : 'TRANSITION_NOT_ALLOWED');
  });

  it('has a row for every status and moves only to statuses that exist', () => {
    expect(Object.keys(TICKET_TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const row of Object.values(TICKET_TRANSITIONS)) for (const to of row) expect(TICKET_STATUSES).toContain(to);
  });

  it('reports the move refused as CONFLICT, with what is allowed', () => {
    try {
      assertTransition('CLOSED', 'IN_PROGRESS');
      throw new Error('no throw');
    } catch (error) {
      expect(error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', kind: 'CONFLICT', details: { from: 'CLOSED', to: 'IN_PROGRESS', allowed: [] } });
    }
  });

  it.each([
    ['RESOLVED', 'IN_PROGRESS', true],
    ['RESOLVED', 'CLOSED', false],
    ['IN_PROGRESS', 'RESOLVED', false],
    ['CLOSED', 'IN_PROGRESS', false],
  ] as const)('%s → %s is a reopen: %s', (from, to, reopen) => expect(isReopen(from, to)).toBe(reopen));
});

describe('reopen window', () => {
  const resolvedAt = chinaTime(2026, 12, 1, 10, 0);
  const deadline = new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS);

  it('is seven days after resolution', () => {
    expect(REOPEN_WINDOW_DAYS).toBe(7);
    expect(reopenDeadline(resolvedAt)).toEqual(chinaTime(2026, 12, 8, 10, 0));
  });

  it.each([
    [resolvedAt, undefined],
    [deadline, undefined],
    [new Date(deadline.getTime() + 1), 'REOPEN_WINDOW_PASSED'],
    [chinaTime(2027, 1, 1), 'REOPEN_WINDOW_PASSED'],
  ])('reopen at %s → %s', (now, code) => {
    expect(thrownCode(() => assertReopen(resolvedAt, now))).toBe(code);
    expect(thrownCode(() => assertStatusChange({ from: 'RESOLVED', to: 'IN_PROGRESS', resolvedAt, now }))).toBe(code);
  });

  it('takes another window when given', () => expect(thrownCode(() => assertReopen(resolvedAt, chinaTime(2026, 12, 20), 30))).toBeUndefined());

  it.each([
    [{ from: 'RESOLVED', to: 'CLOSED', resolvedAt, now: chinaTime(2027, 6, 1) }, undefined],
    [{ from: 'RESOLVED', to: 'IN_PROGRESS', resolvedAt: null, now: resolvedAt }, 'REOPEN_WINDOW_PASSED'],
    [{ from: 'OPEN', to: 'IN_PROGRESS', now: resolvedAt }, undefined],
    [{ from: 'CLOSED', to: 'IN_PROGRESS', resolvedAt, now: resolvedAt }, 'TRANSITION_NOT_ALLOWED'],
    [{ from: 'RESOLVED', to: 'ESCALATED', resolvedAt, now: resolvedAt }, 'TRANSITION_NOT_ALLOWED'],
  ] as const)('status change %o → %s', (change, code) => expect(thrownCode(() => assertStatusChange(change))).toBe(code));
});
