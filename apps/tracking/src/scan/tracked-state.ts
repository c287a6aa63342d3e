import {
  deriveStatus,
  nextProgress,
  PICKUP_POINT_SIGNERS,
  RETURN_LEG_STATUS,
  sortScanEvents,
  type ProgressStatus,
  type ScanEvent,
  type ScanLocation,
  type ScanType,
  type SignerKind,
  type WaybillStatus,
} from '@courierdesk/domain-parcel';

/**
 * The scan-derived state kept on the waybill row (运单当前状态): what a lookup shows without the
 * timeline, what list filters and the anomaly prefilter index, and enough "rule memory" to fold
 * newer scans in without re-reading the timeline.
 *
 * Two ways to it, kept equal by tracked-state.spec.ts: `recomputeState` (deriveStatus over the
 * whole timeline — the rule of record) and `foldState` (the same step per event, for scans newer
 * than every stored one). deriveStatus has no "continue from a state" entry point, so the step is
 * mirrored here; the spec checks both against deriveStatus on random timelines.
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
  /** The latest scan the status follows (deriveStatus' lastEvent). */
  lastEventType: ScanType | null;
  lastEventAt: Date | null;
  /** Last known transit centre or outlet. */
  currentPlace: ScanLocation | null;
  /** Courier holding it while OUT_FOR_DELIVERY (派送中). */
  currentCourierId: string | null;
  pickedUpAt: Date | null;
  signedAt: Date | null;
  signerKind: SignerKind | null;
  signerName: string | null;
  collectedAt: Date | null;
  returnedAt: Date | null;
  failedAttempts: number;
  // Rule memory for the anomaly prefilter (anomaly/watch.ts), all over the events the status follows.
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

const latest = (events: readonly ScanEvent[], since: Date | null): Date | null =>
  events.reduce<Date | null>((max, e) => (max === null || e.eventTime > max ? e.eventTime : max), since);

/** Rule memory of one event the status follows (the same for fold and recompute). */
function remember(s: TrackedState, event: ScanEvent, facts: StateFacts, onReturnBefore: boolean): void {
  const t = event.eventTime;
  if (event.type === 'DELIVERY_FAILED') s.lastFailureOutletId = outletOf(event);
  if (event.type === 'OUT_FOR_DELIVERY' && s.firstOutForDeliveryAt === null) s.firstOutForDeliveryAt = t;
  if (event.type === 'SIGNED' && !onReturnBefore && !s.onReturn) {
    s.signedScanAt = t;
    s.signedOutletId = outletOf(event);
  }
  if (event.type === 'DEPARTED_HUB') s.openDepartureAt = t;
  else if (event.type === 'ARRIVED_AT_HUB') s.openDepartureAt = null;
  if (facts.destinationOutletId !== null && outletOf(event) === facts.destinationOutletId) s.openDepartureAt = null;
}

/** One step of deriveStatus (waybill-status.ts in domain-parcel), mirrored; false for an event the status cannot follow. */
function step(s: TrackedState, event: ScanEvent, facts: StateFacts): boolean {
  let next = nextProgress(s.progress, event.type);
  if (next === null) return false;
  const wasOnReturn = s.onReturn;
  if (event.type === 'RETURN_STARTED' || event.type === 'RETURNED') s.onReturn = true;
  const signer = event.type === 'SIGNED' ? event.signer : null;
  // A locker or station signs to hold the parcel for the recipient: available, not yet delivered.
  if (signer && !s.onReturn && PICKUP_POINT_SIGNERS.includes(signer.kind)) next = 'AVAILABLE_FOR_PICKUP';
  if (s.onReturn && next === 'DELIVERED') s.returnedAt = event.eventTime;
  else if (signer) {
    s.signedAt = event.eventTime;
    s.signerKind = signer.kind;
    s.signerName = signer.name;
  }
  if (event.type === 'COLLECTED_BY_RECIPIENT' && !s.onReturn) {
    s.collectedAt = event.eventTime;
    if (s.signerKind === null) {
      s.signedAt = event.eventTime;
      s.signerKind = 'RECIPIENT';
      s.signerName = null;
    }
  }
  if (event.type === 'PICKED_UP' && s.pickedUpAt === null) s.pickedUpAt = event.eventTime;
  if (event.type === 'DELIVERY_FAILED' && !s.onReturn) s.failedAttempts += 1;
  remember(s, event, facts, wasOnReturn);
  if (event.location !== null) s.currentPlace = event.location;
  s.currentCourierId = next === 'OUT_FOR_DELIVERY' ? event.courierId : null;
  s.progress = next;
  s.status = s.onReturn ? RETURN_LEG_STATUS[next] : next;
  s.lastEventType = event.type;
  s.lastEventAt = event.eventTime;
  return true;
}

/** True when every event is later than every stored scan, so folding gives what a recompute would. */
export const canFold = (state: TrackedState, events: readonly ScanEvent[]): boolean =>
  state.lastScanAt === null || events.every((e) => e.eventTime.getTime() > (state.lastScanAt as Date).getTime());

/**
 * Folds scans newer than every stored one into the state (check `canFold` first). Later scans never
 * change how earlier ones were judged, so this equals a recompute over the whole timeline.
 */
export function foldState(state: TrackedState, facts: StateFacts, events: readonly ScanEvent[]): TrackedState {
  const s: TrackedState = { ...state };
  for (const event of sortScanEvents(events)) step(s, event, facts);
  s.eventCount = state.eventCount + events.length;
  s.lastScanAt = latest(events, state.lastScanAt);
  return s;
}

/** The state from the whole timeline, by deriveStatus (the rule of record; any arrival order). */
export function recomputeState(facts: StateFacts, events: readonly ScanEvent[]): TrackedState {
  const derived = deriveStatus(events);
  const s = initialState();
  let onReturn = false;
  for (const event of derived.timeline) {
    const before = onReturn;
    if (event.type === 'RETURN_STARTED' || event.type === 'RETURNED') onReturn = true;
    s.onReturn = onReturn;
    remember(s, event, facts, before);
  }
  return {
    ...s,
    status: derived.status,
    progress: derived.progress,
    onReturn: derived.returning,
    eventCount: events.length,
    lastScanAt: latest(events, null),
    lastEventType: derived.lastEvent?.type ?? null,
    lastEventAt: derived.lastEvent?.eventTime ?? null,
    currentPlace: derived.currentLocation,
    currentCourierId: derived.currentHolder,
    pickedUpAt: derived.pickedUpAt,
    signedAt: derived.signedAt,
    signerKind: derived.signer?.kind ?? null,
    signerName: derived.signer?.name ?? null,
    collectedAt: derived.collectedAt,
    returnedAt: derived.returnedAt,
    failedAttempts: derived.failedAttempts,
  };
}
