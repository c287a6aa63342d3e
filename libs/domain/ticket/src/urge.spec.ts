import { chinaTime } from '@courierdesk/domain-sla';
import { URGE_COUNT_FOR_HIGH, UrgeCandidate, decideUrge, isOpenUrge, urgePriority } from './urge';
import { TICKET_STATUSES } from './ticket.vocabulary';

const t = (id: string, kind: UrgeCandidate['kind'], status: UrgeCandidate['status'], day = 1): UrgeCandidate => ({
  id,
  kind,
  status,
  openedAt: chinaTime(2026, 12, day, 9),
});

describe('repeat urge (重复催件)', () => {
  it.each([
    ['no tickets', [], { action: 'OPEN' }],
    ['an open urge', [t('u1', 'URGE', 'OPEN')], { action: 'COUNT', ticketId: 'u1' }],
    ['an urge waiting for the outlet', [t('u1', 'URGE', 'WAITING_FOR_OUTLET')], { action: 'COUNT', ticketId: 'u1' }],
    ['an escalated urge', [t('u1', 'URGE', 'ESCALATED')], { action: 'COUNT', ticketId: 'u1' }],
    ['a resolved urge', [t('u1', 'URGE', 'RESOLVED')], { action: 'OPEN' }],
    ['a closed urge', [t('u1', 'URGE', 'CLOSED')], { action: 'OPEN' }],
    ['an open complaint only', [t('c1', 'COMPLAINT', 'OPEN')], { action: 'OPEN' }],
    ['a closed urge and an open one', [t('u1', 'URGE', 'CLOSED', 1), t('u2', 'URGE', 'IN_PROGRESS', 3)], { action: 'COUNT', ticketId: 'u2' }],
    ['two open urges: the oldest', [t('u2', 'URGE', 'OPEN', 3), t('u1', 'URGE', 'OPEN', 2)], { action: 'COUNT', ticketId: 'u1' }],
    ['two open urges opened together: the lower id', [t('ub', 'URGE', 'OPEN', 2), t('ua', 'URGE', 'OPEN', 2)], { action: 'COUNT', ticketId: 'ua' }],
  ] as const)('with %s → %o', (_name, tickets, decision) => expect(decideUrge(tickets)).toEqual(decision));

  it('counts on an urge in every open status and in no other', () => {
    for (const status of TICKET_STATUSES) expect([status, isOpenUrge({ kind: 'URGE', status })]).toEqual([status, status !== 'RESOLVED' && status !== 'CLOSED']);
  });

  it('does not reorder the caller’s list', () => {
    const tickets = [t('u2', 'URGE', 'OPEN', 3), t('u1', 'URGE', 'OPEN', 2)];
    decideUrge(tickets);
    expect(tickets.map((x) => x.id)).toEqual(['u2', 'u1']);
  });

  it.each([
    ['NORMAL', 1, 'NORMAL'],
    ['NORMAL', URGE_COUNT_FOR_HIGH - 1, 'NORMAL'],
    ['NORMAL', URGE_COUNT_FOR_HIGH, 'HIGH'],
    ['LOW', 10, 'HIGH'],
    ['URGENT', URGE_COUNT_FOR_HIGH, 'URGENT'],
  ] as const)('%s after %s urges → %s', (current, count, priority) => expect(urgePriority(current, count)).toBe(priority));
});
