import { DEFAULT_ANOMALY_POLICIES, laneKey, recomputeState, watchOf, type TrackedState } from '@courierdesk/domain-parcel';
import type { DemoScanEvent, DemoWaybill, WaybillHistory } from './tracking-demo.types';

/*
 * The rows of the tracking schema for generated histories, as the tracking subgraph would have
 * written them: the waybill's denormalised scan state and anomaly watch come from the subgraph's own
 * exported rules (recomputeState — deriveStatus over the timeline — and watchOf with its default
 * policies), so a loaded waybill reads exactly as one whose scans went through recordScans
 * (load-tracking-demo.int-spec.ts checks it). The column lists follow the tracking migrations.
 */

/** A value as both loaders write it: text, number, boolean, or null. Times are ISO 8601 text. */
export type CellValue = string | number | boolean | null;

/** A table's columns with their PostgreSQL types (for unnest casts; COPY needs only the names). */
export type ColumnList = readonly (readonly [name: string, type: string])[];

/** Columns of tracking.waybill written by the loaders (all of them). */
export const WAYBILL_COLUMNS: ColumnList = [
  ['waybill_no', 'text'], ['service_level', 'text'], ['origin_district_code', 'text'], ['destination_district_code', 'text'],
  ['lane_key', 'text'], ['sender_name', 'text'], ['sender_phone', 'text'], ['sender_address', 'text'], ['recipient_name', 'text'],
  ['recipient_phone', 'text'], ['recipient_address', 'text'], ['origin_outlet_id', 'uuid'], ['destination_outlet_id', 'uuid'],
  ['weight_grams', 'int'], ['declared_value_fen', 'bigint'], ['insured_value_fen', 'bigint'], ['freight_fen', 'bigint'],
  ['created_at', 'timestamptz'],
  ['status', 'text'], ['progress', 'text'], ['on_return', 'boolean'], ['event_count', 'int'], ['last_scan_at', 'timestamptz'],
  ['last_event_type', 'text'], ['last_event_at', 'timestamptz'], ['current_place_kind', 'text'], ['current_place_id', 'uuid'],
  ['current_courier_id', 'uuid'], ['picked_up_at', 'timestamptz'], ['signed_at', 'timestamptz'], ['signer_kind', 'text'],
  ['signer_name', 'text'], ['collected_at', 'timestamptz'], ['returned_at', 'timestamptz'], ['failed_attempts', 'int'],
  ['last_failure_outlet_id', 'uuid'], ['open_departure_at', 'timestamptz'], ['signed_scan_at', 'timestamptz'],
  ['signed_outlet_id', 'uuid'], ['first_out_for_delivery_at', 'timestamptz'],
  // A `{a,b}` literal: unnest cannot take an array of arrays of different lengths.
  ['watch_places', 'uuid[]'], ['watch_from', 'timestamptz'],
];

/** Columns of tracking.scan_event written by the loaders (received_at keeps its default, as recordScans leaves it). */
export const SCAN_EVENT_COLUMNS: ColumnList = [
  ['waybill_no', 'text'], ['event_time', 'timestamptz'], ['scanner_event_id', 'text'], ['type', 'text'], ['location_kind', 'text'],
  ['location_id', 'uuid'], ['courier_id', 'uuid'], ['signer_kind', 'text'], ['signer_name', 'text'], ['failure_reason', 'text'],
  ['problem_code', 'text'], ['note', 'text'],
];

/** Columns of tracking.lane_transit_time (ETA history). */
export const LANE_TRANSIT_TIME_COLUMNS: ColumnList = [
  ['waybill_no', 'text'], ['lane_key', 'text'], ['service_level', 'text'], ['picked_up_at', 'timestamptz'], ['signed_at', 'timestamptz'],
  ['hours', 'float8'],
];

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

// Lane keys repeat (districts × districts): parse each pair of division codes once.
const laneKeys = new Map<string, string>();
function laneKeyOf(w: DemoWaybill): string {
  const pair = `${w.sender.districtCode}${w.recipient.districtCode}`;
  let key = laneKeys.get(pair);
  if (key === undefined) {
    key = laneKey(w.sender.districtCode, w.recipient.districtCode);
    if (laneKeys.size < 1_000_000) laneKeys.set(pair, key);
  }
  return key;
}

/** The state recordScans would have stored after these scans. */
export function trackedStateOf(history: WaybillHistory): TrackedState {
  return recomputeState({ destinationOutletId: history.waybill.destinationOutletId }, history.events);
}

/** A waybill's row in WAYBILL_COLUMNS order, with the state it was computed from. */
export function waybillRow(history: WaybillHistory, state: TrackedState = trackedStateOf(history)): CellValue[] {
  const w = history.waybill;
  const watch = watchOf(state, w, DEFAULT_ANOMALY_POLICIES.watch);
  return [
    w.waybillNo, w.serviceLevel, w.sender.districtCode, w.recipient.districtCode, laneKeyOf(w), w.sender.name, w.sender.phone,
    w.sender.address, w.recipient.name, w.recipient.phone, w.recipient.address, w.originOutletId, w.destinationOutletId,
    w.weightGrams, w.declaredValueFen, w.insuredValueFen, w.freightFen, w.createdAt.toISOString(),
    state.status, state.progress, state.onReturn, state.eventCount, iso(state.lastScanAt), state.lastEventType,
    iso(state.lastEventAt), state.currentPlace?.kind ?? null, state.currentPlace?.id ?? null, state.currentCourierId,
    iso(state.pickedUpAt), iso(state.signedAt), state.signerKind, state.signerName, iso(state.collectedAt), iso(state.returnedAt),
    state.failedAttempts, state.lastFailureOutletId, iso(state.openDepartureAt), iso(state.signedScanAt), state.signedOutletId,
    iso(state.firstOutForDeliveryAt), `{${watch.places.join(',')}}`, iso(watch.from),
  ];
}

/** A scan's row in SCAN_EVENT_COLUMNS order. */
export const scanEventRow = (e: DemoScanEvent): CellValue[] => [
  e.waybillNo, e.eventTime.toISOString(), e.eventId, e.type, e.location?.kind ?? null, e.location?.id ?? null, e.courierId,
  e.signer?.kind ?? null, e.signer?.name ?? null, e.failureReason, e.problemCode, e.note,
];

/**
 * The lane sample (线路时效) recordScans appends for a waybill signed for on its way to the
 * recipient after a pickup scan (mirrors the tracking subgraph's laneSampleOf, which it does not
 * export), or null.
 */
export function laneTransitTimeRow(history: WaybillHistory, state: TrackedState): CellValue[] | null {
  if (state.onReturn || !state.signedAt || !state.pickedUpAt) return null;
  const hours = (state.signedAt.getTime() - state.pickedUpAt.getTime()) / 3_600_000;
  if (!(hours > 0)) return null;
  const w = history.waybill;
  return [w.waybillNo, laneKeyOf(w), w.serviceLevel, state.pickedUpAt.toISOString(), state.signedAt.toISOString(), hours];
}

/** Every row one history gives, for the three tables. */
export function rowsOf(history: WaybillHistory): { waybill: CellValue[]; events: CellValue[][]; lane: CellValue[] | null } {
  const state = trackedStateOf(history);
  return { waybill: waybillRow(history, state), events: history.events.map(scanEventRow), lane: laneTransitTimeRow(history, state) };
}
