import { DEFAULT_PEAK_SEASON_POLICY, addHours, chinaTime } from '@courierdesk/domain-sla';
import { Anomaly, DetectAnomaliesInput, detectAnomalies } from './anomaly';
import { AnomalyPolicy, DEFAULT_ANOMALY_POLICY } from './anomaly.policy';
import { ScanEvent } from './scan-event';
import { march, scan } from './scan-event.test-helper';
import { deriveStatus } from './derive-status';

const waybill = { createdAt: march(1, 9), originOutletId: 'O-SZ-1', destinationOutletId: 'O-BJ-1' };
const nov = (day: number, hour = 0): Date => chinaTime(2024, 11, day, hour);
const after = (at: Date, hours: number, ms = 0): Date => new Date(addHours(at, hours).getTime() + ms);

function detect(events: ScanEvent[], now: Date, more: Partial<DetectAnomaliesInput> = {}): Anomaly[] {
  return detectAnomalies({ waybill, events, now, policy: DEFAULT_ANOMALY_POLICY, peakSeasons: DEFAULT_PEAK_SEASON_POLICY, ...more });
}
const codes = (events: ScanEvent[], now: Date, more: Partial<DetectAnomaliesInput> = {}) => detect(events, now, more).map((a) => a.code);

const atHub = (at: Date) => [scan('PICKED_UP', addHours(at, -10)), scan('ARRIVED_AT_HUB', at)];
const atOutlet = (at: Date) => [scan('PICKED_UP', addHours(at, -30)), scan('DEPARTED_HUB', addHours(at, -6)), scan('ARRIVED_AT_OUTLET', at)];
const departed = (at: Date) => [scan('PICKED_UP', addHours(at, -10)), scan('ARRIVED_AT_HUB', addHours(at, -2)), scan('DEPARTED_HUB', at)];
const failures = (n: number) => [
  ...atOutlet(march(2, 9)),
  ...[...Array(n)].flatMap((_, i) => [scan('OUT_FOR_DELIVERY', march(3 + i, 9)), scan('DELIVERY_FAILED', march(3 + i, 12), { failureReason: i % 2 ? 'REFUSED' : 'NOBODY_HOME' })]),
];
const signedBy = (kind: string, withOutForDelivery = true) => [
  ...atOutlet(march(2, 9)),
  ...(withOutForDelivery ? [scan('OUT_FOR_DELIVERY', march(3, 9))] : []),
  scan('SIGNED', march(3, 11), { signer: { kind: kind as never, name: null }, location: { kind: 'OUTLET', id: 'O-BJ-1' } }),
];

