import type { ScanType } from './scan-event';
import type { ProgressStatus, WaybillStatus } from './waybill-status';

type Row = Readonly<Partial<Record<ScanType, ProgressStatus>>>;

// Scans that may follow any status in which the parcel is in the network's hands. Moves that skip a
// step (an outlet arrival with no hub scan, a signature with no out-for-delivery scan) are allowed:
// scanners drop events, and the anomaly rules — not the status — flag what looks wrong.
const IN_NETWORK: Row = {
  ARRIVED_AT_HUB: 'IN_TRANSIT',
  // Back to a hub after an outlet: misrouted (错分) or transferred; legitimate, not backwards.
  DEPARTED_HUB: 'IN_TRANSIT',
  ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  SIGNED: 'DELIVERED',
  PROBLEM_REPORTED: 'EXCEPTION',
  HELD: 'HELD',
  // A return is a journey back through the network; RETURNING is shown by the return-leg overlay.
  RETURN_STARTED: 'IN_TRANSIT',
  RETURNED: 'DELIVERED',
};

// Self pick-up (自提) at the outlet, or a locker/station collection whose drop-off scan was lost.
const COLLECT: Row = { COLLECTED_BY_RECIPIENT: 'DELIVERED' };

/**
 * Allowed moves as data (状态流转表): from a status, which scans move it where. A scan missing from a
 * row cannot follow that status — e.g. anything after DELIVERED, or a pickup after a hub arrival —
 * and is reported as an inconsistency while the status stays put. SIGNED leads to DELIVERED here;
 * a locker or station signature reads AVAILABLE_FOR_PICKUP (see PICKUP_POINT_SIGNERS).
 */
export const SCAN_TRANSITIONS: Readonly<Record<ProgressStatus, Row>> = {
  CREATED: {
    PICKED_UP: 'IN_TRANSIT',
    ARRIVED_AT_HUB: 'IN_TRANSIT',
    DEPARTED_HUB: 'IN_TRANSIT',
    ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    SIGNED: 'DELIVERED',
    PROBLEM_REPORTED: 'EXCEPTION',
    HELD: 'HELD',
  },
  IN_TRANSIT: IN_NETWORK,
  ARRIVED_AT_OUTLET: { ...IN_NETWORK, ...COLLECT },
  OUT_FOR_DELIVERY: { ...IN_NETWORK, ...COLLECT },
  DELIVERY_FAILED: { ...IN_NETWORK, ...COLLECT },
  // In a locker or station: collected, taken back for doorstep delivery or to the outlet, or returned.
  AVAILABLE_FOR_PICKUP: {
    COLLECTED_BY_RECIPIENT: 'DELIVERED',
    SIGNED: 'DELIVERED',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
    DELIVERY_FAILED: 'DELIVERY_FAILED',
    PROBLEM_REPORTED: 'EXCEPTION',
    RETURN_STARTED: 'IN_TRANSIT',
    RETURNED: 'DELIVERED',
  },
  DELIVERED: {},
  EXCEPTION: { ...IN_NETWORK, ...COLLECT, RELEASED: 'IN_TRANSIT' },
  // Any movement scan after a hold means it was let go, even if the release scan was lost.
  HELD: { ...IN_NETWORK, RELEASED: 'IN_TRANSIT' },
};

/**
 * How a status reads once a return has started (退回): the parcel still moves through hubs and
 * outlets, but to the customer it is RETURNING, and its final signature makes it RETURNED.
 * Exceptions and holds still show, because they need someone to act.
 */
export const RETURN_LEG_STATUS: Readonly<Record<ProgressStatus, WaybillStatus>> = {
  CREATED: 'RETURNING',
  IN_TRANSIT: 'RETURNING',
  ARRIVED_AT_OUTLET: 'RETURNING',
  OUT_FOR_DELIVERY: 'RETURNING',
  DELIVERY_FAILED: 'RETURNING',
  AVAILABLE_FOR_PICKUP: 'RETURNING',
  DELIVERED: 'RETURNED',
  EXCEPTION: 'EXCEPTION',
  HELD: 'HELD',
};

/**
 * Order of scan types with the same event time (scanners stamp to the second or minute): the order
 * a parcel normally meets them, so a same-second arrival and departure read arrive-then-depart.
 */
export const SCAN_TYPE_ORDER: readonly ScanType[] = [
  'PICKED_UP',
  'ARRIVED_AT_HUB',
  'HELD',
  'RELEASED',
  'DEPARTED_HUB',
  'ARRIVED_AT_OUTLET',
  'OUT_FOR_DELIVERY',
  'DELIVERY_FAILED',
  'PROBLEM_REPORTED',
  'RETURN_STARTED',
  'SIGNED',
  'COLLECTED_BY_RECIPIENT',
  'RETURNED',
];

/** Where a scan moves a status, or null when it cannot follow it (an inconsistency). */
export const nextProgress = (from: ProgressStatus, type: ScanType): ProgressStatus | null => SCAN_TRANSITIONS[from][type] ?? null;

/** True when a scan of `type` may follow `from`. */
export const canFollow = (from: ProgressStatus, type: ScanType): boolean => nextProgress(from, type) !== null;
