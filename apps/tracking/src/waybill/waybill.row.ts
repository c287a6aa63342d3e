import type { ScanLocation } from '@courierdesk/domain-parcel';
import type { Watch } from '../anomaly/watch';
import type { TrackedState } from '../scan/tracked-state';
import type { WaybillEntity } from './waybill.entity';

// Raw SQL (unnest batches, unions) returns column names as written: every read selects this list,
// so rows arrive as WaybillEntity-shaped objects. bigint fen is read as float8 (exact to 2^53).
const COLUMNS: readonly [string, keyof WaybillEntity][] = [
  ['waybill_no', 'waybillNo'], ['service_level', 'serviceLevel'], ['origin_district_code', 'originDistrictCode'],
  ['destination_district_code', 'destinationDistrictCode'], ['lane_key', 'laneKey'], ['sender_name', 'senderName'],
  ['sender_phone', 'senderPhone'], ['sender_address', 'senderAddress'], ['recipient_name', 'recipientName'],
  ['recipient_phone', 'recipientPhone'], ['recipient_address', 'recipientAddress'], ['origin_outlet_id', 'originOutletId'],
  ['destination_outlet_id', 'destinationOutletId'], ['weight_grams', 'weightGrams'], ['declared_value_fen::float8', 'declaredValueFen'],
  ['insured_value_fen::float8', 'insuredValueFen'], ['freight_fen::float8', 'freightFen'], ['created_at', 'createdAt'],
  ['status', 'status'], ['progress', 'progress'], ['on_return', 'onReturn'], ['event_count', 'eventCount'],
  ['last_scan_at', 'lastScanAt'], ['last_event_type', 'lastEventType'], ['last_event_at', 'lastEventAt'],
  ['current_place_kind', 'currentPlaceKind'], ['current_place_id', 'currentPlaceId'], ['current_courier_id', 'currentCourierId'],
  ['picked_up_at', 'pickedUpAt'], ['signed_at', 'signedAt'], ['signer_kind', 'signerKind'], ['signer_name', 'signerName'],
  ['collected_at', 'collectedAt'], ['returned_at', 'returnedAt'], ['failed_attempts', 'failedAttempts'],
  ['last_failure_outlet_id', 'lastFailureOutletId'], ['open_departure_at', 'openDepartureAt'], ['signed_scan_at', 'signedScanAt'],
  ['signed_outlet_id', 'signedOutletId'], ['first_out_for_delivery_at', 'firstOutForDeliveryAt'], ['watch_from', 'watchFrom'],
];

/** The select list of a waybill row under alias `w`. */
export const WAYBILL_COLUMNS = COLUMNS.map(([column, field]) => `w.${column} AS "${field}"`).join(', ');

// Ingest reads only what the scan rules and the state need: parties and money are never parsed there.
const NOT_FOR_INGEST = /^(sender|recipient|declared|insured|freight|weight)|DistrictCode$/;

/** The select list recordScans locks and reads (a WaybillRow without parties and money). */
export const INGEST_COLUMNS = COLUMNS.filter(([, field]) => !NOT_FOR_INGEST.test(field))
  .map(([column, field]) => `w.${column} AS "${field}"`)
  .join(', ');

/** A waybill row as raw SQL returns it with WAYBILL_COLUMNS (watch places are never read back). */
export type WaybillRow = Omit<WaybillEntity, 'watchPlaces'>;

