import { thrownCode } from '@courierdesk/domain-core/testing';
import { HOUR_MS, chinaTime } from '@courierdesk/domain-sla';
import { DEFAULT_EVIDENCE_POLICY, EvidenceDeadline, EvidenceItem, EvidencePolicy, assertEvidenceInTime, decideOnEvidence, evidenceDeadline, isEvidenceInTime, validateEvidencePolicy } from './evidence';

const openedAt = chinaTime(2026, 12, 2, 10, 0);
const plus = (at: Date, hours: number, ms = 0) => new Date(at.getTime() + hours * HOUR_MS + ms);

describe('evidenceDeadline (举证时限)', () => {
  it.each([
    ['COMPLAINT', 'NOT_DELIVERED_UPSTAIRS', 24, ['PHOTO', 'RECORDING']],
    ['COMPLAINT', 'UNCONSENTED_LOCKER_DROP', 24, ['RECORDING', 'PHOTO']],
    ['COMPLAINT', 'PREMATURE_SIGN_OFF', 24, ['SIGNATURE_IMAGE', 'LOCKER_RECORD', 'RECORDING', 'PHOTO']],
    ['COMPLAINT', 'OVERCHARGED', 48, ['DOCUMENT']],
    ['SIGNED_NOT_RECEIVED', 'CAUSE_UNKNOWN', 24, ['SIGNATURE_IMAGE', 'LOCKER_RECORD', 'RECORDING', 'PHOTO']],
    ['SIGNED_NOT_RECEIVED', 'SIGNED_BY_OTHER', 24, ['SIGNATURE_IMAGE', 'LOCKER_RECORD', 'RECORDING', 'PHOTO']],
    ['COMPLAINT', 'DELAY', null, null],
    ['URGE', 'DELAY', null, null],
    ['INQUIRY', 'STATUS_QUERY', null, null],
  ] as const)('%s / %s → %s h, %j', (kind, reason, hours, accepted) => {
    const deadline = evidenceDeadline(kind, reason, openedAt);
    if (hours === null) expect(deadline).toBeNull();
    else expect(deadline).toEqual({ dueAt: plus(openedAt, hours), accepted, policyVersion: 'evidence-2024.1' });
  });

  const v2: EvidencePolicy = { version: 'evidence-2027.1', effectiveFrom: chinaTime(2027, 1, 1), rules: [{ kind: 'COMPLAINT', reasons: ['NOT_DELIVERED_UPSTAIRS'], dueHours: 12, accepted: ['PHOTO'] }] };
  it.each([
    [chinaTime(2026, 12, 31, 23, 59), 'evidence-2024.1', 24],
    [chinaTime(2027, 1, 1), 'evidence-2027.1', 12],
  ])('judges a case opened %s by %s', (at, version, hours) => {
    const deadline = evidenceDeadline('COMPLAINT', 'NOT_DELIVERED_UPSTAIRS', at, [DEFAULT_EVIDENCE_POLICY, v2]);
    expect(deadline).toMatchObject({ policyVersion: version, dueAt: plus(at, hours) });
  });

  it('has no rule before the first version', () =>
    expect(thrownCode(() => evidenceDeadline('COMPLAINT', 'NOT_DELIVERED_UPSTAIRS', chinaTime(2024, 2, 29)))).toBe('NO_POLICY_IN_FORCE'));

  it.each([
    [{ ...DEFAULT_EVIDENCE_POLICY, version: ' ' }],
    [{ ...DEFAULT_EVIDENCE_POLICY, rules: [{ kind: 'COMPLAINT', reasons: null, dueHours: 0, accepted: ['PHOTO'] }] }],
    [{ ...DEFAULT_EVIDENCE_POLICY, rules: [{ kind: 'COMPLAINT', reasons: null, dueHours: 24, accepted: [] }] }],
    [{ ...DEFAULT_EVIDENCE_POLICY, rules: [{ kind: 'COMPLAINT', reasons: ['STATUS_QUERY'], dueHours: 24, accepted: ['PHOTO'] }] }],
    [{ ...DEFAULT_EVIDENCE_POLICY, rules: [{ kind: 'COMPLAINT', reasons: null, dueHours: 24, accepted: ['VIDEO'] }] }],
    [{ ...DEFAULT_EVIDENCE_POLICY, rules: [{ kind: 'GRIEF', reasons: null, dueHours: 24, accepted: ['PHOTO'] }] }],
  ] as unknown as EvidencePolicy[][])('refuses a broken policy %#', (policy) => expect(thrownCode(() => validateEvidencePolicy(policy))).toBe('INVALID_EVIDENCE_POLICY'));

  it('accepts the default policy', () => expect(validateEvidencePolicy(DEFAULT_EVIDENCE_POLICY)).toBe(DEFAULT_EVIDENCE_POLICY));
});