describe('stalled at a hub or outlet (滞留), 72 h stretched in peaks', () => {
  it.each([
    ['at a hub, exactly 72 h in March', [], atHub(march(2, 8)), after(march(2, 8), 72)],
    ['at a hub, 72 h + 1 ms in March', ['STALLED_AT_HUB'], atHub(march(2, 8)), after(march(2, 8), 72, 1)],
    ['at a hub, 80 h in March', ['STALLED_AT_HUB'], atHub(march(2, 8)), after(march(2, 8), 80)],
    ['at a hub, 80 h during 双十一', [], atHub(nov(11, 8)), after(nov(11, 8), 80)],
    ['at a hub, exactly 108 h during 双十一', [], atHub(nov(11, 8)), after(nov(11, 8), 108)],
    ['at a hub, 109 h during 双十一', ['STALLED_AT_HUB'], atHub(nov(11, 8)), after(nov(11, 8), 109)],
    ['at a hub, 90 h during 双十二 (96 h)', [], atHub(chinaTime(2024, 12, 12)), after(chinaTime(2024, 12, 12), 90)],
    ['at a hub, 140 h during 春节 (144 h)', [], atHub(chinaTime(2025, 1, 29)), after(chinaTime(2025, 1, 29), 140)],
    ['held at a hub, 80 h', ['STALLED_AT_HUB'], [...atHub(march(2, 8)), scan('HELD', march(2, 9))], after(march(2, 9), 80)],
    ['at the outlet, 80 h', ['STALLED_AT_OUTLET'], atOutlet(march(2, 9)), after(march(2, 9), 80)],
    ['out for delivery, 80 h', ['STALLED_AT_OUTLET'], [...atOutlet(march(2, 9)), scan('OUT_FOR_DELIVERY', march(3, 9))], after(march(3, 9), 80)],
    ['picked up, never sent on, 80 h', ['STALLED_AT_OUTLET'], [scan('PICKED_UP', march(1, 10))], after(march(1, 10), 80)],
    ['delivered long ago', [], [...atOutlet(march(2, 9)), scan('OUT_FOR_DELIVERY', march(3, 9)), scan('SIGNED', march(3, 10))], march(30)],
    ['in a locker long ago', ['SIGNED_BY_OTHER'], signedBy('LOCKER'), march(30)],
    ['returned long ago', [], [...failures(1), scan('RETURN_STARTED', march(4, 9)), scan('RETURNED', march(6, 9))], march(30)],
    ['returning, stuck at a hub', ['STALLED_AT_HUB'], [...failures(1), scan('RETURN_STARTED', march(4, 9)), scan('ARRIVED_AT_HUB', march(5, 9))], after(march(5, 9), 73)],
  ])('%s → %j', (_label, expected, events, now) => expect(codes(events, now)).toEqual(expected));

  it('says since when, why, with which threshold, peak and versions', () =>
    expect(detect(atHub(nov(11, 8)), after(nov(11, 8), 120))).toEqual([
      {
        code: 'STALLED_AT_HUB',
        since: after(nov(11, 8), 108),
        countedFrom: nov(11, 8),
        thresholdHours: 108,
        peakSeason: 'DOUBLE_ELEVEN',
        policyVersion: 'anomaly-2020.1',
        peakSeasonPolicyVersion: 'peak-2020.1',
        location: { kind: 'HUB', id: 'H-SZ' },
        reason:
          'Stalled at transit centre H-SZ (分拨中心滞留): no scan for 120 h since ARRIVED_AT_HUB at 2024-11-11 08:00 (UTC+8); ' +
          'threshold 108 h (72 h stretched for 双十一)',
      },
    ]));

  it('has no peak season outside one', () => {
    const [anomaly] = detect(atHub(march(2, 8)), after(march(2, 8), 80));
    expect(anomaly).toMatchObject({ thresholdHours: 72, since: after(march(2, 8), 72), peakSeasonPolicyVersion: 'peak-2020.1' });
    expect(anomaly.peakSeason).toBeUndefined();
  });

  it('does not stretch when the policy says not to', () => {
    const policy: AnomalyPolicy = { ...DEFAULT_ANOMALY_POLICY, stretchInPeakSeason: false };
    const [anomaly] = detect(atHub(nov(11, 8)), after(nov(11, 8), 80), { policy });
    expect(anomaly).toMatchObject({ code: 'STALLED_AT_HUB', thresholdHours: 72 });
    expect(anomaly.peakSeasonPolicyVersion).toBeUndefined();
  });
});

describe('no pickup scan (无揽收记录), 24 h', () => {
  it.each([
    ['exactly 24 h', [], march(1, 9), after(march(1, 9), 24)],
    ['24 h + 1 ms', ['NO_PICKUP_SCAN'], march(1, 9), after(march(1, 9), 24, 1)],
    ['30 h during 双十一 (36 h)', [], nov(11, 9), after(nov(11, 9), 30)],
    ['37 h during 双十一', ['NO_PICKUP_SCAN'], nov(11, 9), after(nov(11, 9), 37)],
  ])('%s → %j', (_label, expected, createdAt, now) => expect(codes([], now, { waybill: { ...waybill, createdAt } })).toEqual(expected));

  it('belongs to the origin outlet', () =>
    expect(detect([], march(3))[0]).toMatchObject({ since: march(2, 9), thresholdHours: 24, location: { kind: 'OUTLET', id: 'O-SZ-1' } }));

  it('is gone once any scan moved the parcel', () => expect(codes([scan('ARRIVED_AT_HUB', march(1, 20))], march(2, 12))).toEqual([]));
});

