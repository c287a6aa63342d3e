import type { AnomalyCode } from '@courierdesk/domain-parcel';
import { anomalyCandidatesSql } from '../anomaly/anomaly-candidates';
import type { AnomalyPolicies } from '@courierdesk/domain-parcel';
import { WAYBILL_PAGE_COLUMNS } from './waybill.row';

/** How a list is ordered: newest created first, latest scanned first, or longest watched first (work queues). */
export type WaybillOrder = 'CREATED' | 'LAST_SCAN' | 'WATCH';

/** What a list of waybills keeps; every given criterion must hold. */
export interface WaybillCriteria {
  /** For each outlet: the waybill must have it as origin, destination or current place (partners, filter.outletId). */
  ofOutlets: string[];
  originOutletId?: string;
  destinationOutletId?: string;
  /** Only waybills whose anomaly watch names this outlet or transit centre (anomaly/watch.ts). */
  watchedAt?: string;
  statuses?: string[];
  createdFrom?: Date;
  createdTo?: Date;
  lastScanFrom?: Date;
  lastScanTo?: Date;
  /** Only anomaly candidates at this instant: the watch is due. */
  dueBefore?: Date;
  /** Only candidates for one of these anomalies (any when empty) at `now`: each rule's condition on the state (anomaly-candidates.ts). */
  anomalies?: { codes: readonly AnomalyCode[]; now: Date; policies: AnomalyPolicies };
}

/** Which place of a waybill a per-place page (Outlet.inboundWaybills …) is about. */
export type PlaceRole = 'origin' | 'destination' | 'watched';

/** Keyset position: the sort value (epoch ms) and waybill number of the last row seen. */
export type Keyset = [number, string];

