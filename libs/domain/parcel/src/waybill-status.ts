import { ParcelRuleError } from './parcel.errors';
import { PICKUP_POINT_SIGNERS, ScanEvent, ScanLocation, Signer } from './scan-event';
import { RETURN_LEG_STATUS, SCAN_TYPE_ORDER, nextProgress } from './scan-status.transitions';

/** Normalised waybill status (运单状态), the ~10 main states of public tracking services. Values are API. */
export const WaybillStatus = {
  /** Order created, information received, not yet collected (已下单). */
  CREATED: 'CREATED',
  /** Collected and moving between outlets and transit centres (运输中). */
  IN_TRANSIT: 'IN_TRANSIT',
  /** At an outlet, normally the destination outlet (到达派件网点). */
  ARRIVED_AT_OUTLET: 'ARRIVED_AT_OUTLET',
  /** Out for delivery with a courier (派送中). */
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  /** A delivery attempt failed (派送失败); another attempt or a problem follows. */
  DELIVERY_FAILED: 'DELIVERY_FAILED',
  /** In a locker or partner station, waiting for the recipient (待取件). */
  AVAILABLE_FOR_PICKUP: 'AVAILABLE_FOR_PICKUP',
  /** Signed for or collected (已签收). */
  DELIVERED: 'DELIVERED',
  /** Problem parcel (问题件/疑难件): registered, waiting to be handled. */
  EXCEPTION: 'EXCEPTION',
  /** Held (扣件), e.g. a prohibited item at a hub. */
  HELD: 'HELD',
  /** On its way back to the sender (退回中). */
  RETURNING: 'RETURNING',
  /** Back with the sender (已退回). */
  RETURNED: 'RETURNED',
} as const;
/** Normalised waybill status (运单状态). */
export type WaybillStatus = (typeof WaybillStatus)[keyof typeof WaybillStatus];

/** All waybill statuses, in declaration order. */
export const WAYBILL_STATUSES: readonly WaybillStatus[] = Object.values(WaybillStatus);

/** Statuses after which nothing more is expected. */
export const FINAL_STATUSES: readonly WaybillStatus[] = ['DELIVERED', 'RETURNED'];

/** Where the parcel is in its journey, before the return-leg overlay turns it into RETURNING/RETURNED. */
export type ProgressStatus = Exclude<WaybillStatus, 'RETURNING' | 'RETURNED'>;

/** An event the time-ordered sequence cannot follow: kept out of the status, reported instead of thrown. */
export interface StatusInconsistency<E extends ScanEvent = ScanEvent> {
  event: E;
  /** The status the event could not follow. */
  status: WaybillStatus;
  reason: string;
}

/** Everything the tracking page and the anomaly rules need, derived from the scans alone. */
export interface WaybillState<E extends ScanEvent = ScanEvent> {
  status: WaybillStatus;
  /** The status without the return-leg overlay (where the parcel physically is in the flow). */
  progress: ProgressStatus;
  /** The latest event the status follows (inconsistent events excluded). */
  lastEvent: E | null;
  /** Last known hub or outlet. */
  currentLocation: ScanLocation | null;
  /** Courier id while OUT_FOR_DELIVERY, else null. */
  currentHolder: string | null;
  pickedUpAt: Date | null;
  /** Latest signature on the way to the recipient (a collection counts as the recipient's). */
  signedAt: Date | null;
  signer: Signer | null;
  /** When the recipient collected it from a locker, station or outlet. */
  collectedAt: Date | null;
  /** When the sender signed for the return. */
  returnedAt: Date | null;
  /** Failed delivery attempts on the way to the recipient. */
  failedAttempts: number;
  returning: boolean;
  /** The events the status follows, de-duplicated, in time order. */
  timeline: E[];
  inconsistencies: StatusInconsistency<E>[];
}

const typeRank = new Map(SCAN_TYPE_ORDER.map((type, i) => [type, i]));

