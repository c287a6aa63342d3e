import { SCAN_TYPES, ScanType } from './scan-event';
import { RETURN_LEG_STATUS, SCAN_TRANSITIONS, SCAN_TYPE_ORDER, canFollow, nextProgress } from './scan-status.transitions';
import { ProgressStatus, WAYBILL_STATUSES } from './waybill-status';

const PROGRESS = Object.keys(SCAN_TRANSITIONS) as ProgressStatus[];

describe('scan → status transitions', () => {
  it.each([
    ['CREATED', 'PICKED_UP', 'IN_TRANSIT'],
    ['CREATED', 'ARRIVED_AT_HUB', 'IN_TRANSIT'],
    ['CREATED', 'SIGNED', 'DELIVERED'],
    ['CREATED', 'DELIVERY_FAILED', null],
    ['CREATED', 'RETURN_STARTED', null],
    ['CREATED', 'COLLECTED_BY_RECIPIENT', null],
    ['IN_TRANSIT', 'PICKED_UP', null],
    ['IN_TRANSIT', 'ARRIVED_AT_OUTLET', 'ARRIVED_AT_OUTLET'],
    ['IN_TRANSIT', 'RELEASED', null],
    ['ARRIVED_AT_OUTLET', 'DEPARTED_HUB', 'IN_TRANSIT'],
    ['ARRIVED_AT_OUTLET', 'COLLECTED_BY_RECIPIENT', 'DELIVERED'],
    ['OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'DELIVERY_FAILED'],
    ['OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY'],
    ['DELIVERY_FAILED', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY'],
    ['DELIVERY_FAILED', 'RETURN_STARTED', 'IN_TRANSIT'],
    ['AVAILABLE_FOR_PICKUP', 'COLLECTED_BY_RECIPIENT', 'DELIVERED'],
    ['AVAILABLE_FOR_PICKUP', 'ARRIVED_AT_HUB', null],
    ['DELIVERED', 'ARRIVED_AT_HUB', null],
    ['DELIVERED', 'SIGNED', null],
    ['DELIVERED', 'RETURN_STARTED', null],
    ['HELD', 'RELEASED', 'IN_TRANSIT'],
    ['HELD', 'DEPARTED_HUB', 'IN_TRANSIT'],
    ['HELD', 'COLLECTED_BY_RECIPIENT', null],
    ['EXCEPTION', 'OUT_FOR_DELIVERY', 'OUT_FOR_DELIVERY'],
    ['EXCEPTION', 'RETURN_STARTED', 'IN_TRANSIT'],
  ] as const)('%s + %s → %s', (from, type, to) => {
    expect(nextProgress(from, type)).toBe(to);
    expect(canFollow(from, type)).toBe(to !== null);
  });

  it('ends at DELIVERED: nothing follows it', () => expect(SCAN_TRANSITIONS.DELIVERED).toEqual({}));

  it('lets a signature follow every status but DELIVERED', () => {
    for (const from of PROGRESS) expect([from, canFollow(from, 'SIGNED')]).toEqual([from, from !== 'DELIVERED']);
  });

  it('only moves to statuses that exist, never to the return-leg overlay', () => {
    for (const row of Object.values(SCAN_TRANSITIONS)) {
      for (const [type, to] of Object.entries(row)) {
        expect(SCAN_TYPES).toContain(type as ScanType);
        expect(PROGRESS).toContain(to);
      }
    }
  });

  it('has a row and a return-leg reading for every status but the overlays', () => {
    expect([...PROGRESS].sort()).toEqual(WAYBILL_STATUSES.filter((s) => s !== 'RETURNING' && s !== 'RETURNED').sort());
    expect(Object.keys(RETURN_LEG_STATUS).sort()).toEqual([...PROGRESS].sort());
  });

  it('orders every scan type once for same-time ties', () => expect([...SCAN_TYPE_ORDER].sort()).toEqual([...SCAN_TYPES].sort()));
});
