import type { EntityManager } from 'typeorm';

/*
 * Whose courier is this? (快递员归属)
 *
 * The network owns couriers and their outlets; tracking stores courier ids only and never reads the
 * network's tables, nor calls it while ingesting (a scan upload must not wait on another subgraph).
 * What tracking does see is every scan, and a scan at an outlet naming a courier says "this courier
 * works here". So tracking keeps the courier's outlet *as reported*: `courier_outlet`, one row per
 * courier, written by the first scan at an outlet that names it and never moved (the network never moves a
 * courier either: a transfer is a new courier id). Who may report:
 *
 * - a network-wide ingest (tracking:ingest:any: hub sorters, HQ systems): trusted, any outlet;
 * - an outlet-bound scanner, for its own outlet only: the first time its outlet names a courier
 *   nobody has reported, the courier is recorded as its own (a new hire needs no other system).
 *
 * After that, an outlet-bound scan naming a courier reported at another outlet is REJECTED
 * (COURIER_OUTSIDE_OUTLET): outlet A cannot attribute a delivery, a failure or a sign-off to B's
 * courier. The gap is a first report: A could claim a courier of B that no scan has named yet (it
 * would need the id, and B's next scan naming the courier is then refused, which shows at once). A
 * feed of the network's courier directory into this table would close it and needs no other change.
 *
 * Cost: one statement per recordScans call that names couriers at outlets, whatever their number —
 * it registers the new ones and returns every one's outlet.
 */

/** A report that `courierId` works at `outletId`. */
export interface CourierReport {
  courierId: string;
  outletId: string;
}

// The INSERT's rows and the table's existing rows come back together: a data-modifying CTE's own
// rows are invisible to the rest of its statement, so the two branches never overlap.
const REGISTER_AND_READ = `
  WITH reported AS (
    INSERT INTO courier_outlet (courier_id, outlet_id)
    SELECT courier_id, outlet_id FROM unnest($1::uuid[], $2::uuid[]) AS r(courier_id, outlet_id)
    ON CONFLICT (courier_id) DO NOTHING
    RETURNING courier_id, outlet_id
  )
  SELECT courier_id::text AS "courierId", outlet_id::text AS "outletId" FROM reported
  UNION ALL
  SELECT courier_id::text, outlet_id::text FROM courier_outlet WHERE courier_id = ANY($1::uuid[])`;

/**
 * Records the couriers no one has reported yet at the outlet given, and returns every named
 * courier's outlet (courier id → outlet id). One statement; a second only when another upload
 * reported one of these couriers at the same instant (its row was invisible to the first).
 */
export async function registerCourierOutlets(em: EntityManager, reports: readonly CourierReport[]): Promise<Map<string, string>> {
  if (reports.length === 0) return new Map();
  // One report per courier, in key order: two uploads reporting the same new couriers wait on each
  // other's rows in the same order instead of deadlocking.
  const first = new Map<string, string>();
  for (const { courierId, outletId } of reports) if (!first.has(courierId)) first.set(courierId, outletId);
  const couriers = [...first.keys()].sort();
  const rows: CourierReport[] = await em.query(REGISTER_AND_READ, [couriers, couriers.map((id) => first.get(id))]);
  const outlets = new Map(rows.map((row) => [row.courierId, row.outletId]));
  const raced = couriers.filter((id) => !outlets.has(id));
  if (raced.length > 0) {
    const fresh: CourierReport[] = await em.query(`SELECT courier_id::text AS "courierId", outlet_id::text AS "outletId" FROM courier_outlet WHERE courier_id = ANY($1::uuid[])`, [raced]);
    for (const row of fresh) outlets.set(row.courierId, row.outletId);
  }
  return outlets;
}

/**
 * Fills the table from stored scans: each courier's first outlet scan, by event time. For the
 * migration and for loaders that write scans directly (seed, volume loads): rows they write must
 * read as if recordScans had stored them.
 */
export const REGISTER_COURIER_OUTLETS_FROM_SCANS = (courierOutlet: string, scanEvent: string): string => `
  INSERT INTO ${courierOutlet} (courier_id, outlet_id)
  SELECT DISTINCT ON (courier_id) courier_id, location_id FROM ${scanEvent}
  WHERE courier_id IS NOT NULL AND location_kind = 'OUTLET' AND location_id IS NOT NULL
  ORDER BY courier_id, event_time, received_at
  ON CONFLICT (courier_id) DO NOTHING`;

/** The same for a loader, on the tracking schema `schema` (default `tracking`). */
export async function registerCourierOutletsFromScans(db: { query(sql: string): Promise<unknown> }, schema = 'tracking'): Promise<void> {
  await db.query(REGISTER_COURIER_OUTLETS_FROM_SCANS(`"${schema}".courier_outlet`, `"${schema}".scan_event`));
}
