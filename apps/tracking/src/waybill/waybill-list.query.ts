import { WAYBILL_COLUMNS } from './waybill.row';

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
}

/** Keyset position: the sort value (epoch ms) and waybill number of the last row seen. */
export type Keyset = [number, string];

const ORDER_COLUMN: Record<WaybillOrder, string> = { CREATED: 'w.created_at', LAST_SCAN: 'w.last_scan_at', WATCH: 'w.watch_from' };

/**
 * One page query (LIMIT rows after the keyset) over the waybill indexes (see the migration):
 * created/last-scan lists newest first, work queues oldest watch first.
 *
 * "Of outlet X" (origin, destination or current place) is the partner's row rule and the outletId
 * filter. As an OR it would make PostgreSQL gather every waybill the outlet ever touched and sort
 * them; instead the first such outlet becomes three index-ordered branches, each stopping at
 * LIMIT rows, merged: a page costs 3 × LIMIT index entries, however long the outlet's history.
 */
export function waybillPageQuery(criteria: WaybillCriteria, order: WaybillOrder, after: Keyset | null, limit: number): [string, unknown[]] {
  const params: unknown[] = [];
  const p = (value: unknown, type: string): string => {
    params.push(value instanceof Date ? value.toISOString() : value);
    return `$${params.length}::${type}`;
  };
  const column = ORDER_COLUMN[order];
  const direction = order === 'WATCH' ? 'ASC' : 'DESC';
  const conditions: string[] = [];
  const ofOutlet = (id: string) => {
    const x = p(id, 'uuid');
    return `(w.origin_outlet_id = ${x} OR w.destination_outlet_id = ${x} OR w.current_place_id = ${x})`;
  };
  const branched = criteria.ofOutlets.length > 0 && !criteria.originOutletId && !criteria.destinationOutletId && !criteria.watchedAt;
  const branchOutlet = branched ? criteria.ofOutlets[0] : null;
  for (const outlet of branched ? criteria.ofOutlets.slice(1) : criteria.ofOutlets) conditions.push(ofOutlet(outlet));
  if (criteria.originOutletId) conditions.push(`w.origin_outlet_id = ${p(criteria.originOutletId, 'uuid')}`);
  if (criteria.destinationOutletId) conditions.push(`w.destination_outlet_id = ${p(criteria.destinationOutletId, 'uuid')}`);
  if (criteria.watchedAt) conditions.push(`w.watch_places @> ARRAY[${p(criteria.watchedAt, 'uuid')}]`);
  if (criteria.statuses?.length) conditions.push(`w.status = ANY(${p(criteria.statuses, 'text[]')})`);
  if (criteria.createdFrom) conditions.push(`w.created_at >= ${p(criteria.createdFrom, 'timestamptz')}`);
  if (criteria.createdTo) conditions.push(`w.created_at < ${p(criteria.createdTo, 'timestamptz')}`);
  if (criteria.lastScanFrom) conditions.push(`w.last_scan_at >= ${p(criteria.lastScanFrom, 'timestamptz')}`);
  if (criteria.lastScanTo) conditions.push(`w.last_scan_at < ${p(criteria.lastScanTo, 'timestamptz')}`);
  // `watch_from IS NOT NULL` repeated so the partial watch indexes apply.
  if (criteria.dueBefore || order === 'WATCH') conditions.push('w.watch_from IS NOT NULL');
  if (criteria.dueBefore) conditions.push(`w.watch_from < ${p(criteria.dueBefore, 'timestamptz')}`);
  if (order === 'LAST_SCAN') conditions.push('w.last_scan_at IS NOT NULL');
  if (after) {
    const comparison = direction === 'DESC' ? '<' : '>';
    conditions.push(`(${column}, w.waybill_no) ${comparison} (${p(new Date(after[0]), 'timestamptz')}, ${p(after[1], 'text')})`);
  }
  const orderBy = `ORDER BY ${column} ${direction}, w.waybill_no ${direction}`;
  const lim = p(limit, 'int');
  const where = (extra: string[]) => {
    const all = [...extra, ...conditions];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  if (branchOutlet === null) return [`SELECT ${WAYBILL_COLUMNS} FROM waybill w ${where([])} ${orderBy} LIMIT ${lim}`, params];
  const x = p(branchOutlet, 'uuid');
  const branch = (condition: string) => `(SELECT w.waybill_no FROM waybill w ${where([condition])} ${orderBy} LIMIT ${lim})`;
  const branches = [`w.origin_outlet_id = ${x}`, `w.destination_outlet_id = ${x}`, `w.current_place_id = ${x}`].map(branch);
  return [`SELECT ${WAYBILL_COLUMNS} FROM waybill w WHERE w.waybill_no IN (${branches.join(' UNION ALL ')}) ${orderBy} LIMIT ${lim}`, params];
}
