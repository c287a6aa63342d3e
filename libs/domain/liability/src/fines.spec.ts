import type { ScanEvent, ScanType } from '@courierdesk/domain-parcel';
import { chinaTime } from '@courierdesk/domain-sla';
import type { EvidenceOutcome } from '@courierdesk/domain-ticket';
import { totalOf } from './decision';
import { finesFor, prematureSignOff, type FineInput } from './fines';

const t = (day: number, hour = 0): Date => chinaTime(2024, 6, day, hour);
const OUTLET = { kind: 'OUTLET', id: 'O-BJ' } as const;
function scan(type: ScanType, eventTime: Date, more: Partial<ScanEvent> = {}): ScanEvent {
  return { waybillNo: 'CD123456789014', type, eventTime, location: OUTLET, courierId: null, signer: null, failureReason: null, problemCode: null, note: null, ...more };
}
const SIGNED = scan('SIGNED', t(3, 10), { signer: { kind: 'RECIPIENT', name: null } });

describe('prematureSignOff: a sign-off the scans show came before the delivery (虚假签收)', () => {
  it.each<[string, ScanEvent[], boolean]>([
    ['signed, then out for delivery', [scan('ARRIVED_AT_OUTLET', t(3, 7)), SIGNED, scan('OUT_FOR_DELIVERY', t(3, 14), { courierId: 'C-7' })], true],
    ['signed, then a failed attempt', [SIGNED, scan('DELIVERY_FAILED', t(4, 9), { failureReason: 'NOBODY_HOME' })], true],
    ['out for delivery, then signed', [scan('OUT_FOR_DELIVERY', t(3, 9), { courierId: 'C-7' }), SIGNED], false],
    ['signed, then collected from a locker', [SIGNED, scan('COLLECTED_BY_RECIPIENT', t(3, 18))], false],
    ['signed, then returned at the recipient’s request', [SIGNED, scan('RETURN_STARTED', t(4, 9)), scan('ARRIVED_AT_HUB', t(4, 20), { location: { kind: 'HUB', id: 'H-BJ' } })], false],
  ])('%s → %s', (_case, scans, premature) => {
    const found = prematureSignOff([...scans].reverse());
    expect(found !== null).toBe(premature);
    if (found) expect(found.signedAt).toEqual(t(3, 10));
  });
});

describe('finesFor: fines an outlet owes (网点罚款)', () => {
  const AT_2024 = t(1);
  const premature = { signedAt: t(3, 10), laterScan: scan('OUT_FOR_DELIVERY', t(3, 14)) };
  const input = (more: Partial<FineInput>): FineInput => ({ outletId: 'O-BJ', at: AT_2024, ...more });
  const upstairs = (outcome: EvidenceOutcome) => ({ reason: 'NOT_DELIVERED_UPSTAIRS' as const, outcome });

  it.each<[string, Partial<FineInput>, string, number, string[]]>([
    ['不上楼 without a photo or recording in time', { evidence: upstairs('AGAINST_OUTLET') }, 'FINED', 50_000, ['FINE_NOT_UPSTAIRS_NO_EVIDENCE']],
    ['不上楼 with a photo in time', { evidence: upstairs('FOR_OUTLET') }, 'NO_FINE', 0, []],
    ['不上楼 inside the evidence deadline', { evidence: upstairs('PENDING') }, 'PENDING_EVIDENCE', 0, []],
    ['another complaint lost on evidence', { evidence: { reason: 'OTHER', outcome: 'AGAINST_OUTLET' } }, 'FINED', 20_000, ['FINE_NO_EVIDENCE']],
    ['premature sign-off in the scans', { falseSignOff: { premature, notReceivedOutcome: null } }, 'FINED', 100_000, ['FINE_FALSE_SIGN_OFF']],
    ['signed-not-received lost on evidence', { falseSignOff: { premature: null, notReceivedOutcome: 'AGAINST_OUTLET' } }, 'FINED', 100_000, ['FINE_FALSE_SIGN_OFF']],
    ['signed-not-received proven by a locker record', { falseSignOff: { premature: null, notReceivedOutcome: 'FOR_OUTLET' } }, 'NO_FINE', 0, []],
    ['signed-not-received still pending', { falseSignOff: { premature: null, notReceivedOutcome: 'PENDING' } }, 'PENDING_EVIDENCE', 0, []],
    [
      'both at once',
      { evidence: upstairs('AGAINST_OUTLET'), falseSignOff: { premature, notReceivedOutcome: null } },
      'FINED',
      150_000,
      ['FINE_NOT_UPSTAIRS_NO_EVIDENCE', 'FINE_FALSE_SIGN_OFF'],
    ],
    ['nothing on file', {}, 'NO_FINE', 0, []],
  ])('%s', (_case, more, code, total, lines) => {
    const decision = finesFor(input(more));
    expect(decision).toMatchObject({ code, totalFen: total, outletId: 'O-BJ', ruleVersion: 'liability-2024.1' });
    expect(decision.lines.map((l) => l.code)).toEqual(lines);
    expect(totalOf(decision.lines)).toBe(decision.totalFen);
    expect(decision.codes[0]).toBe(code);
  });

  it.each([
    [chinaTime(2024, 3, 31, 23, 59), 'liability-2018.1', 20_000, 50_000],
    [chinaTime(2024, 4, 1), 'liability-2024.1', 50_000, 100_000],
  ])('fines by the version in force when the case arose (%s → %s)', (at, version, upstairsFen, signOffFen) => {
    expect(finesFor(input({ at, evidence: upstairs('AGAINST_OUTLET') }))).toMatchObject({ ruleVersion: version, totalFen: upstairsFen });
    expect(finesFor(input({ at, falseSignOff: { premature, notReceivedOutcome: null } }))).toMatchObject({ ruleVersion: version, totalFen: signOffFen });
  });

  it('explains the fine in Chinese', () => {
    expect(finesFor(input({ evidence: upstairs('AGAINST_OUTLET') })).explanationZh).toContain('未按时提供上楼照片或通话录音，罚款500.00元');
  });
});
