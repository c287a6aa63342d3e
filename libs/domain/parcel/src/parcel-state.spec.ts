import { deriveStatus } from './derive-status';
import { chinaTime } from '@courierdesk/domain-sla';
import { PLACES, randomTimeline, random, randomScan } from './random-timeline.test-helper';
import { canFold, foldState, initialState, recomputeState } from './parcel-state';

const facts = { destinationOutletId: PLACES.DEST };
const created = chinaTime(2024, 3, 1, 9);
const SEEDS = Array.from({ length: 500 }, (_, i) => i + 1);

/** Runs a property for every seed; a failure names its seed, so it can be replayed. */
function forEverySeed(property: (seed: number) => void): void {
  for (const seed of SEEDS) {
    try {
      property(seed);
    } catch (error) {
      throw new Error(`seed ${seed}: ${(error as Error).message}`);
    }
  }
}

describe('tracked state (运单当前状态)', () => {
  it('recompute agrees with deriveStatus on random timelines', () => forEverySeed((seed) => {
    const events = randomTimeline(seed, created);
    const derived = deriveStatus(events);
    const state = recomputeState(facts, events);
    expect([state.status, state.progress, state.failedAttempts, state.currentPlace, state.currentCourierId]).toEqual([
      derived.status, derived.progress, derived.failedAttempts, derived.currentLocation, derived.currentHolder,
    ]);
    expect(state.eventCount).toBe(events.length);
  }));

  it('folding every scan into the empty state equals a recompute', () => forEverySeed((seed) => {
    const events = randomTimeline(seed, created);
    expect(foldState(initialState(), facts, events)).toEqual(recomputeState(facts, events));
  }));

  it('folding newer scans into a stored state equals a recompute', () => forEverySeed((seed) => {
    const events = randomTimeline(seed, created);
    const cut = new Date(created.getTime() + random(seed * 7).int(240) * 3_600_000);
    const older = events.filter((e) => e.eventTime <= cut);
    const newer = events.filter((e) => e.eventTime > cut);
    const stored = recomputeState(facts, older);
    expect(canFold(stored, newer)).toBe(true);
    expect(foldState(stored, facts, newer)).toEqual(recomputeState(facts, events));
  }));

  it('refuses to fold a scan at or before the last stored one', () => {
    const r = random(1);
    const stored = recomputeState(facts, [randomScan(r, 'PICKED_UP', chinaTime(2024, 3, 1, 10))]);
    expect(canFold(stored, [randomScan(r, 'ARRIVED_AT_HUB', chinaTime(2024, 3, 1, 10))])).toBe(false);
    expect(canFold(stored, [randomScan(r, 'ARRIVED_AT_HUB', chinaTime(2024, 3, 1, 11))])).toBe(true);
  });

  it('keeps the rule memory the anomaly prefilter needs', () => {
    const r = random(3);
    const at = (h: number) => chinaTime(2024, 3, 2, h);
    const events = [
      randomScan(r, 'PICKED_UP', at(1)),
      { ...randomScan(r, 'DEPARTED_HUB', at(2)), location: { kind: 'HUB' as const, id: PLACES.HUB_A } },
      { ...randomScan(r, 'ARRIVED_AT_OUTLET', at(3)), location: { kind: 'OUTLET' as const, id: PLACES.OTHER } },
      { ...randomScan(r, 'DELIVERY_FAILED', at(4)), location: { kind: 'OUTLET' as const, id: PLACES.OTHER } },
    ];
    const state = recomputeState(facts, events);
    expect(state).toMatchObject({ openDepartureAt: at(2), lastFailureOutletId: PLACES.OTHER, failedAttempts: 1, currentPlace: { kind: 'OUTLET', id: PLACES.OTHER } });
    const arrived = foldState(state, facts, [{ ...randomScan(r, 'ARRIVED_AT_OUTLET', at(5)), location: { kind: 'OUTLET', id: PLACES.DEST } }]);
    expect(arrived.openDepartureAt).toBeNull();
  });
});
