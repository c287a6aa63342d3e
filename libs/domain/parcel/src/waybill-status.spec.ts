import { thrownCode } from '@courierdesk/domain-core/testing';
import { ScanEvent } from './scan-event';
import { march, scan, shuffled } from './scan-event.test-helper';
import { deriveStatus } from './derive-status';
import { sortScanEvents } from './scan-order';

const journey: ScanEvent[] = [
  scan('PICKED_UP', march(1, 10)),
  scan('ARRIVED_AT_HUB', march(1, 20)),
  scan('DEPARTED_HUB', march(1, 22)),
  scan('ARRIVED_AT_HUB', march(2, 8), { location: { kind: 'HUB', id: 'H-BJ' } }),
  scan('DEPARTED_HUB', march(2, 10), { location: { kind: 'HUB', id: 'H-BJ' } }),
  scan('ARRIVED_AT_OUTLET', march(2, 15)),
  scan('OUT_FOR_DELIVERY', march(3, 9)),
  scan('DELIVERY_FAILED', march(3, 11), { failureReason: 'NOBODY_HOME', courierId: 'C-7' }),
  scan('OUT_FOR_DELIVERY', march(4, 9), { courierId: 'C-8' }),
  scan('SIGNED', march(4, 10), { signer: { kind: 'GUARD', name: '门卫老李' } }),
];

describe('deriveStatus along a journey', () => {
  it.each([
    [0, 'CREATED', null, null],
    [1, 'IN_TRANSIT', { kind: 'OUTLET', id: 'O-SZ-1' }, null],
    [2, 'IN_TRANSIT', { kind: 'HUB', id: 'H-SZ' }, null],
    [5, 'IN_TRANSIT', { kind: 'HUB', id: 'H-BJ' }, null],
    [6, 'ARRIVED_AT_OUTLET', { kind: 'OUTLET', id: 'O-BJ-1' }, null],
    [7, 'OUT_FOR_DELIVERY', { kind: 'OUTLET', id: 'O-BJ-1' }, 'C-7'],
    [8, 'DELIVERY_FAILED', { kind: 'OUTLET', id: 'O-BJ-1' }, null],
    [9, 'OUT_FOR_DELIVERY', { kind: 'OUTLET', id: 'O-BJ-1' }, 'C-8'],
    [10, 'DELIVERED', { kind: 'OUTLET', id: 'O-BJ-1' }, null],
  ])('after %d scans: %s at %o, held by %s', (n, status, location, holder) => {
    const state = deriveStatus(journey.slice(0, n));
    expect(state).toMatchObject({ status, currentLocation: location, currentHolder: holder, inconsistencies: [] });
    expect(state.lastEvent).toBe(n === 0 ? null : journey[n - 1]);
  });

  it('reports the whole state at the end', () =>
    expect(deriveStatus(journey)).toEqual({
      status: 'DELIVERED',
      progress: 'DELIVERED',
      lastEvent: journey[9],
      currentLocation: { kind: 'OUTLET', id: 'O-BJ-1' },
      currentHolder: null,
      pickedUpAt: march(1, 10),
      signedAt: march(4, 10),
      signer: { kind: 'GUARD', name: '门卫老李' },
      collectedAt: null,
      returnedAt: null,
      failedAttempts: 1,
      returning: false,
      timeline: journey,
      inconsistencies: [],
    }));
});

