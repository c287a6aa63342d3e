import { normalizePhone, parseDistrictCode } from '@courierdesk/domain-network';
import {
  ANOMALY_CODES,
  DEFAULT_ANOMALY_POLICY,
  deriveStatus,
  detectAnomalies,
  laneKey,
  parseWaybillNo,
  validateScanEvent,
  WAYBILL_STATUSES,
  type AnomalyCode,
  type WaybillStatus,
} from '@courierdesk/domain-parcel';
import { chinaTime, DEFAULT_PEAK_SEASON_POLICY, peakSeasonAt } from '@courierdesk/domain-sla';
import { generateNetworkDemo } from './network-demo';
import { generateTrackingDemo, TrackingHistoryGenerator } from './tracking-demo';
import { JourneyScenario, type TrackingDemo, type WaybillHistory } from './tracking-demo.types';

const network = generateNetworkDemo();
const courierOutlet = new Map(network.couriers.map((c) => [c.id, c.outletId]));
const centreIds = new Set(network.transitCentres.map((c) => c.id));
const outletsById = new Map(network.outlets.map((o) => [o.id, o]));

// Ten days after 双十一 (stalls of 4–6 days ago fall in the peak window), and a quiet March.
const NOW_AFTER_PEAK = chinaTime(2026, 11, 23, 10);
const NOW_QUIET = chinaTime(2026, 3, 18, 15);
const demos: [string, TrackingDemo][] = [
  ['after 双十一', generateTrackingDemo(network, { waybills: 3000, now: NOW_AFTER_PEAK })],
  ['in a quiet March', generateTrackingDemo(network, { waybills: 3000, now: NOW_QUIET, seed: 9 })],
];

const anomaliesOf = (h: WaybillHistory, now: Date) =>
  detectAnomalies({ waybill: h.waybill, events: h.events, now, policy: DEFAULT_ANOMALY_POLICY, peakSeasons: DEFAULT_PEAK_SEASON_POLICY });

