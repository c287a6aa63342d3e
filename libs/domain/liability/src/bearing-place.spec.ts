import type { ScanEvent, ScanType } from '@courierdesk/domain-parcel';
import { chinaTime } from '@courierdesk/domain-sla';
import { bearingPlace, custodyChain, type Incident } from './bearing-place';
import { LIABILITY_POLICY_2024 } from './liability-policy';

const t = (day: number, hour = 0, minute = 0): Date => chinaTime(2024, 6, day, hour, minute);
const O = (id: string) => ({ kind: 'OUTLET', id }) as const;
const H = (id: string) => ({ kind: 'HUB', id }) as const;

function scan(type: ScanType, eventTime: Date, location: ScanEvent['location'], more: Partial<ScanEvent> = {}): ScanEvent {
  return { waybillNo: 'CD123456789014', type, eventTime, location, courierId: null, signer: null, failureReason: null, problemCode: null, note: null, ...more };
}

/** Shenzhen outlet → Shenzhen hub → Beijing hub → Beijing outlet, out for delivery with courier C-7. */
const JOURNEY: ScanEvent[] = [
  scan('PICKED_UP', t(1, 9), O('O-SZ')),
  scan('ARRIVED_AT_HUB', t(1, 20), H('H-SZ')),
  scan('DEPARTED_HUB', t(1, 23), H('H-SZ')),
  scan('ARRIVED_AT_HUB', t(2, 20), H('H-BJ')),
  scan('DEPARTED_HUB', t(3, 2), H('H-BJ')),
  scan('ARRIVED_AT_OUTLET', t(3, 7), O('O-BJ')),
  scan('OUT_FOR_DELIVERY', t(3, 9), O('O-BJ'), { courierId: 'C-7' }),
];
const upTo = (n: number): ScanEvent[] => JOURNEY.slice(0, n);
const incident = (kind: Incident['kind'], more: Partial<Incident> = {}): Incident => ({ kind, at: t(10), ...more });

describe('custodyChain', () => {
  it('groups consecutive scans by place, in event-time order whatever the arrival order', () => {
    const chain = custodyChain([...JOURNEY].reverse());
    expect(chain.map((leg) => leg.place.id)).toEqual(['O-SZ', 'H-SZ', 'H-BJ', 'O-BJ']);
    expect(chain[1]).toMatchObject({ firstScanAt: t(1, 20), lastScanAt: t(1, 23) });
    expect(chain[3].courierId).toBe('C-7');
  });

  it('keeps a sign-off without a place with the leg before it', () => {
    const chain = custodyChain([...JOURNEY, scan('SIGNED', t(3, 11), null, { signer: { kind: 'GUARD', name: null } })]);
    expect(chain).toHaveLength(4);
    expect(chain[3].lastScanAt).toEqual(t(3, 11));
  });
});

