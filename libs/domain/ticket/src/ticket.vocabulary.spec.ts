import { REASON_LABELS } from './ticket-reason';
import {
  COMMENT_VISIBILITY_LABELS,
  EVIDENCE_KIND_LABELS,
  OPEN_STATUSES,
  PRIORITY_RANK,
  RESOLUTION_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_KINDS,
  TICKET_KIND_LABELS,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUSES,
  TICKET_STATUS_LABELS,
  defaultPriority,
  higherPriority,
  isOpenStatus,
} from './ticket.vocabulary';

describe('ticket vocabulary', () => {
  it.each([
    ['OPEN', true],
    ['IN_PROGRESS', true],
    ['WAITING_FOR_CUSTOMER', true],
    ['WAITING_FOR_OUTLET', true],
    ['ESCALATED', true],
    ['RESOLVED', false],
    ['CLOSED', false],
  ] as const)('%s is open: %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
    expect(OPEN_STATUSES.includes(status)).toBe(open);
  });

  it('lists the statuses and kinds the lead codes against', () => {
    expect(TICKET_STATUSES).toEqual(['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED']);
    expect(TICKET_KINDS).toEqual(['INQUIRY', 'URGE', 'COMPLAINT', 'PROBLEM_PARCEL', 'SIGNED_NOT_RECEIVED']);
  });

  it.each([
    ['LOW', 'URGENT', 'URGENT'],
    ['URGENT', 'LOW', 'URGENT'],
    ['HIGH', 'NORMAL', 'HIGH'],
    ['NORMAL', 'NORMAL', 'NORMAL'],
  ] as const)('higher of %s and %s is %s', (a, b, high) => expect(higherPriority(a, b)).toBe(high));

  it('ranks priorities in declaration order', () => expect(TICKET_PRIORITIES.map((p) => PRIORITY_RANK[p])).toEqual([0, 1, 2, 3]));

  it.each([
    ['INQUIRY', 'REGULATOR_12305', 'URGENT'],
    ['COMPLAINT', 'REGULATOR_12305', 'URGENT'],
    ['COMPLAINT', 'PHONE', 'HIGH'],
    ['SIGNED_NOT_RECEIVED', 'APP', 'HIGH'],
    ['INQUIRY', 'ONLINE_CHAT', 'LOW'],
    ['URGE', 'PHONE', 'NORMAL'],
    ['PROBLEM_PARCEL', 'OUTLET', 'NORMAL'],
  ] as const)('a %s via %s starts %s', (kind, channel, priority) => expect(defaultPriority(kind, channel)).toBe(priority));

  it.each([
    ['kinds', TICKET_KIND_LABELS],
    ['statuses', TICKET_STATUS_LABELS],
    ['channels', TICKET_CHANNEL_LABELS],
    ['priorities', TICKET_PRIORITY_LABELS],
    ['reasons', REASON_LABELS],
    ['resolutions', RESOLUTION_LABELS],
    ['visibilities', COMMENT_VISIBILITY_LABELS],
    ['evidence kinds', EVIDENCE_KIND_LABELS],
  ] as const)('names every one of the %s in English and Chinese', (_name, labels) => {
    for (const label of Object.values(labels) as { en: string; zh: string }[]) {
      expect(label.en.trim()).not.toBe('');
      expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

});