describe('generateTrackingDemo', () => {
  it('is deterministic, and a history depends only on its seed and sequence', () => {
    const options = { waybills: 200, now: NOW_AFTER_PEAK, seed: 3 };
    const demo = generateTrackingDemo(network, options);
    expect(generateTrackingDemo(network, options)).toEqual(demo);
    expect(new TrackingHistoryGenerator(network, { ...options, waybills: 0 }).history(137)).toEqual(demo.histories[136]);
    expect(generateTrackingDemo(network, { ...options, seed: 4 }).histories[0]).not.toEqual(demo.histories[0]);
  });

  it.each(demos)('counts what it generated (%s)', (_, demo) => {
    expect(demo.counts.waybills).toBe(demo.histories.length);
    expect(demo.counts.events).toBe(demo.histories.reduce((n, h) => n + h.events.length, 0));
    expect(Object.values(demo.counts.byScenario).reduce((a, b) => a + b, 0)).toBe(demo.histories.length);
    expect(demo.counts.events / demo.counts.waybills).toBeGreaterThan(6);
  });

  it.each(demos)('generates waybills the tracking subgraph accepts (%s)', (_, demo) => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const { waybill: w } of demo.histories) {
      check(parseWaybillNo(w.waybillNo) === w.waybillNo, `${w.waybillNo} number`);
      for (const party of [w.sender, w.recipient]) {
        check(normalizePhone(party.phone) === party.phone && /^1[3-9]\d{9}$/.test(party.phone), `${w.waybillNo} phone ${party.phone}`);
        check(party.name.length > 1 && party.address.length > 0 && [...party.address].length <= 200, `${w.waybillNo} name/address`);
        check(parseDistrictCode(party.districtCode).code === party.districtCode, `${w.waybillNo} district`);
      }
      check(w.sender.districtCode === outletsById.get(w.originOutletId)?.districtCode, `${w.waybillNo} sender district`);
      check(w.recipient.districtCode === outletsById.get(w.destinationOutletId)?.districtCode, `${w.waybillNo} recipient district`);
      check(/^\d{6}-\d{6}$/.test(laneKey(w.sender.districtCode, w.recipient.districtCode)), `${w.waybillNo} lane`);
      check(Number.isInteger(w.freightFen) && w.freightFen > 0 && w.insuredValueFen <= w.declaredValueFen && w.weightGrams > 0, `${w.waybillNo} money`);
      check(w.createdAt.getTime() <= demo.options.now.getTime(), `${w.waybillNo} created after now`);
    }
    expect(problems).toEqual([]);
    expect(new Set(demo.histories.map((h) => h.waybill.waybillNo)).size).toBe(demo.histories.length);
  });

  it.each(demos)('generates scans that pass validateScanEvent, in time order, with unique scanner ids (%s)', (_, demo) => {
    const problems: unknown[] = [];
    const ids = new Set<string>();
    for (const { waybill, events } of demo.histories) {
      events.forEach((event, i) => {
        const result = validateScanEvent(event, { now: demo.options.now, waybillCreatedAt: waybill.createdAt });
        if (!result.ok) problems.push({ waybillNo: waybill.waybillNo, i, reasons: result.reasons });
        const previous = i > 0 ? events[i - 1].eventTime : waybill.createdAt;
        if (event.eventTime.getTime() <= previous.getTime()) problems.push({ waybillNo: waybill.waybillNo, i, problem: 'not after the previous scan' });
        ids.add(event.eventId);
      });
      const { inconsistencies } = deriveStatus(events);
      if (inconsistencies.length > 0) problems.push({ waybillNo: waybill.waybillNo, inconsistencies: inconsistencies.map((x) => x.reason) });
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(demo.counts.events);
  });

  it.each(demos)('scans where the parcel is, by whom handles it (%s)', (_, demo) => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const { waybill: w, events } of demo.histories) {
      const turn = events.findIndex((e) => e.type === 'RETURN_STARTED');
      events.forEach((e, i) => {
        const where = `${w.waybillNo} #${i} ${e.type}`;
        if (['ARRIVED_AT_HUB', 'DEPARTED_HUB', 'HELD', 'RELEASED'].includes(e.type)) check(e.location?.kind === 'HUB' && centreIds.has(e.location.id), where);
        if (e.type === 'PICKED_UP') {
          check(e.location?.kind === 'OUTLET' && e.location.id === w.originOutletId, where);
          check(courierOutlet.get(e.courierId!) === w.originOutletId, `${where}: courier`);
        }
        if (['OUT_FOR_DELIVERY', 'SIGNED', 'DELIVERY_FAILED', 'COLLECTED_BY_RECIPIENT', 'RETURNED'].includes(e.type)) {
          // Delivered by the destination outlet's courier; a return by the origin outlet's, to the sender.
          const outletId = turn >= 0 && i > turn ? w.originOutletId : w.destinationOutletId;
          check(e.location?.kind === 'OUTLET' && e.location.id === outletId, where);
          if (e.courierId) check(courierOutlet.get(e.courierId) === outletId, `${where}: courier`);
        }
      });
      // The first hub is the origin city's transit centre; a delivered parcel's last, the destination city's.
      const hubs = events.filter((e) => e.type === 'ARRIVED_AT_HUB').map((e) => e.location!.id);
      if (hubs.length > 0) check(hubs[0] === outletsById.get(w.originOutletId)!.transitCentreId, `${w.waybillNo} first hub`);
      if (turn < 0 && events.some((e) => e.type === 'SIGNED')) {
        check(hubs[hubs.length - 1] === outletsById.get(w.destinationOutletId)!.transitCentreId, `${w.waybillNo} last hub`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(demos)('tells every story, mostly normal journeys (%s)', (_, demo) => {
    const { byScenario, waybills } = demo.counts;
    for (const scenario of Object.values(JourneyScenario)) expect({ scenario, n: byScenario[scenario] > 0 }).toEqual({ scenario, n: true });
    expect(byScenario.NORMAL / waybills).toBeGreaterThan(0.75);
    expect(byScenario.NORMAL / waybills).toBeLessThan(0.85);
  });

  it.each(demos)('shows every anomaly kind and most statuses to detectAnomalies (%s)', (_, demo) => {
    const seen = new Set<AnomalyCode>();
    const statuses = new Set<WaybillStatus>();
    for (const history of demo.histories) {
      for (const anomaly of anomaliesOf(history, demo.options.now)) seen.add(anomaly.code);
      statuses.add(deriveStatus(history.events).status);
    }
    expect([...seen].sort()).toEqual([...ANOMALY_CODES].sort());
    // HELD and RETURNING are rare at any one instant; every other status shows.
    expect(WAYBILL_STATUSES.filter((s) => !statuses.has(s) && s !== 'HELD' && s !== 'RETURNING')).toEqual([]);
  });

  it.each(demos)('makes the anomaly stories anomalous, and nearly every normal journey clean (%s)', (_, demo) => {
    const expected: Partial<Record<JourneyScenario, AnomalyCode>> = {
      STALLED_IN_TRANSIT: 'NOT_ARRIVED_AT_FINAL_OUTLET',
      NO_PICKUP: 'NO_PICKUP_SCAN',
      REPEATED_DELIVERY_FAILURE: 'REPEATED_DELIVERY_FAILURE',
    };
    let normal = 0;
    let cleanNormal = 0;
    for (const history of demo.histories) {
      const codes = anomaliesOf(history, demo.options.now).map((a) => a.code);
      const code = expected[history.waybill.scenario];
      if (code) expect({ waybillNo: history.waybill.waybillNo, codes }).toEqual({ waybillNo: history.waybill.waybillNo, codes: expect.arrayContaining([code]) });
      if (history.waybill.scenario === 'NORMAL') {
        normal += 1;
        // A locker parcel not collected yet is flagged until collected: the only anomaly a normal journey may show.
        if (codes.every((c) => c === 'SIGNED_BY_OTHER')) cleanNormal += 1;
      }
    }
    expect(cleanNormal).toBe(normal);
  });

  it('stalls 4–6 days before now: anomalous unless the 双十一 threshold stretch still covers them', () => {
    for (const [, demo] of demos) {
      const now = demo.options.now;
      for (const h of demo.histories.filter((x) => x.waybill.scenario === 'STALLED_AT_HUB' || x.waybill.scenario === 'STALLED_AT_OUTLET')) {
        const last = h.events[h.events.length - 1].eventTime;
        const days = (now.getTime() - last.getTime()) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(4);
        expect(days).toBeLessThanOrEqual(6);
        const stalled = anomaliesOf(h, now).some((a) => a.code.startsWith('STALLED'));
        // 72 h × 1.5 = 108 h during 双十一: a stall shorter than that is not (yet) anomalous.
        expect(stalled || (peakSeasonAt(last, DEFAULT_PEAK_SEASON_POLICY) !== null && days <= 4.5)).toBe(true);
      }
    }
  });

  it('puts a share of the waybills in the 双十一 week, with slower journeys', () => {
    const [, demo] = demos[0];
    const { start, end } = demo.options.peakWeek;
    expect(start).toEqual(chinaTime(2026, 11, 8));
    const peak = demo.histories.filter((h) => h.waybill.peakSeason);
    expect(peak.length / demo.histories.length).toBeGreaterThan(0.04);
    for (const h of peak) expect(h.waybill.createdAt >= start && h.waybill.createdAt < end).toBe(true);
    const median = (hs: WaybillHistory[]) => {
      const hours = hs
        .filter((h) => h.waybill.scenario === 'NORMAL')
        .map((h) => deriveStatus(h.events))
        .filter((s) => s.pickedUpAt && s.signedAt)
        .map((s) => (s.signedAt!.getTime() - s.pickedUpAt!.getTime()) / 3_600_000)
        .sort((a, b) => a - b);
      return hours[Math.floor(hours.length / 2)];
    };
    expect(median(peak)).toBeGreaterThan(median(demo.histories.filter((h) => !h.waybill.peakSeason)) * 1.3);
  });

  it.each([
    [{ waybills: -1 }, /waybills/],
    [{ waybills: 1, now: new Date('x') }, /now/],
    [{ waybills: 1, days: 0 }, /days/],
    [{ waybills: 2, firstSequence: 99_999_999_999 }, /sequences/],
    [{ waybills: 1, peakSeasonShare: 2 }, /peakSeasonShare/],
  ])('refuses options %o', (options, message) => {
    expect(() => generateTrackingDemo(network, { now: NOW_QUIET, ...options })).toThrow(message);
  });
});