describe('evidence in time', () => {
  const dueAt = plus(openedAt, 24);
  it.each([
    [openedAt, true],
    [plus(openedAt, -48), true],
    [dueAt, true],
    [plus(dueAt, 0, 1), false],
    [plus(dueAt, 1), false],
  ])('added %s: in time %s', (addedAt, ok) => {
    expect(isEvidenceInTime(dueAt, addedAt)).toBe(ok);
    expect(thrownCode(() => assertEvidenceInTime(dueAt, addedAt))).toBe(ok ? undefined : 'EVIDENCE_AFTER_DEADLINE');
  });
});

describe('decideOnEvidence (不上楼: photo or recording within 24 h)', () => {
  const deadline = evidenceDeadline('COMPLAINT', 'NOT_DELIVERED_UPSTAIRS', openedAt) as EvidenceDeadline;
  const dueAt = deadline.dueAt;
  const item = (id: string, kind: EvidenceItem['kind'], addedAt: Date, rejected = false): EvidenceItem => ({ id, kind, addedAt, rejected });
  const afterDue = plus(dueAt, 1);
  const beforeDue = plus(openedAt, 2);

  it.each([
    ['nothing yet, before the deadline', [], beforeDue, 'PENDING', []],
    ['nothing at the deadline', [], dueAt, 'PENDING', []],
    ['nothing after the deadline', [], afterDue, 'AGAINST_OUTLET', []],
    ['a photo in time', [item('p', 'PHOTO', beforeDue)], beforeDue, 'FOR_OUTLET', ['p']],
    ['a recording at the deadline, decided later', [item('r', 'RECORDING', dueAt)], afterDue, 'FOR_OUTLET', ['r']],
    ['a photo 1 ms late', [item('p', 'PHOTO', plus(dueAt, 0, 1))], afterDue, 'AGAINST_OUTLET', []],
    ['a late photo and an in-time document', [item('p', 'PHOTO', afterDue), item('d', 'DOCUMENT', beforeDue)], afterDue, 'AGAINST_OUTLET', []],
    ['a rejected photo in time', [item('p', 'PHOTO', beforeDue, true)], afterDue, 'AGAINST_OUTLET', []],
    ['a rejected photo and a good recording', [item('p', 'PHOTO', beforeDue, true), item('r', 'RECORDING', beforeDue)], afterDue, 'FOR_OUTLET', ['r']],
    ['a delivery photo taken before the complaint', [item('p', 'PHOTO', plus(openedAt, -30))], afterDue, 'FOR_OUTLET', ['p']],
  ] as const)('%s → %s', (_name, evidence, now, outcome, counted) => {
    const decision = decideOnEvidence(deadline, evidence, now);
    expect(decision.outcome).toBe(outcome);
    expect(decision.counted.map((e) => e.id)).toEqual(counted);
    expect(decision.policyVersion).toBe('evidence-2024.1');
  });

  it('sorts what did not count by why', () => {
    const decision = decideOnEvidence(deadline, [item('late', 'PHOTO', afterDue), item('doc', 'DOCUMENT', beforeDue), item('bad', 'PHOTO', beforeDue, true)], afterDue);
    expect([decision.late, decision.wrongKind, decision.rejected].map((list) => list.map((e) => e.id))).toEqual([['late'], ['doc'], ['bad']]);
    expect(decision.explanation).toContain('举证不足');
  });
});
