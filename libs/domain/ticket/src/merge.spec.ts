import { thrownCode } from '@courierdesk/domain-core/testing';
import { chinaTime } from '@courierdesk/domain-sla';
import { MergeTicket, assertMergeable, mergeOutcome } from './merge';
import { canMove } from './ticket.transitions';
import { TICKET_STATUSES } from './ticket.vocabulary';

const ticket = (over: Partial<MergeTicket> = {}): MergeTicket => ({
  id: 't-target',
  kind: 'URGE',
  status: 'IN_PROGRESS',
  waybillNo: 'CD000000000017',
  priority: 'NORMAL',
  urgeCount: 1,
  ...over,
});
const source = (over: Partial<MergeTicket> = {}) => ticket({ id: 't-source', ...over });
const now = chinaTime(2026, 12, 2, 10);

describe('assertMergeable', () => {
  it.each([
    ['same id', source({ id: 't-target' }), ticket(), 'MERGE_INTO_ITSELF'],
    ['same id in another case', source({ id: 'T-TARGET' }), ticket({ id: 't-target' }), 'MERGE_INTO_ITSELF'],
    ['source closed', source({ status: 'CLOSED' }), ticket(), 'MERGE_NOT_ALLOWED'],
    ['target closed', source(), ticket({ status: 'CLOSED' }), 'MERGE_NOT_ALLOWED'],
    ['target resolved', source(), ticket({ status: 'RESOLVED' }), 'MERGE_NOT_ALLOWED'],
    ['source resolved', source({ status: 'RESOLVED' }), ticket(), undefined],
    ['different waybills', source({ waybillNo: 'CD000000000025' }), ticket(), 'MERGE_NOT_ALLOWED'],
    ['same waybill spelled apart', source({ waybillNo: ' cd000000000017 ' }), ticket(), undefined],
    ['source without waybill', source({ waybillNo: null }), ticket(), undefined],
    ['target without waybill', source(), ticket({ waybillNo: null }), undefined],
    ['neither with a waybill', source({ waybillNo: null }), ticket({ waybillNo: null }), undefined],
    ['target escalated', source(), ticket({ status: 'ESCALATED' }), undefined],
  ])('%s → %s', (_name, from, into, code) => expect(thrownCode(() => assertMergeable(from, into))).toBe(code));

  it.each([
    [source({ status: 'CLOSED' }), ticket(), 'SOURCE_CLOSED'],
    [source(), ticket({ status: 'CLOSED' }), 'TARGET_CLOSED'],
    [source(), ticket({ status: 'RESOLVED' }), 'TARGET_RESOLVED'],
    [source({ waybillNo: 'CD000000000025' }), ticket(), 'DIFFERENT_WAYBILL'],
  ])('says why: %#', (from, into, reason) => {
    try {
      assertMergeable(from, into);
      throw new Error('no throw');
    } catch (error) {
      expect(error).toMatchObject({ code: 'MERGE_NOT_ALLOWED', kind: 'CONFLICT', details: { reason } });
    }
  });

  it('only merges sources that may move to CLOSED', () => {
    for (const status of TICKET_STATUSES) {
      if (thrownCode(() => assertMergeable(source({ status }), ticket())) === undefined) expect([status, canMove(status, 'CLOSED')]).toEqual([status, true]);
    }
  });
});

describe('mergeOutcome', () => {
  it('keeps the higher priority, adds the urges, keeps both histories and closes the source as MERGED', () => {
    expect(mergeOutcome(source({ priority: 'HIGH', urgeCount: 2 }), ticket({ priority: 'NORMAL', urgeCount: 3 }), now)).toEqual({
      target: { id: 't-target', priority: 'HIGH', urgeCount: 5, waybillNo: 'CD000000000017', dueAt: null, regulatorCase: null, mergedFromIds: ['t-source'] },
      source: { id: 't-source', status: 'CLOSED', resolution: 'MERGED', mergedIntoId: 't-target', closedAt: now },
    });
  });

  it.each([
    ['URGE', 'URGE', 2, 3, 5],
    ['COMPLAINT', 'URGE', 1, 3, 3],
    ['URGE', 'COMPLAINT', 2, 1, 3],
    ['COMPLAINT', 'COMPLAINT', 1, 1, 1],
  ] as const)('a %s merged into a %s: urges %i + %i → %i (only an urge adds its urges)', (from, into, sourceUrges, targetUrges, total) =>
    expect(mergeOutcome(source({ kind: from, urgeCount: sourceUrges }), ticket({ kind: into, urgeCount: targetUrges }), now).target.urgeCount).toBe(total));

  it.each([
    ['LOW', 'URGENT', 'URGENT'],
    ['URGENT', 'LOW', 'URGENT'],
    ['NORMAL', 'NORMAL', 'NORMAL'],
  ] as const)('source %s + target %s → %s', (from, into, priority) =>
    expect(mergeOutcome(source({ priority: from }), ticket({ priority: into }), now).target.priority).toBe(priority));

  it.each([
    [null, 'CD000000000017', 'CD000000000017'],
    ['CD000000000017', null, 'CD000000000017'],
    [null, null, null],
  ])('waybill of source %s and target %s → %s', (from, into, waybillNo) =>
    expect(mergeOutcome(source({ waybillNo: from }), ticket({ waybillNo: into }), now).target.waybillNo).toBe(waybillNo));

  const early = chinaTime(2026, 12, 3);
  const late = chinaTime(2026, 12, 9);
  it.each([
    [early, late, early],
    [late, early, early],
    [null, late, late],
    [early, null, early],
    [null, null, null],
  ])('deadline of source %s and target %s → %s', (from, into, dueAt) =>
    expect(mergeOutcome(source({ dueAt: from }), ticket({ dueAt: into }), now).target.dueAt).toEqual(dueAt));

  it('carries the regulator case with the earlier deadline', () => {
    const a = { caseNo: 'A', dueAt: late };
    const b = { caseNo: 'B', dueAt: early };
    expect(mergeOutcome(source({ regulatorCase: a }), ticket(), now).target.regulatorCase).toEqual(a);
    expect(mergeOutcome(source({ regulatorCase: b }), ticket({ regulatorCase: a }), now).target.regulatorCase).toEqual(b);
    expect(mergeOutcome(source({ regulatorCase: a }), ticket({ regulatorCase: b }), now).target.regulatorCase).toEqual(b);
  });

  it('refuses what assertMergeable refuses', () => expect(thrownCode(() => mergeOutcome(source({ status: 'CLOSED' }), ticket(), now))).toBe('MERGE_NOT_ALLOWED'));
});
