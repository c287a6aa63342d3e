import { PROBLEM_CODES } from './problem-code';
import { DELIVERY_FAILURE_REASONS, SCAN_REQUIREMENTS, SCAN_TYPES, SIGNER_KINDS, type ScanEvent, type ScanType } from './scan-event';

/** For specs: the places random timelines use; DEST is the waybill's destination outlet. */
export const PLACES = { ORIGIN: 'o-origin', DEST: 'o-dest', OTHER: 'o-other', HUB_A: 'h-a', HUB_B: 'h-b' } as const;

/** For specs: a deterministic pseudo-random source (LCG), so a failing case can be replayed by seed. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

// Movement scans are likelier than the rest, so timelines reach the interesting states.
const WEIGHTED: readonly ScanType[] = [
  ...SCAN_TYPES,
  'PICKED_UP', 'ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED', 'SIGNED', 'OUT_FOR_DELIVERY',
];

/** For specs: a random but valid scan of `type` at `eventTime`. */
export function randomScan(r: ReturnType<typeof random>, type: ScanType, eventTime: Date, waybillNo = 'CD000000000019'): ScanEvent {
  const need = SCAN_REQUIREMENTS[type];
  const kind = need.locationKinds.length ? r.pick(need.locationKinds) : null;
  const hasLocation = kind !== null && (need.locationRequired || r.next() < 0.7);
  const id = kind === 'HUB' ? r.pick([PLACES.HUB_A, PLACES.HUB_B]) : r.pick([PLACES.ORIGIN, PLACES.DEST, PLACES.DEST, PLACES.OTHER]);
  return {
    waybillNo,
    type,
    eventTime,
    location: hasLocation && kind ? { kind, id } : null,
    courierId: type === 'OUT_FOR_DELIVERY' || r.next() < 0.2 ? r.pick(['c-1', 'c-2']) : null,
    signer: need.signerRequired ? { kind: r.pick([...SIGNER_KINDS, 'RECIPIENT', 'RECIPIENT']), name: r.next() < 0.5 ? '张三' : null } : null,
    failureReason: need.failureReasonRequired ? r.pick(DELIVERY_FAILURE_REASONS) : null,
    problemCode: need.problemCode === 'REQUIRED' ? r.pick(PROBLEM_CODES) : null,
    note: null,
  };
}

/** For specs: 0–13 random scans within `spanHours` after `from`, on whole hours so that ties happen. */
export function randomTimeline(seed: number, from: Date, spanHours = 240): ScanEvent[] {
  const r = random(seed);
  const n = r.int(14);
  return Array.from({ length: n }, () => randomScan(r, r.pick(WEIGHTED), new Date(from.getTime() + r.int(spanHours) * 3_600_000)));
}
