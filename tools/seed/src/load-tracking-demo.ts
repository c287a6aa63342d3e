import type { DataSource, EntityManager } from 'typeorm';
import { registerCourierOutletsFromScans, TRACKING_DB_SCHEMA } from '@courierdesk/tracking';
import type { TrackingDemo } from './tracking-demo.types';
import {
  LANE_TRANSIT_TIME_COLUMNS,
  rowsOf,
  SCAN_EVENT_COLUMNS,
  WAYBILL_COLUMNS,
  type CellValue,
  type ColumnList,
} from './tracking-rows';

/** Rows written per table by {@link loadTrackingDemo}. */
export interface TrackingLoadCounts {
  waybills: number;
  events: number;
  laneTransitTimes: number;
}

// Bind parameters are arrays, one per column; chunks keep each statement's parameters small.
const CHUNK_ROWS = 5000;

/** INSERT … SELECT FROM unnest: columns as parallel arrays, one statement per chunk of rows. */
async function insertRows(m: EntityManager, table: string, columns: ColumnList, rows: readonly CellValue[][]): Promise<number> {
  // Arrays of arrays cannot be unnest parameters: an array column travels as its text literal.
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`).join(', ');
  const select = columns.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name)).join(', ');
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const params = columns.map((_, i) => chunk.map((row) => row[i]));
    await m.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS v(${names})`, params);
  }
  return rows.length;
}

/**
 * Writes generated waybills and their scans into the tracking subgraph's tables, in one
 * transaction: each waybill with the scan state and anomaly watch recordScans would have stored,
 * the lane samples (ETA history) of the delivered ones, and each named courier's outlet as its scans
 * report it (what recordScans would have recorded). The scan_event partitions the history
 * needs are made first. Meant for an empty schema (a first start): existing waybill numbers fail
 * the whole load, nothing half-written.
 */
export async function loadTrackingDemo(ds: DataSource, demo: TrackingDemo, schema = TRACKING_DB_SCHEMA): Promise<TrackingLoadCounts> {
  const t = (table: string) => `"${schema}".${table}`;
  const waybills: CellValue[][] = [];
  const events: CellValue[][] = [];
  const lanes: CellValue[][] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const history of demo.histories) {
    const rows = rowsOf(history);
    waybills.push(rows.waybill);
    events.push(...rows.events);
    if (rows.lane) lanes.push(rows.lane);
    for (const e of history.events) {
      first = Math.min(first, e.eventTime.getTime());
      last = Math.max(last, e.eventTime.getTime());
    }
  }
  return ds.transaction(async (m) => {
    if (events.length > 0) {
      await m.query(`SELECT ${t('ensure_scan_event_partitions')}($1, $2)`, [new Date(first).toISOString(), new Date(last).toISOString()]);
    }
    const counts = {
      waybills: await insertRows(m, t('waybill'), WAYBILL_COLUMNS, waybills),
      events: await insertRows(m, t('scan_event'), SCAN_EVENT_COLUMNS, events),
      laneTransitTimes: await insertRows(m, t('lane_transit_time'), LANE_TRANSIT_TIME_COLUMNS, lanes),
    };
    await registerCourierOutletsFromScans(m, schema);
    return counts;
  });
}

/** True when the tracking schema has no waybill yet (first start). */
export async function trackingIsEmpty(ds: DataSource, schema = TRACKING_DB_SCHEMA): Promise<boolean> {
  const [row] = (await ds.query(`SELECT NOT EXISTS (SELECT 1 FROM "${schema}".waybill) AS empty`)) as { empty: boolean }[];
  return row.empty;
}
