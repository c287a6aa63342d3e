import { ParcelRuleError } from './parcel.errors';
import { PICKUP_POINT_SIGNERS, type ScanEvent, type ScanLocation, type ScanType, type SignerKind } from './scan-event';
import { RETURN_LEG_STATUS, nextProgress } from './scan-status.transitions';
import { sortScanEvents } from './scan-order';
import type { ProgressStatus, WaybillStatus } from './waybill-status';

/**
 * The scan-derived state of a waybill (运单当前状态): its status and everything a lookup, a list
 * filter, the anomaly watch or a lane sample needs without re-reading the timeline. The one rule
 * of how a scan moves a parcel is `applyScan`; every derivation is a fold over it:
 * `deriveStatus` (the whole timeline, for pages and rules), `recomputeState` (the same, for the
 * stored row) and `foldState` (newer scans onto a stored state, for ingest).
 */
export interface TrackedState {
  status: WaybillStatus;
  progress: ProgressStatus;
  /** A return (退回) has started: the status reads RETURNING/RETURNED. */
  onReturn: boolean;
  /** Stored scans, including those the status could not follow. */
  eventCount: number;
  /** Latest event time of any stored scan: a scan at or before it is out of order. */
  lastScanAt: Date | null;
  /** The latest scan the status follows. */
  lastEventType: ScanType | null;
  lastEventAt: Date | null;
  /** Last known transit centre or outlet. */
  currentPlace: ScanLocation | null;
  /** Courier holding it while OUT_FOR_DELIVERY (派送中). */
  currentCourierId: string | null;
  pickedUpAt: Date | null;
  /** Latest signature on the way to the recipient (a collection counts as the recipient's). */
  signedAt: Date | null;
  signerKind: SignerKind | null;
  signerName: string | null;
  /** When the recipient collected it from a locker, station or outlet. */
  collectedAt: Date | null;
  /** When the sender signed for the return. */
  returnedAt: Date | null;
  /** Failed delivery attempts on the way to the recipient. */
  failedAttempts: number;
  // Rule memory for the anomaly watch (anomaly-watch.ts), all over the events the status follows.
  /** Outlet of the latest failed delivery, when it was scanned with one. */
  lastFailureOutletId: string | null;
  /** Last hub departure with no hub arrival and no scan at the destination outlet since (未到达派件网点). */
  openDepartureAt: Date | null;
  /** The latest SIGNED scan on the way to the recipient, and its outlet. */
  signedScanAt: Date | null;
  signedOutletId: string | null;
  firstOutForDeliveryAt: Date | null;
}

/** The waybill facts the state depends on besides its scans. */
export interface StateFacts {
  destinationOutletId: string | null;
}

/** Facts for a derivation that needs no destination-dependent memory. */
export const NO_FACTS: StateFacts = { destinationOutletId: null };

/** The state of a waybill without scans (已下单). */
export function initialState(): TrackedState {
  return {
    status: 'CREATED',
    progress: 'CREATED',
    onReturn: false,
    eventCount: 0,
    lastScanAt: null,
    lastEventType: null,
    lastEventAt: null,
    currentPlace: null,
    currentCourierId: null,
    pickedUpAt: null,
    signedAt: null,
    signerKind: null,
    signerName: null,
    collectedAt: null,
    returnedAt: null,
    failedAttempts: 0,
    lastFailureOutletId: null,
    openDepartureAt: null,
    signedScanAt: null,
    signedOutletId: null,
    firstOutForDeliveryAt: null,
  };
}

const outletOf = (event: ScanEvent): string | null => (event.location?.kind === 'OUTLET' ? event.location.id : null);

/**
 * One scan applied to a state, in event-time order: the new state, or `null` when the status
 * reached so far cannot be followed by this scan (a hub arrival after the signature), which then
 * changes nothing. Counting stored scans (`eventCount`, `lastScanAt`) is the caller's.
 */