/** The scan state stored on a row. */
export function stateOfRow(row: WaybillRow): TrackedState {
  const place: ScanLocation | null = row.currentPlaceKind && row.currentPlaceId ? { kind: row.currentPlaceKind, id: row.currentPlaceId } : null;
  return {
    status: row.status,
    progress: row.progress,
    onReturn: row.onReturn,
    eventCount: row.eventCount,
    lastScanAt: row.lastScanAt,
    lastEventType: row.lastEventType as TrackedState['lastEventType'],
    lastEventAt: row.lastEventAt,
    currentPlace: place,
    currentCourierId: row.currentCourierId,
    pickedUpAt: row.pickedUpAt,
    signedAt: row.signedAt,
    signerKind: row.signerKind,
    signerName: row.signerName,
    collectedAt: row.collectedAt,
    returnedAt: row.returnedAt,
    failedAttempts: row.failedAttempts,
    lastFailureOutletId: row.lastFailureOutletId,
    openDepartureAt: row.openDepartureAt,
    signedScanAt: row.signedScanAt,
    signedOutletId: row.signedOutletId,
    firstOutForDeliveryAt: row.firstOutForDeliveryAt,
  };
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

// The state columns in the order of STATE_UNNEST: (values, SQL array type).
const STATE_FIELDS: readonly [string, string, (s: TrackedState) => unknown][] = [
  ['status', 'text', (s) => s.status],
  ['progress', 'text', (s) => s.progress],
  ['on_return', 'boolean', (s) => s.onReturn],
  ['event_count', 'int', (s) => s.eventCount],
  ['last_scan_at', 'timestamptz', (s) => iso(s.lastScanAt)],
  ['last_event_type', 'text', (s) => s.lastEventType],
  ['last_event_at', 'timestamptz', (s) => iso(s.lastEventAt)],
  ['current_place_kind', 'text', (s) => s.currentPlace?.kind ?? null],
  ['current_place_id', 'uuid', (s) => s.currentPlace?.id ?? null],
  ['current_courier_id', 'uuid', (s) => s.currentCourierId],
  ['picked_up_at', 'timestamptz', (s) => iso(s.pickedUpAt)],
  ['signed_at', 'timestamptz', (s) => iso(s.signedAt)],
  ['signer_kind', 'text', (s) => s.signerKind],
  ['signer_name', 'text', (s) => s.signerName],
  ['collected_at', 'timestamptz', (s) => iso(s.collectedAt)],
  ['returned_at', 'timestamptz', (s) => iso(s.returnedAt)],
  ['failed_attempts', 'int', (s) => s.failedAttempts],
  ['last_failure_outlet_id', 'uuid', (s) => s.lastFailureOutletId],
  ['open_departure_at', 'timestamptz', (s) => iso(s.openDepartureAt)],
  ['signed_scan_at', 'timestamptz', (s) => iso(s.signedScanAt)],
  ['signed_outlet_id', 'uuid', (s) => s.signedOutletId],
  ['first_out_for_delivery_at', 'timestamptz', (s) => iso(s.firstOutForDeliveryAt)],
];

/**
 * One UPDATE for every waybill of a batch: `UPDATE waybill … FROM unnest($1, $2 …)`. The watch
 * places travel as one `{a,b}` literal per row (unnest cannot take an array of arrays of
 * different lengths).
 */
export function updateStatesStatement(updates: readonly { waybillNo: string; state: TrackedState; watch: Watch }[]): [string, unknown[]] {
  const columns = [...STATE_FIELDS.map(([column]) => column), 'watch_places', 'watch_from'];
  const types = [...STATE_FIELDS.map(([, type]) => type), 'text', 'timestamptz'];
  const params: unknown[] = [updates.map((u) => u.waybillNo)];
  for (const [, , get] of STATE_FIELDS) params.push(updates.map((u) => get(u.state)));
  params.push(updates.map((u) => `{${u.watch.places.join(',')}}`));
  params.push(updates.map((u) => iso(u.watch.from)));
  const set = columns.map((c) => (c === 'watch_places' ? `${c} = v.${c}::uuid[]` : `${c} = v.${c}`)).join(', ');
  const unnest = ['text', ...types].map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  // `w.waybill_no = ANY($1)` lets the planner fetch the rows by key whatever its estimate of the
  // unnest, instead of hashing a scan of the whole table.
  const sql = `UPDATE waybill w SET ${set} FROM unnest(${unnest}) AS v(waybill_no, ${columns.join(', ')})
               WHERE w.waybill_no = v.waybill_no AND w.waybill_no = ANY($1::text[])`;
  return [sql, params];
}