describe('not arrived at the final outlet (未到达派件网点), 48 h after the last hub departure', () => {
  it.each([
    ['exactly 48 h', [], departed(march(2, 8)), after(march(2, 8), 48)],
    ['49 h', ['NOT_ARRIVED_AT_FINAL_OUTLET'], departed(march(2, 8)), after(march(2, 8), 49)],
    ['80 h: not a hub stall, it left', ['NOT_ARRIVED_AT_FINAL_OUTLET'], departed(march(2, 8)), after(march(2, 8), 80)],
    ['arrived at the destination outlet', [], [...departed(march(2, 8)), scan('ARRIVED_AT_OUTLET', march(3, 8))], after(march(2, 8), 60)],
    ['out for delivery from it without an arrival scan', [], [...departed(march(2, 8)), scan('OUT_FOR_DELIVERY', march(3, 8))], after(march(2, 8), 60)],
    ['arrived at the next hub', [], [...departed(march(2, 8)), scan('ARRIVED_AT_HUB', march(2, 20), { location: { kind: 'HUB', id: 'H-BJ' } })], after(march(2, 8), 60)],
    ['arrived at the wrong outlet', ['NOT_ARRIVED_AT_FINAL_OUTLET'], [...departed(march(2, 8)), scan('ARRIVED_AT_OUTLET', march(3, 8), { location: { kind: 'OUTLET', id: 'O-BJ-9' } })], after(march(2, 8), 60)],
    ['70 h during 双十一 (72 h)', [], departed(nov(11, 8)), after(nov(11, 8), 70)],
  ])('%s → %j', (_label, expected, events, now) => expect(codes(events, now)).toEqual(expected));

  it('names the misroute and belongs to the destination outlet', () => {
    const events = [...departed(march(2, 8)), scan('ARRIVED_AT_OUTLET', march(3, 8), { location: { kind: 'OUTLET', id: 'O-BJ-9' } })];
    const [anomaly] = detect(events, after(march(2, 8), 60));
    expect(anomaly).toMatchObject({ since: after(march(2, 8), 48), countedFrom: march(2, 8), location: { kind: 'OUTLET', id: 'O-BJ-1' } });
    expect(anomaly.reason).toBe(
      'Not arrived at destination outlet O-BJ-1 (未到达派件网点): left transit centre H-SZ at 2024-03-02 08:00 (UTC+8), 60 h ago; ' +
        'arrived at outlet O-BJ-9 instead (错分?); threshold 48 h',
    );
  });

  it.each([
    ['without a destination outlet', { ...waybill, destinationOutletId: null }],
    ['when the destination is unknown', { createdAt: waybill.createdAt }],
  ])('is not judged %s', (_label, w) => expect(codes(departed(march(2, 8)), march(9), { waybill: w })).toEqual([]));
});

describe('repeated delivery failure (多次派送失败), ≥ 2 attempts', () => {
  it.each([
    ['one failure', [], failures(1)],
    ['two failures', ['REPEATED_DELIVERY_FAILURE'], failures(2)],
    ['three failures', ['REPEATED_DELIVERY_FAILURE'], failures(3)],
    ['two failures, then delivered', [], [...failures(2), scan('OUT_FOR_DELIVERY', march(6, 9)), scan('SIGNED', march(6, 10))]],
    ['two failures, then returning', [], [...failures(2), scan('RETURN_STARTED', march(5, 9))]],
  ])('%s → %j', (_label, expected, events) => expect(codes(events, after(events[events.length - 1].eventTime, 1))).toEqual(expected));

  it('is anomalous since the second failure and lists the reasons', () =>
    expect(detect(failures(3), march(5, 13))).toEqual([
      {
        code: 'REPEATED_DELIVERY_FAILURE',
        since: march(4, 12),
        policyVersion: 'anomaly-2020.1',
        location: { kind: 'OUTLET', id: 'O-BJ-1' },
        reason:
          'Delivery failed 3 times (多次派送失败): NOBODY_HOME 无人在家, REFUSED 拒收, NOBODY_HOME 无人在家; ' +
          'last at 2024-03-05 12:00 (UTC+8); limit 2',
      },
    ]));

  it('follows the policy count', () =>
    expect(codes(failures(2), march(4, 13), { policy: { ...DEFAULT_ANOMALY_POLICY, repeatedFailureCount: 3 } })).toEqual([]));
});

