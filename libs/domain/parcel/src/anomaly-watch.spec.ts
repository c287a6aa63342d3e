import { ANOMALY_CODES, detectAnomalies, type AnomalyCode } from './anomaly';
import { DEFAULT_ANOMALY_POLICY } from './anomaly.policy';
import { addHours, chinaTime, DEFAULT_PEAK_SEASON_POLICY } from '@courierdesk/domain-sla';
import { PLACES, random, randomTimeline } from './random-timeline.test-helper';
import { recomputeState } from './parcel-state';
import { watchOf, watchThresholds } from './anomaly-watch';

const thresholds = watchThresholds([DEFAULT_ANOMALY_POLICY]);
// A quiet month, 双十一 and the weeks before 春节 2025 (stretched thresholds).
const STARTS = [chinaTime(2024, 3, 1, 9), chinaTime(2024, 11, 8, 9), chinaTime(2025, 1, 20, 9)];

describe('anomaly watch (异常件预筛): a superset of detectAnomalies', () => {
  it('names every anomaly’s place and fires no later than any rule, on random timelines', () => {
    const seen = new Set<AnomalyCode>();
    for (let seed = 1; seed <= 1500; seed++) {
      const createdAt = STARTS[seed % STARTS.length];
      const events = randomTimeline(seed, createdAt);
      const facts = { createdAt, originOutletId: PLACES.ORIGIN, destinationOutletId: PLACES.DEST };
      const watch = watchOf(recomputeState(facts, events), facts, thresholds);
      const r = random(seed * 13);
      for (let i = 0; i < 4; i++) {
        const now = addHours(createdAt, 1 + r.int(480));
        const anomalies = detectAnomalies({ waybill: facts, events, now, policy: DEFAULT_ANOMALY_POLICY, peakSeasons: DEFAULT_PEAK_SEASON_POLICY });
        for (const anomaly of anomalies) {
          seen.add(anomaly.code);
          const context = `seed ${seed}, now ${now.toISOString()}, ${anomaly.code}`;
          expect({ context, due: watch.from !== null && watch.from < now }).toEqual({ context, due: true });
          if (anomaly.location) expect({ context, places: watch.places }).toEqual({ context, places: expect.arrayContaining([anomaly.location.id]) });
        }
      }
    }
    // The property means something only if every rule fired at least once.
    expect([...seen].sort()).toEqual([...ANOMALY_CODES].sort());
  });

  it('leaves a cleanly delivered parcel unwatched', () => {
    const createdAt = STARTS[0];
    const at = (h: number) => addHours(createdAt, h);
    const facts = { createdAt, originOutletId: PLACES.ORIGIN, destinationOutletId: PLACES.DEST };
    const scan = (type: any, h: number, more: object = {}) => ({ waybillNo: 'CD000000000019', type, eventTime: at(h), location: null, courierId: null, signer: null, failureReason: null, problemCode: null, note: null, ...more });
    const state = recomputeState(facts, [
      scan('PICKED_UP', 1, { location: { kind: 'OUTLET', id: PLACES.ORIGIN } }),
      scan('OUT_FOR_DELIVERY', 20, { location: { kind: 'OUTLET', id: PLACES.DEST }, courierId: 'c-1' }),
      scan('SIGNED', 21, { location: { kind: 'OUTLET', id: PLACES.DEST }, signer: { kind: 'RECIPIENT', name: null } }),
    ]);
    expect(watchOf(state, facts, thresholds)).toEqual({ places: [], from: null });
  });
});