const ORDER_COLUMN: Record<WaybillOrder, string> = { CREATED: 'w.created_at', LAST_SCAN: 'w.last_scan_at', WATCH: 'w.watch_from' };
const PLACE_CONDITION: Record<PlaceRole, (x: string) => string> = {
  origin: (x) => `w.origin_outlet_id = ${x}`,
  destination: (x) => `w.destination_outlet_id = ${x}`,
  watched: (x) => `w.watch_places @> ARRAY[${x}]`,
};

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}::${type}`;
  }
}

/** The WHERE conditions (but the branching outlet) and ORDER BY of a page. */
function shape(criteria: WaybillCriteria, order: WaybillOrder, after: Keyset | null, p: Params, branched: boolean) {
  const column = ORDER_COLUMN[order];
  const direction = order === 'WATCH' ? 'ASC' : 'DESC';
  const conditions: string[] = [];
  for (const outlet of branched ? criteria.ofOutlets.slice(1) : criteria.ofOutlets) {
    const x = p.add(outlet, 'uuid');
    conditions.push(`(w.origin_outlet_id = ${x} OR w.destination_outlet_id = ${x} OR w.current_place_id = ${x})`);
  }
  if (criteria.originOutletId) conditions.push(PLACE_CONDITION.origin(p.add(criteria.originOutletId, 'uuid')));
  if (criteria.destinationOutletId) conditions.push(PLACE_CONDITION.destination(p.add(criteria.destinationOutletId, 'uuid')));
  if (criteria.watchedAt) conditions.push(PLACE_CONDITION.watched(p.add(criteria.watchedAt, 'uuid')));
  if (criteria.statuses?.length) conditions.push(`w.status = ANY(${p.add(criteria.statuses, 'text[]')})`);
  if (criteria.createdFrom) conditions.push(`w.created_at >= ${p.add(criteria.createdFrom, 'timestamptz')}`);
  if (criteria.createdTo) conditions.push(`w.created_at < ${p.add(criteria.createdTo, 'timestamptz')}`);
  if (criteria.lastScanFrom) conditions.push(`w.last_scan_at >= ${p.add(criteria.lastScanFrom, 'timestamptz')}`);
  if (criteria.lastScanTo) conditions.push(`w.last_scan_at < ${p.add(criteria.lastScanTo, 'timestamptz')}`);
  // `watch_from IS NOT NULL` repeated so the partial watch indexes apply.
  if (criteria.dueBefore || order === 'WATCH') conditions.push('w.watch_from IS NOT NULL');
  if (criteria.dueBefore) conditions.push(`w.watch_from < ${p.add(criteria.dueBefore, 'timestamptz')}`);
  if (criteria.anomalies) {
    const { codes, now, policies } = criteria.anomalies;
    conditions.push(anomalyCandidatesSql(codes, now, policies, (value, type) => p.add(value, type)));
  }
  if (order === 'LAST_SCAN') conditions.push('w.last_scan_at IS NOT NULL');
  if (after) {
    const comparison = direction === 'DESC' ? '<' : '>';
    conditions.push(`(${column}, w.waybill_no) ${comparison} (${p.add(new Date(after[0]), 'timestamptz')}, ${p.add(after[1], 'text')})`);
  }
  const where = (extra: string[]) => {
    const all = [...extra, ...conditions];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  return { where, orderBy: `ORDER BY ${column} ${direction}, w.waybill_no ${direction}`, column, direction };
}

/**
 * One page query (LIMIT rows after the keyset) over the waybill indexes (see the migration):
 * created/last-scan lists newest first, work queues oldest watch first. Page rows are narrow
 * (WAYBILL_PAGE_COLUMNS); fields needing the rest load it through the waybill loader.
 *
 * "Of outlet X" (origin, destination or current place) is the partner's row rule and the outletId
 * filter. As an OR it would make PostgreSQL gather every waybill the outlet ever touched and sort
 * them; instead the first such outlet becomes three index-ordered branches, each stopping at
 * LIMIT rows, merged: a page costs 3 × LIMIT index entries, however long the outlet's history.
 */
export function waybillPageQuery(criteria: WaybillCriteria, order: WaybillOrder, after: Keyset | null, limit: number): [string, unknown[]] {
  const p = new Params();
  const branched = criteria.ofOutlets.length > 0 && !criteria.originOutletId && !criteria.destinationOutletId && !criteria.watchedAt;
  const { where, orderBy } = shape(criteria, order, after, p, branched);
  const lim = p.add(limit, 'int');
  if (!branched) return [`SELECT ${WAYBILL_PAGE_COLUMNS} FROM waybill w ${where([])} ${orderBy} LIMIT ${lim}`, p.values];
  const x = p.add(criteria.ofOutlets[0], 'uuid');
  const branch = (condition: string) => `(SELECT w.waybill_no FROM waybill w ${where([condition])} ${orderBy} LIMIT ${lim})`;
  const branches = [`w.origin_outlet_id = ${x}`, `w.destination_outlet_id = ${x}`, `w.current_place_id = ${x}`].map(branch);
  return [`SELECT ${WAYBILL_PAGE_COLUMNS} FROM waybill w WHERE w.waybill_no IN (${branches.join(' UNION ALL ')}) ${orderBy} LIMIT ${lim}`, p.values];
}

/**
 * The same page for many places at once (Outlet.inboundWaybills on a list of outlets …): one
 * LATERAL subquery per place, in one statement, each an index range stopping at LIMIT rows.
 * Narrow page rows, carrying "placeId".
 */
export function waybillPagesByPlaceQuery(
  role: PlaceRole,
  placeIds: readonly string[],
  criteria: WaybillCriteria,
  order: WaybillOrder,
  after: Keyset | null,
  limit: number,
): [string, unknown[]] {
  const p = new Params();
  const places = p.add(placeIds, 'uuid[]');
  const { where, orderBy, column, direction } = shape(criteria, order, after, p, false);
  const lim = p.add(limit, 'int');
  const inner = `SELECT w.* FROM waybill w ${where([PLACE_CONDITION[role]('o.id')])} ${orderBy} LIMIT ${lim}`;
  const outerOrder = `ORDER BY o.id, ${column} ${direction}, w.waybill_no ${direction}`;
  return [`SELECT o.id AS "placeId", ${WAYBILL_PAGE_COLUMNS} FROM unnest(${places}) AS o(id) CROSS JOIN LATERAL (${inner}) w ${outerOrder}`, p.values];
}
