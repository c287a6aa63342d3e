import type { ScanLocation, TrackedState, Watch } from '@courierdesk/domain-parcel';
import { selectList, withDates } from '@courierdesk/platform-subgraph';
import type { WaybillEntity } from './waybill.entity';

// Raw SQL (unnest batches, unions) returns column names as written: every read selects this list,
// so rows arrive as WaybillEntity-shaped objects. bigint fen is read as float8 (exact to 2^53).
const COLUMNS: readonly [string, keyof WaybillEntity][] = [
  ['waybill_no', 'waybillNo'], ['service_level', 'serviceLevel'], ['origin_district_code', 'originDistrictCode'],
  ['destination_district_code', 'destinationDistrictCode'], ['lane_key', 'laneKey'], ['sender_name', 'senderName'],
  ['sender_phone', 'senderPhone'], ['sender_address', 'senderAddress'], ['recipient_name', 'recipientName'],
  ['recipient_phone', 'recipientPhone'], ['recipient_address', 'recipientAddress'], ['origin_outlet_id', 'originOutletId'],
  ['destination_outlet_id', 'destinationOutletId'], ['weight_grams', 'weightGrams'], ['declared_value_fen::float8', 'declaredValueFen'],
  ['insured_value_fen::float8', 'insuredValueFen'], ['freight_fen::float8', 'freightFen'], ['length_cm', 'lengthCm'], ['width_cm', 'widthCm'], ['height_cm', 'heightCm'],
  ['upstairs_floors', 'upstairsFloors'], ['surcharges', 'surcharges'], ['created_at', 'createdAt'],
  ['status', 'status'], ['progress', 'progress'], ['on_return', 'onReturn'], ['event_count', 'eventCount'],
  ['last_scan_at', 'lastScanAt'], ['last_event_type', 'lastEventType'], ['last_event_at', 'lastEventAt'],
  ['current_place_kind', 'currentPlaceKind'], ['current_place_id', 'currentPlaceId'], ['current_courier_id', 'currentCourierId'],
  ['picked_up_at', 'pickedUpAt'], ['signed_at', 'signedAt'], ['signer_kind', 'signerKind'], ['signer_name', 'signerName'],
  ['collected_at', 'collectedAt'], ['returned_at', 'returnedAt'], ['failed_attempts', 'failedAttempts'],
  ['last_failure_outlet_id', 'lastFailureOutletId'], ['open_departure_at', 'openDepartureAt'], ['signed_scan_at', 'signedScanAt'],
  ['signed_outlet_id', 'signedOutletId'], ['first_out_for_delivery_at', 'firstOutForDeliveryAt'], ['watch_from', 'watchFrom'],
  ['contents', 'contents'],
];

// Timestamps a page or recordScans reads travel as epoch milliseconds (float8, exact for ms): pg's
// parsing of timestamptz text was ~7 % of the ingest's Node time and most of a narrow page's driver
// time (profiles in bench/REPORT.md).
const TIMESTAMP_FIELDS = new Set<keyof WaybillEntity>([
  'createdAt', 'lastScanAt', 'lastEventAt', 'pickedUpAt', 'signedAt', 'collectedAt', 'returnedAt',
  'openDepartureAt', 'signedScanAt', 'firstOutForDeliveryAt', 'watchFrom',
]);

/** The select list of a whole waybill row under alias `w` (the waybill loader). */
export const WAYBILL_COLUMNS = selectList('w', COLUMNS);

/**
 * What a page of waybills reads (page rows narrow, entity rows through the loader: platform
 * page-rows.ts): the key, the sort columns of every list order (cursors), the status, the outlet
 * and place ids the reference fields and the row rule read, and what the anomaly rules read
 * (anomaly.rules.ts: creation, outlets, watch), so work queues are judged on page rows. The
 * timeline loader needs only the number and creation. Parties, money, lane and the rest of the scan
 * state come through the waybill loader, for the pages that ask for them (waybill.resolver.ts).
 */
const PAGE_FIELDS = [
  'waybillNo', 'status', 'createdAt', 'lastScanAt', 'watchFrom',
  'originOutletId', 'destinationOutletId', 'currentPlaceKind', 'currentPlaceId', 'currentCourierId',
] as const satisfies readonly (keyof WaybillEntity)[];

/** The select list of a page row under alias `w` (timestamps as epoch ms: see pageRowOf). */
export const WAYBILL_PAGE_COLUMNS = selectList('w', COLUMNS, { only: new Set(PAGE_FIELDS), epochMs: TIMESTAMP_FIELDS });

/** A row selected with WAYBILL_PAGE_COLUMNS, its epoch-ms timestamps made Dates. */
export const pageRowOf = (raw: Record<string, unknown>): WaybillPageRow => withDates(raw, TIMESTAMP_FIELDS);

// Ingest reads only what the scan rules and the state need: parties and money are never parsed there.
const NOT_FOR_INGEST = /^(sender|recipient|declared|insured|freight|weight|length|width|height|upstairs|surcharges|contents)|DistrictCode$/;

/** The select list recordScans reads (a WaybillRow without parties and money, timestamps as epoch ms: see ingestRowOf). */
export const INGEST_COLUMNS = selectList('w', COLUMNS, { only: new Set(COLUMNS.map(([, field]) => field).filter((field) => !NOT_FOR_INGEST.test(field))), epochMs: TIMESTAMP_FIELDS });

