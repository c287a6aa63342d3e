import { chinaTime } from '@courierdesk/domain-sla';
import { estimateDelivery } from './eta';
import { DEFAULT_LATE_ETA_POLICY, estimateAt, type EtaPosition } from './eta-lateness';
import { thrownCode } from '@courierdesk/domain-core/testing';
import { WAYBILL_STATUSES, type WaybillStatus } from './waybill-status';

// STANDARD Shenzhen → Beijing without lane history: promised 72 h after pickup (SERVICE_LEVEL_DEFAULT).
const shippedAt = chinaTime(2024, 3, 1, 10);
const promise = estimateDelivery({ shippedAt, lane: { originCity: '440300', destinationCity: '110100' }, serviceLevel: 'STANDARD', history: [] });
const at = (hours: number) => new Date(shippedAt.getTime() + hours * 3_600_000);
const hoursOf = (d: Date) => (d.getTime() - shippedAt.getTime()) / 3_600_000;
const position = (status: WaybillStatus, lastEventAt: number | null, atDestination = false): EtaPosition => ({ status, lastEventAt: lastEventAt === null ? null : at(lastEventAt), atDestination });

describe('estimateAt: a late parcel says so and is re-estimated from where it is', () => {
  it('keeps the promise while it holds (72 h after pickup), to the minute it passes', () => {
    for (const now of [50, 72]) {
      expect(estimateAt(promise, shippedAt, position('IN_TRANSIT', 10), at(now))).toEqual({ ...promise, promisedAt: at(72), late: false, lateSince: null });
    }
  });

  // [case, status, last scan (h after pickup), at destination, now (h), source, expected delivery (h)]
  it.each<[string, WaybillStatus, number | null, boolean, number, string, number]>([
    ['in transit, rest of the lane from the last scan (≥ the last mile)', 'IN_TRANSIT', 70, false, 73, 'REMAINING_LANE_TIME', 82],
    ['in transit, stalled: the rest of the lane counted from now', 'IN_TRANSIT', 20, false, 73, 'REMAINING_LANE_TIME', 73 + 52],
    ['misrouted to another outlet: still the rest of the lane', 'ARRIVED_AT_OUTLET', 70, false, 75, 'REMAINING_LANE_TIME', 82],
    ['at the destination outlet: the last mile', 'ARRIVED_AT_OUTLET', 70, true, 75, 'LAST_MILE', 82],
    ['out for delivery: the round', 'OUT_FOR_DELIVERY', 74, true, 75, 'LAST_MILE', 78],
    ['out for delivery since long: the round from now', 'OUT_FOR_DELIVERY', 60, true, 75, 'LAST_MILE', 79],
    ['delivery failed: the next attempt a day after', 'DELIVERY_FAILED', 70, true, 80, 'DELIVERY_RETRY', 94],
    ['delivery failed a day and more ago: the retry counted from now', 'DELIVERY_FAILED', 70, true, 100, 'DELIVERY_RETRY', 124],
    ['a problem parcel: the rest of the lane', 'EXCEPTION', 50, false, 80, 'REMAINING_LANE_TIME', 80 + 22],
    ['held at a hub', 'HELD', 71, false, 73, 'REMAINING_LANE_TIME', 83],
    ['never picked up (counted from the order): the whole lane from now', 'CREATED', null, false, 80, 'AWAITING_PICKUP', 152],
  ])('%s', (_case, status, last, atDestination, now, source, expected) => {
    const eta = estimateAt(promise, shippedAt, position(status, last, atDestination), at(now));
    expect({ late: eta.late, lateSince: eta.lateSince, promisedAt: eta.promisedAt, source: eta.source, expectedAt: hoursOf(eta.expectedAt), confidence: eta.confidence }).toEqual({
      late: true,
      lateSince: at(72),
      promisedAt: at(72),
      source,
      expectedAt: expected,
      confidence: 'LOW',
    });
    expect(eta.basis).toMatch(/^late since 2024-03-04 10:00 \(UTC\+8\), the promised delivery \(only 0 past STANDARD parcels/);
  });

  it('never shows an undelivered parcel’s expected delivery in the past, and keeps the band around it', () => {
    for (const status of WAYBILL_STATUSES) {
      for (const last of [null, 0, 30, 71, 90]) {
        for (const now of [60, 72.5, 80, 200]) {
          if (last !== null && last > now) continue;
          const eta = estimateAt(promise, shippedAt, position(status, last, last !== null && last > 60), at(now));
          expect(eta.expectedAt.getTime()).toBeGreaterThanOrEqual(at(now).getTime());
          expect(eta.earliest.getTime()).toBeLessThanOrEqual(eta.expectedAt.getTime());
          expect(eta.latest.getTime()).toBeGreaterThanOrEqual(eta.expectedAt.getTime());
          expect(eta.late).toBe(now > 72);
          if (eta.late) expect(eta.earliest.getTime()).toBeGreaterThanOrEqual(at(now).getTime());
          expect(eta.lateSince).toEqual(eta.late ? at(72) : null);
        }
      }
    }
  });

  it('refuses a policy time that is none', () => {
    expect(thrownCode(() => estimateAt(promise, shippedAt, position('IN_TRANSIT', 1), at(80), { ...DEFAULT_LATE_ETA_POLICY, retryHours: 0 }))).toBe('INVALID_ETA_INPUT');
  });
});