describe('suspect sign-offs (他人代签, 虚假签收)', () => {
  it.each([
    ['signed by the recipient', [], signedBy('RECIPIENT')],
    ['signed by the guard', ['SIGNED_BY_OTHER'], signedBy('GUARD')],
    ['signed by a neighbour', ['SIGNED_BY_OTHER'], signedBy('NEIGHBOUR')],
    ['signed by a station', ['SIGNED_BY_OTHER'], signedBy('STATION')],
    ['signed by a locker, collected since', [], [...signedBy('LOCKER'), scan('COLLECTED_BY_RECIPIENT', march(3, 18))]],
    ['signed by a locker, taken back out for delivery (now only stalled)', ['STALLED_AT_OUTLET'], [...signedBy('LOCKER'), scan('OUT_FOR_DELIVERY', march(4, 9))]],
    ['signed by the recipient, no out-for-delivery scan', ['SIGNED_WITHOUT_OUT_FOR_DELIVERY'], signedBy('RECIPIENT', false)],
    ['signed by the guard, no out-for-delivery scan', ['SIGNED_BY_OTHER', 'SIGNED_WITHOUT_OUT_FOR_DELIVERY'], signedBy('GUARD', false)],
    ['out for delivery only after the signature', ['SIGNED_WITHOUT_OUT_FOR_DELIVERY'], [...signedBy('RECIPIENT', false), scan('OUT_FOR_DELIVERY', march(3, 12))]],
    ['out for delivery in the same second', [], [...atOutlet(march(2, 9)), scan('SIGNED', march(3, 11)), scan('OUT_FOR_DELIVERY', march(3, 11))]],
  ])('%s → %j', (_label, expected, events) => expect(codes(events, march(20))).toEqual(expected));

  it('says who signed and when', () =>
    expect(detect(signedBy('GUARD'), march(20))).toEqual([
      {
        code: 'SIGNED_BY_OTHER',
        since: march(3, 11),
        policyVersion: 'anomaly-2020.1',
        location: { kind: 'OUTLET', id: 'O-BJ-1' },
        reason:
          'Signed by GUARD (门卫代签), not the recipient, at 2024-03-03 11:00 (UTC+8); not collected by the recipient since: ' +
          'check consent (签收未收到 risk)',
      },
    ]));

  it('says a locker received it on the recipient\'s behalf (代收)', () =>
    expect(detect(signedBy('LOCKER'), march(20))[0].reason).toMatch(/^Signed by LOCKER \(快递柜代收\), not the recipient/));

  it('follows the policy list of signers', () =>
    expect(codes(signedBy('FAMILY'), march(20), { policy: { ...DEFAULT_ANOMALY_POLICY, signedByOtherKinds: ['GUARD'] } })).toEqual([]));
});

describe('detectAnomalies', () => {
  it('uses the policy version in force when the threshold started counting', () => {
    const v2: AnomalyPolicy = { ...DEFAULT_ANOMALY_POLICY, version: 'anomaly-2024.6', effectiveFrom: chinaTime(2024, 6, 1), stallHours: 48 };
    const policy = [DEFAULT_ANOMALY_POLICY, v2];
    expect(codes(atHub(march(2, 8)), after(march(2, 8), 60), { policy })).toEqual([]);
    expect(detect(atHub(chinaTime(2024, 7, 2)), after(chinaTime(2024, 7, 2), 60), { policy })).toMatchObject([
      { code: 'STALLED_AT_HUB', thresholdHours: 48, policyVersion: 'anomaly-2024.6' },
    ]);
  });

  it('lists several anomalies oldest first', () => {
    const events = [...failures(2), scan('PROBLEM_REPORTED', march(4, 13))];
    expect(detect(events, march(20)).map((a) => [a.code, a.since])).toEqual([
      ['REPEATED_DELIVERY_FAILURE', march(4, 12)],
      ['STALLED_AT_OUTLET', after(march(4, 13), 72)],
    ]);
  });

  it('accepts the state already derived', () => {
    const events = failures(2);
    expect(detect(events, march(20), { state: deriveStatus(events) })).toEqual(detect(events, march(20)));
  });

  it('refuses an invalid policy', () =>
    expect(() => detect([], march(20), { policy: { ...DEFAULT_ANOMALY_POLICY, stallHours: 0 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ANOMALY_POLICY' }),
    ));

  it('refuses events older than every policy version', () =>
    expect(() => detect([], march(20), { waybill: { ...waybill, createdAt: chinaTime(2019, 5, 1) } })).toThrow(
      expect.objectContaining({ code: 'NO_POLICY_IN_FORCE' }),
    ));
});