/** Everything an event says, as one string: equal keys are the same scan sent twice. */
function eventKey(event: ScanEvent): string {
  const { type, eventTime, location, courierId, signer, failureReason, problemCode, note } = event;
  const where = [location?.kind, location?.id];
  const who = [courierId, signer?.kind, signer?.name];
  return JSON.stringify([eventTime.getTime(), type, ...where, ...who, failureReason, problemCode, note]);
}

/**
 * Orders events by event time, then scan type order, then content: a total order, so the same set
 * of events always gives the same sequence whatever order they arrived in.
 */
export function sortScanEvents<E extends ScanEvent>(events: readonly E[]): E[] {
  const keyed = events.map((event) => ({ event, key: eventKey(event) }));
  keyed.sort(
    (a, b) =>
      a.event.eventTime.getTime() - b.event.eventTime.getTime() ||
      (typeRank.get(a.event.type) ?? 99) - (typeRank.get(b.event.type) ?? 99) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return keyed.filter((item, i) => i === 0 || item.key !== keyed[i - 1].key).map((item) => item.event);
}

/**
 * Derives the current status of one waybill from its scan events. Scanners resend in bursts and
 * out of order: the status follows event time, not arrival, and repeated identical scans count once.
 * An event that cannot follow the status reached by then (a hub arrival after the signature) is
 * listed in `inconsistencies` and changes nothing.
 */
export function deriveStatus<E extends ScanEvent>(events: readonly E[]): WaybillState<E> {
  const waybillNos = new Set(events.map((e) => e.waybillNo));
  if (waybillNos.size > 1) {
    throw new ParcelRuleError('INVALID_SCAN_EVENT', `events of ${waybillNos.size} waybills given; derive one waybill at a time`, {
      waybillNos: [...waybillNos],
    });
  }
  const state: WaybillState<E> = {
    status: 'CREATED',
    progress: 'CREATED',
    lastEvent: null,
    currentLocation: null,
    currentHolder: null,
    pickedUpAt: null,
    signedAt: null,
    signer: null,
    collectedAt: null,
    returnedAt: null,
    failedAttempts: 0,
    returning: false,
    timeline: [],
    inconsistencies: [],
  };
  for (const event of sortScanEvents(events)) {
    let next = nextProgress(state.progress, event.type);
    if (next === null) {
      state.inconsistencies.push({
        event,
        status: state.status,
        reason: `${event.type} at ${event.eventTime.toISOString()} cannot follow ${state.status}; status kept`,
      });
      continue;
    }
    if (event.type === 'RETURN_STARTED' || event.type === 'RETURNED') state.returning = true;
    const signer = event.type === 'SIGNED' ? event.signer : null;
    // A locker or station signs to hold the parcel for the recipient: available, not yet delivered.
    if (signer && !state.returning && PICKUP_POINT_SIGNERS.includes(signer.kind)) next = 'AVAILABLE_FOR_PICKUP';
    if (state.returning && next === 'DELIVERED') state.returnedAt = event.eventTime;
    else if (signer) {
      state.signedAt = event.eventTime;
      state.signer = signer;
    }
    if (event.type === 'COLLECTED_BY_RECIPIENT' && !state.returning) {
      state.collectedAt = event.eventTime;
      if (state.signer === null) {
        state.signedAt = event.eventTime;
        state.signer = { kind: 'RECIPIENT', name: null };
      }
    }
    if (event.type === 'PICKED_UP' && state.pickedUpAt === null) state.pickedUpAt = event.eventTime;
    if (event.type === 'DELIVERY_FAILED' && !state.returning) state.failedAttempts += 1;
    if (event.location !== null) state.currentLocation = event.location;
    state.currentHolder = next === 'OUT_FOR_DELIVERY' ? event.courierId : null;
    state.progress = next;
    state.status = state.returning ? RETURN_LEG_STATUS[next] : next;
    state.lastEvent = event;
    state.timeline.push(event);
  }
  return state;
}
