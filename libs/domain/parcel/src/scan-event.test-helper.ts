import { chinaTime } from '@courierdesk/domain-sla';
import { ScanEvent, ScanType } from './scan-event';

/** For specs: the waybill every built scan belongs to. */
export const WAYBILL_NO = 'CD123456789014';

/** For specs: a China-time instant on day `day` of March 2024 (no peak season) at `hour`. */
export const march = (day: number, hour = 0, minute = 0): Date => chinaTime(2024, 3, day, hour, minute);

const DEFAULTS: Partial<Record<ScanType, Partial<ScanEvent>>> = {
  PICKED_UP: { location: { kind: 'OUTLET', id: 'O-SZ-1' } },
  ARRIVED_AT_HUB: { location: { kind: 'HUB', id: 'H-SZ' } },
  DEPARTED_HUB: { location: { kind: 'HUB', id: 'H-SZ' } },
  ARRIVED_AT_OUTLET: { location: { kind: 'OUTLET', id: 'O-BJ-1' } },
  OUT_FOR_DELIVERY: { location: { kind: 'OUTLET', id: 'O-BJ-1' }, courierId: 'C-7' },
  SIGNED: { signer: { kind: 'RECIPIENT', name: null } },
  DELIVERY_FAILED: { failureReason: 'NOBODY_HOME' },
  PROBLEM_REPORTED: { location: { kind: 'OUTLET', id: 'O-BJ-1' }, problemCode: 'ADDRESS_UNCLEAR' },
  HELD: { location: { kind: 'HUB', id: 'H-SZ' }, problemCode: 'PROHIBITED_ITEM' },
  RELEASED: { location: { kind: 'HUB', id: 'H-SZ' } },
};

/** For specs: a valid scan event with sensible defaults for its type. */
export function scan(type: ScanType, eventTime: Date, more: Partial<ScanEvent> = {}): ScanEvent {
  return {
    waybillNo: WAYBILL_NO,
    type,
    eventTime,
    location: null,
    courierId: null,
    signer: null,
    failureReason: null,
    problemCode: null,
    note: null,
    ...DEFAULTS[type],
    ...more,
  };
}

/** For specs: a deterministic shuffle (seeded LCG), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