/** A row selected with INGEST_COLUMNS, its epoch-ms timestamps made Dates. */
export const ingestRowOf = (raw: Record<string, unknown>): WaybillRow => withDates(raw, TIMESTAMP_FIELDS);

/** A waybill row as raw SQL returns it with WAYBILL_COLUMNS (watch places are never read back). */
export type WaybillRow = Omit<WaybillEntity, 'watchPlaces'>;

/** A waybill row as a page reads it (WAYBILL_PAGE_COLUMNS); a whole row is one too. */
export type WaybillPageRow = Pick<WaybillRow, (typeof PAGE_FIELDS)[number]>;

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

const ms = (at: Date | null): number | null => (at ? at.getTime() : null);

// The state columns in the order of the UPDATE's unnest: (column, SQL array type, value); timestamptz
// columns travel as epoch ms (float8) and are turned back by to_timestamp.
const STATE_FIELDS: readonly [string, string, (s: TrackedState) => unknown][] = [
  ['status', 'text', (s) => s.status],
  ['progress', 'text', (s) => s.progress],
  ['on_return', 'boolean', (s) => s.onReturn],
  ['event_count', 'int', (s) => s.eventCount],
  ['last_scan_at', 'timestamptz', (s) => ms(s.lastScanAt)],
  ['last_event_type', 'text', (s) => s.lastEventType],
  ['last_event_at', 'timestamptz', (s) => ms(s.lastEventAt)],
  ['current_place_kind', 'text', (s) => s.currentPlace?.kind ?? null],
  ['current_place_id', 'uuid', (s) => s.currentPlace?.id ?? null],
  ['current_courier_id', 'uuid', (s) => s.currentCourierId],
  ['picked_up_at', 'timestamptz', (s) => ms(s.pickedUpAt)],
  ['signed_at', 'timestamptz', (s) => ms(s.signedAt)],
  ['signer_kind', 'text', (s) => s.signerKind],
  ['signer_name', 'text', (s) => s.signerName],
  ['collected_at', 'timestamptz', (s) => ms(s.collectedAt)],
  ['returned_at', 'timestamptz', (s) => ms(s.returnedAt)],
  ['failed_attempts', 'int', (s) => s.failedAttempts],
  ['last_failure_outlet_id', 'uuid', (s) => s.lastFailureOutletId],
  ['open_departure_at', 'timestamptz', (s) => ms(s.openDepartureAt)],
  ['signed_scan_at', 'timestamptz', (s) => ms(s.signedScanAt)],
  ['signed_outlet_id', 'uuid', (s) => s.signedOutletId],
  ['first_out_for_delivery_at', 'timestamptz', (s) => ms(s.firstOutForDeliveryAt)],
];

/** A waybill's new state and watch, and the event_count it was computed from (its version). */
export interface StateUpdate {
  waybillNo: string;
  state: TrackedState;
  watch: Watch;
  /** The row's event_count when it was read: the UPDATE skips a row that changed since (see below). */
  expectedCount: number;
}

/**
 * One UPDATE for every waybill of a batch: `UPDATE waybill … FROM unnest($1, $2 …) … RETURNING
 * waybill_no`. Optimistic: a row is written only if its event_count is still the one the state was
 * computed from (every state write raises it), so a concurrent upload's scans are never lost; the
 * numbers it returns are the rows written, the caller retries the others. The watch places travel
 * as one `{a,b}` literal per row (unnest cannot take an array of arrays of different lengths).
 */
export function updateStatesStatement(updates: readonly StateUpdate[]): [string, unknown[]] {
  const columns = [...STATE_FIELDS.map(([column]) => column), 'watch_places', 'watch_from'];
  const types = [...STATE_FIELDS.map(([, type]) => (type === 'timestamptz' ? 'float8' : type)), 'text', 'float8'];
  const timestamps = new Set([...STATE_FIELDS.filter(([, type]) => type === 'timestamptz').map(([column]) => column), 'watch_from']);
  // Key order: concurrent uploads lock shared rows in the same order (no deadlock between them).
  const sorted = [...updates].sort((a, b) => (a.waybillNo < b.waybillNo ? -1 : a.waybillNo > b.waybillNo ? 1 : 0));
  const params: unknown[] = [sorted.map((u) => u.waybillNo), sorted.map((u) => u.expectedCount)];
  for (const [, , get] of STATE_FIELDS) params.push(sorted.map((u) => get(u.state)));
  params.push(sorted.map((u) => `{${u.watch.places.join(',')}}`));
  params.push(sorted.map((u) => ms(u.watch.from)));
  const value = (c: string) => (c === 'watch_places' ? `v.${c}::uuid[]` : timestamps.has(c) ? `to_timestamp(v.${c} / 1000)` : `v.${c}`);
  const set = columns.map((c) => `${c} = ${value(c)}`).join(', ');
  const unnest = ['text', 'int', ...types].map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  // `w.waybill_no = ANY($1)` lets the planner fetch the rows by key whatever its estimate of the
  // unnest, instead of hashing a scan of the whole table.
  const sql = `UPDATE waybill w SET ${set} FROM unnest(${unnest}) AS v(waybill_no, expected_count, ${columns.join(', ')})
               WHERE w.waybill_no = v.waybill_no AND w.waybill_no = ANY($1::text[]) AND w.event_count = v.expected_count
               RETURNING w.waybill_no AS "waybillNo"`;
  return [sql, params];
}