export function applyScan(state: TrackedState, event: ScanEvent, facts: StateFacts): TrackedState | null {
  let next = nextProgress(state.progress, event.type);
  if (next === null) return null;
  const s: TrackedState = { ...state };
  const t = event.eventTime;
  const wasOnReturn = s.onReturn;
  if (event.type === 'RETURN_STARTED' || event.type === 'RETURNED') s.onReturn = true;
  const signer = event.type === 'SIGNED' ? event.signer : null;
  // A locker or station signs to hold the parcel for the recipient: available, not yet delivered.
  if (signer && !s.onReturn && PICKUP_POINT_SIGNERS.includes(signer.kind)) next = 'AVAILABLE_FOR_PICKUP';
  if (s.onReturn && next === 'DELIVERED') s.returnedAt = t;
  else if (signer) {
    s.signedAt = t;
    s.signerKind = signer.kind;
    s.signerName = signer.name;
  }
  if (event.type === 'COLLECTED_BY_RECIPIENT' && !s.onReturn) {
    s.collectedAt = t;
    if (s.signerKind === null) {
      s.signedAt = t;
      s.signerKind = 'RECIPIENT';
      s.signerName = null;
    }
  }
  if (event.type === 'PICKED_UP' && s.pickedUpAt === null) s.pickedUpAt = t;
  if (event.type === 'DELIVERY_FAILED' && !s.onReturn) s.failedAttempts += 1;
  // Rule memory of the anomaly watch.
  if (event.type === 'DELIVERY_FAILED') s.lastFailureOutletId = outletOf(event);
  if (event.type === 'OUT_FOR_DELIVERY' && s.firstOutForDeliveryAt === null) s.firstOutForDeliveryAt = t;
  if (event.type === 'SIGNED' && !wasOnReturn && !s.onReturn) {
    s.signedScanAt = t;
    s.signedOutletId = outletOf(event);
  }
  if (event.type === 'DEPARTED_HUB') s.openDepartureAt = t;
  else if (event.type === 'ARRIVED_AT_HUB') s.openDepartureAt = null;
  if (facts.destinationOutletId !== null && outletOf(event) === facts.destinationOutletId) s.openDepartureAt = null;

  if (event.location !== null) s.currentPlace = event.location;
  s.currentCourierId = next === 'OUT_FOR_DELIVERY' ? event.courierId : null;
  s.progress = next;
  s.status = s.onReturn ? RETURN_LEG_STATUS[next] : next;
  s.lastEventType = event.type;
  s.lastEventAt = t;
  return s;
}

/** An event the time-ordered sequence cannot follow: kept out of the status, reported instead of thrown. */
export interface StatusInconsistency<E extends ScanEvent = ScanEvent> {
  event: E;
  /** The status the event could not follow. */
  status: WaybillStatus;
  reason: string;
}

/** A fold of scans onto a state: the state, the events it follows and those it could not. */
export interface ScanFold<E extends ScanEvent = ScanEvent> {
  state: TrackedState;
  /** The events the status follows, de-duplicated, in time order. */
  followed: E[];
  inconsistencies: StatusInconsistency<E>[];
}

const latest = (events: readonly ScanEvent[], since: Date | null): Date | null =>
  events.reduce<Date | null>((max, e) => (max === null || e.eventTime > max ? e.eventTime : max), since);

/**
 * Folds scans onto a state in event-time order (identical scans once). Scanners resend in bursts
 * and out of order: the status follows event time, not arrival. Starting from `initialState()`
 * this is the whole derivation; from a stored state it is exact when `canFold` holds.
 */
export function foldScans<E extends ScanEvent>(start: TrackedState, facts: StateFacts, events: readonly E[]): ScanFold<E> {
  let state = start;
  const followed: E[] = [];
  const inconsistencies: StatusInconsistency<E>[] = [];
  for (const event of sortScanEvents(events)) {
    const next = applyScan(state, event, facts);
    if (next === null) {
      const reason = `${event.type} at ${event.eventTime.toISOString()} cannot follow ${state.status}; status kept`;
      inconsistencies.push({ event, status: state.status, reason });
      continue;
    }
    state = next;
    followed.push(event);
  }
  state = { ...state, eventCount: start.eventCount + events.length, lastScanAt: latest(events, start.lastScanAt) };
  return { state, followed, inconsistencies };
}

/** True when every event is later than every stored scan, so folding gives what a recompute would. */
export const canFold = (state: TrackedState, events: readonly ScanEvent[]): boolean =>
  state.lastScanAt === null || events.every((e) => e.eventTime.getTime() > (state.lastScanAt as Date).getTime());

/**
 * Folds scans newer than every stored one into the state (check `canFold` first). Later scans never
 * change how earlier ones were judged, so this equals a recompute over the whole timeline.
 */
export const foldState = (state: TrackedState, facts: StateFacts, events: readonly ScanEvent[]): TrackedState =>
  foldScans(state, facts, events).state;

/** The state from the whole timeline, in any arrival order. */
export const recomputeState = (facts: StateFacts, events: readonly ScanEvent[]): TrackedState =>
  foldScans(initialState(), facts, events).state;

/** Throws unless every event belongs to one waybill (a derivation is per waybill). */
export function assertOneWaybill(events: readonly ScanEvent[]): void {
  const waybillNos = new Set(events.map((e) => e.waybillNo));
  if (waybillNos.size > 1) {
    throw new ParcelRuleError('INVALID_SCAN_EVENT', `events of ${waybillNos.size} waybills given; derive one waybill at a time`, {
      waybillNos: [...waybillNos],
    });
  }
}
