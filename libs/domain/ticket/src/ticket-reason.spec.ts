import { thrownCode } from '@courierdesk/domain-core/testing';
import { PROBLEM_CODES, PROBLEM_CODE_NAMES } from '@courierdesk/domain-parcel';
import { REASONS_BY_KIND, REASON_LABELS, TICKET_REASONS, assertReasonForKind, isReasonForKind } from './ticket-reason';
import { TICKET_KINDS } from './ticket.vocabulary';

describe('reasons per kind', () => {
  it('has a label for every reason, and the registry name for problem types', () => {
    expect(Object.keys(REASON_LABELS).sort()).toEqual([...TICKET_REASONS].sort());
    for (const code of PROBLEM_CODES) expect(REASON_LABELS[code].zh).toBe(PROBLEM_CODE_NAMES[code]);
  });
  it.each([
    ['COMPLAINT', 'NOT_DELIVERED_UPSTAIRS', true],
    ['COMPLAINT', 'OVERCHARGED', true],
    ['COMPLAINT', 'PREMATURE_SIGN_OFF', true],
    ['COMPLAINT', 'DAMAGED', true],
    ['COMPLAINT', 'LOST', true],
    ['COMPLAINT', 'STATUS_QUERY', false],
    ['URGE', 'NOT_DELIVERED_UPSTAIRS', false],
    ['URGE', 'DELAY', true],
    ['INQUIRY', 'PROHIBITED_ITEM_QUERY', true],
    ['INQUIRY', 'PROHIBITED_ITEM', false],
    ['PROBLEM_PARCEL', 'PROHIBITED_ITEM', true],
    ['PROBLEM_PARCEL', 'ADDRESS_UNCLEAR', true],
    ['PROBLEM_PARCEL', 'RECIPIENT_UNREACHABLE', true],
    ['PROBLEM_PARCEL', 'MISSORTED', true],
    ['PROBLEM_PARCEL', 'DELAY', false],
    ['SIGNED_NOT_RECEIVED', 'CAUSE_UNKNOWN', true],
    ['SIGNED_NOT_RECEIVED', 'REFUSED', false],
    ['INQUIRY', 'NOT_A_REASON', false],
  ] as const)('%s with %s: %s', (kind, reason, ok) => {
    expect(isReasonForKind(kind, reason)).toBe(ok);
    expect(thrownCode(() => assertReasonForKind(kind, reason))).toBe(ok ? undefined : 'REASON_NOT_FOR_KIND');
  });

  it('gives a problem parcel exactly the problem-parcel registry', () => expect(REASONS_BY_KIND.PROBLEM_PARCEL).toEqual(PROBLEM_CODES));

  it('uses only known reasons, and every reason belongs to some kind', () => {
    const used = new Set(TICKET_KINDS.flatMap((kind) => REASONS_BY_KIND[kind]));
    for (const reason of used) expect(TICKET_REASONS).toContain(reason);
    expect([...used].sort()).toEqual([...TICKET_REASONS].sort());
  });

  it('has no reason twice in one kind', () => {
    for (const kind of TICKET_KINDS) expect(new Set(REASONS_BY_KIND[kind]).size).toBe(REASONS_BY_KIND[kind].length);
  });
});
