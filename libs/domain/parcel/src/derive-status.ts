import { assertOneWaybill, foldScans, initialState, NO_FACTS, type StatusInconsistency } from './parcel-state';
import type { ScanEvent, ScanLocation, Signer } from './scan-event';
import type { ProgressStatus, WaybillStatus } from './waybill-status';

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

/**
 * Derives the current status of one waybill from its scan events: a fold of `applyScan` over the
 * timeline in event-time order (repeated identical scans count once). An event that cannot follow
 * the status reached by then (a hub arrival after the signature) is listed in `inconsistencies`
 * and changes nothing.
 */
export function deriveStatus<E extends ScanEvent>(events: readonly E[]): WaybillState<E> {
  assertOneWaybill(events);
  const { state, followed, inconsistencies } = foldScans(initialState(), NO_FACTS, events);
  return {
    status: state.status,
    progress: state.progress,
    lastEvent: followed.at(-1) ?? null,
    currentLocation: state.currentPlace,
    currentHolder: state.currentCourierId,
    pickedUpAt: state.pickedUpAt,
    signedAt: state.signedAt,
    signer: state.signerKind === null ? null : { kind: state.signerKind, name: state.signerName },
    collectedAt: state.collectedAt,
    returnedAt: state.returnedAt,
    failedAttempts: state.failedAttempts,
    returning: state.onReturn,
    timeline: followed,
    inconsistencies,
  };
}