describe('bearingPlace: which outlet or transit centre bears a carrier fault', () => {
  it.each<[string, ScanEvent[], Partial<Incident> & { kind: Incident['kind'] }, string | null, string]>([
    // Loss: whoever held it last.
    ['lost on the delivery round', JOURNEY, { kind: 'LOSS' }, 'O-BJ', 'LOST_IN_CUSTODY'],
    ['lost after leaving a hub', upTo(3), { kind: 'LOSS' }, 'H-SZ', 'LOST_AFTER_DEPARTURE'],
    ['lost at the origin outlet', upTo(1), { kind: 'LOSS' }, 'O-SZ', 'LOST_IN_CUSTODY'],
    // A place that proved with evidence it never had it passes the loss back.
    ['lost, the last holder cleared itself', JOURNEY, { kind: 'LOSS', clearedPlaceIds: ['O-BJ'] }, 'H-BJ', 'CLEARED_O-BJ'],
    ['lost, every place cleared', upTo(1), { kind: 'LOSS', clearedPlaceIds: ['O-SZ'] }, null, 'UNDETERMINED'],
    // Damage reported on arrival (within 2 h of the place's first scan): the place before it.
    [
      'damage reported on arrival, on the 2-hour boundary',
      [...upTo(6), scan('PROBLEM_REPORTED', t(3, 9), O('O-BJ'), { problemCode: 'DAMAGED' })],
      { kind: 'DAMAGE' },
      'H-BJ',
      'DAMAGED_ON_ARRIVAL',
    ],
    [
      'damage reported one minute past the window',
      [...upTo(6), scan('PROBLEM_REPORTED', t(3, 9, 1), O('O-BJ'), { problemCode: 'DAMAGED' })],
      { kind: 'DAMAGE' },
      'O-BJ',
      'DAMAGED_IN_CUSTODY',
    ],
    [
      'damage found at a hub on arrival',
      [...upTo(4), scan('PROBLEM_REPORTED', t(2, 21), H('H-BJ'), { problemCode: 'DAMAGED' })],
      { kind: 'DAMAGE' },
      'H-SZ',
      'DAMAGED_ON_ARRIVAL',
    ],
    ['damage never reported on the way', JOURNEY, { kind: 'DAMAGE' }, 'O-BJ', 'DAMAGE_NOT_REPORTED_IN_TRANSIT'],
    // Delay: the longest stay (H-BJ 6 h, O-BJ to `until` on the 4th 9:00 = 26 h).
    ['stalled at the destination outlet', JOURNEY, { kind: 'DELAY', until: t(4, 9) }, 'O-BJ', 'LONGEST_DWELL'],
    ['stalled at a hub', [...upTo(4), scan('DEPARTED_HUB', t(5, 20), H('H-BJ')), scan('ARRIVED_AT_OUTLET', t(6, 1), O('O-BJ'))], { kind: 'DELAY', until: t(6, 2) }, 'H-BJ', 'LONGEST_DWELL'],
    // False sign-off: the outlet that uploaded the signature, with its courier.
    ['signed off by the delivering outlet', [...JOURNEY, scan('SIGNED', t(3, 10), O('O-BJ'), { signer: { kind: 'RECIPIENT', name: null } })], { kind: 'FALSE_SIGN_OFF' }, 'O-BJ', 'SIGNED_BY_PLACE'],
  ])('%s', (_case, scans, more, placeId, code) => {
    const decision = bearingPlace(scans, incident(more.kind, more));
    expect(decision.place?.id ?? null).toBe(placeId);
    expect(decision.code).toBe(placeId === null ? 'UNDETERMINED' : 'BORNE_BY_PLACE');
    expect(decision.codes).toContain(code);
    expect(decision.codes).toContain(`INCIDENT_${more.kind}`);
    expect(decision.ruleVersion).toBe('liability-2024.1');
  });

  it('names the courier on the round and the last place in good order', () => {
    const lost = bearingPlace(JOURNEY, incident('LOSS'));
    expect(lost).toMatchObject({ courierId: 'C-7', lastGoodPlace: O('O-BJ') });
    const damaged = bearingPlace([...upTo(6), scan('PROBLEM_REPORTED', t(3, 8), O('O-BJ'), { problemCode: 'DAMAGED' })], incident('DAMAGE'));
    expect(damaged.lastGoodPlace).toEqual(H('H-BJ'));
    expect(damaged.explanationZh).toContain('网点 O-BJ到件即登记破损');
  });

  it('measures the dwell of the bearer', () => {
    expect(bearingPlace(JOURNEY, incident('DELAY', { until: t(4, 9) })).dwellHours).toBe(26);
  });

  it('uses the damage-on-arrival window of the version in force at the incident', () => {
    const scans = [...upTo(6), scan('PROBLEM_REPORTED', t(3, 10), O('O-BJ'), { problemCode: 'DAMAGED' })];
    const wide = { ...incident('DAMAGE'), policies: [{ ...LIABILITY_POLICY_2024, damageOnArrivalHours: 4 }] };
    expect(bearingPlace(scans, incident('DAMAGE')).place?.id).toBe('O-BJ');
    expect(bearingPlace(scans, wide).place?.id).toBe('H-BJ');
  });

  it('refuses a history without a place (NO_CUSTODY_CHAIN)', () => {
    expect(() => bearingPlace([], incident('LOSS'))).toThrow(expect.objectContaining({ code: 'NO_CUSTODY_CHAIN' }));
  });
});