describe('deriveStatus follows event time, not arrival order', () => {
  const returned = [
    scan('PICKED_UP', march(1, 10)),
    scan('ARRIVED_AT_OUTLET', march(2, 9)),
    scan('OUT_FOR_DELIVERY', march(2, 10)),
    scan('DELIVERY_FAILED', march(2, 12), { failureReason: 'RECIPIENT_UNREACHABLE' }),
    scan('DELIVERY_FAILED', march(3, 12), { failureReason: 'REFUSED' }),
    scan('RETURN_STARTED', march(3, 13), { problemCode: 'REFUSED' }),
    scan('ARRIVED_AT_HUB', march(4, 1)),
    scan('SIGNED', march(5, 9), { signer: { kind: 'RECIPIENT', name: '寄件人' } }),
  ];
  const locker = [scan('ARRIVED_AT_OUTLET', march(2, 9)), scan('OUT_FOR_DELIVERY', march(2, 10)), scan('SIGNED', march(2, 11), { signer: { kind: 'LOCKER', name: '丰巢 A12' } })];
  const lateHub = [...journey, scan('ARRIVED_AT_HUB', march(5, 3), { location: { kind: 'HUB', id: 'H-X' } })];

  it.each([
    ['a delivered journey', journey],
    ['a return', returned],
    ['a locker drop', locker],
    ['a scan after the signature', lateHub],
    ['same-time ties', [scan('ARRIVED_AT_HUB', march(1, 8)), scan('DEPARTED_HUB', march(1, 8)), scan('HELD', march(1, 8)), scan('RELEASED', march(1, 8))]],
  ])('%s: any shuffle gives the same state', (_label, events) => {
    const expected = deriveStatus(events);
    for (let seed = 1; seed <= 25; seed++) expect(deriveStatus(shuffled(events, seed))).toEqual(expected);
  });

  it('keeps the signature when a hub scan dated after it arrives, and flags it', () => {
    const state = deriveStatus([lateHub[10], ...journey]);
    expect(state).toMatchObject({ status: 'DELIVERED', lastEvent: journey[9], currentLocation: { kind: 'OUTLET', id: 'O-BJ-1' } });
    expect(state.inconsistencies).toEqual([
      { event: lateHub[10], status: 'DELIVERED', reason: 'ARRIVED_AT_HUB at 2024-03-04T19:00:00.000Z cannot follow DELIVERED; status kept' },
    ]);
  });

  it('applies a late-arriving scan dated before the signature without complaint', () => {
    const state = deriveStatus([journey[9], ...journey.slice(0, 9)]);
    expect(state).toMatchObject({ status: 'DELIVERED', inconsistencies: [] });
  });

  it('reads same-second arrive and depart in journey order', () =>
    expect(deriveStatus([scan('DEPARTED_HUB', march(1, 8)), scan('ARRIVED_AT_HUB', march(1, 8))]).lastEvent?.type).toBe('DEPARTED_HUB'));

  it('counts a scan resent in a burst once', () => {
    const failure = scan('DELIVERY_FAILED', march(3, 11));
    const state = deriveStatus([...journey.slice(0, 7), failure, { ...failure }, { ...failure, eventTime: new Date(failure.eventTime) }]);
    expect(state.failedAttempts).toBe(1);
    expect(state.timeline).toHaveLength(8);
    expect(sortScanEvents([failure, { ...failure }])).toEqual([failure]);
  });

  it.each([
    ['the return leg', returned, { status: 'RETURNED', progress: 'DELIVERED', returning: true, returnedAt: march(5, 9), signedAt: null, failedAttempts: 2 }],
    ['mid-return', returned.slice(0, 7), { status: 'RETURNING', progress: 'IN_TRANSIT', returning: true, returnedAt: null }],
    ['a problem on the return leg', [...returned.slice(0, 7), scan('PROBLEM_REPORTED', march(4, 5), { location: { kind: 'HUB', id: 'H-SZ' } })], { status: 'EXCEPTION', returning: true }],
    ['moving again after that problem', [...returned.slice(0, 7), scan('PROBLEM_REPORTED', march(4, 5)), scan('ARRIVED_AT_OUTLET', march(4, 9), { location: { kind: 'OUTLET', id: 'O-SZ-1' } })], { status: 'RETURNING' }],
    ['a locker drop', locker, { status: 'AVAILABLE_FOR_PICKUP', signer: { kind: 'LOCKER', name: '丰巢 A12' }, signedAt: march(2, 11), collectedAt: null }],
    ['a locker collection', [...locker, scan('COLLECTED_BY_RECIPIENT', march(2, 18))], { status: 'DELIVERED', signer: { kind: 'LOCKER', name: '丰巢 A12' }, collectedAt: march(2, 18) }],
    ['a station parcel never collected, returned', [...locker, scan('RETURN_STARTED', march(5, 9)), scan('RETURNED', march(6, 9))], { status: 'RETURNED', signedAt: march(2, 11), returnedAt: march(6, 9) }],
    ['self pick-up at the outlet (自提)', [scan('ARRIVED_AT_OUTLET', march(2, 9)), scan('COLLECTED_BY_RECIPIENT', march(2, 16))], { status: 'DELIVERED', signer: { kind: 'RECIPIENT', name: null }, signedAt: march(2, 16) }],
    ['a hold at a hub', [scan('ARRIVED_AT_HUB', march(1, 8)), scan('HELD', march(1, 9))], { status: 'HELD', currentLocation: { kind: 'HUB', id: 'H-SZ' } }],
    ['a release', [scan('ARRIVED_AT_HUB', march(1, 8)), scan('HELD', march(1, 9)), scan('RELEASED', march(2, 9))], { status: 'IN_TRANSIT' }],
    ['a problem parcel', [scan('ARRIVED_AT_OUTLET', march(2, 9)), scan('PROBLEM_REPORTED', march(2, 10))], { status: 'EXCEPTION' }],
    ['a signature with no other scan', [scan('SIGNED', march(2, 9))], { status: 'DELIVERED', inconsistencies: [] }],
  ])('%s', (_label, events, expected) => expect(deriveStatus(events)).toMatchObject(expected));

  it('flags a pickup dated after a hub arrival', () => {
    const state = deriveStatus([scan('ARRIVED_AT_HUB', march(1, 8)), scan('PICKED_UP', march(1, 9))]);
    expect(state).toMatchObject({ status: 'IN_TRANSIT', pickedUpAt: null });
    expect(state.inconsistencies.map((i) => i.event.type)).toEqual(['PICKED_UP']);
  });

  it('refuses events of several waybills', () =>
    expect(thrownCode(() => deriveStatus([scan('PICKED_UP', march(1)), scan('PICKED_UP', march(1), { waybillNo: 'CD000000000019' })]))).toBe(
      'INVALID_SCAN_EVENT',
    ));
});
