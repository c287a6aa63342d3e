import type { DataSource } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyCode, type AnomalyPolicies } from '@courierdesk/domain-parcel';
import { outletRestriction, type Identity } from '@courierdesk/platform-auth';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs, platformError } from '@courierdesk/platform-subgraph';
import { anomaliesOf } from '../anomaly/anomaly.rules';
import type { StoredScan } from '../scan/scan-event.row';
import { waybillPageQuery, waybillPagesByPlaceQuery, type Keyset, type PlaceRole, type WaybillCriteria, type WaybillOrder } from './waybill-list.query';
import type { WaybillRow } from './waybill.row';

/** Which anomalies a list keeps: any of `codes` (all codes when empty), located at `place` when given. */
export interface AnomalyFilter {
  codes: readonly AnomalyCode[];
  place?: string;
}

/** What the finder needs of the request: its instant and its timeline loader (shared with the fields). */
export interface FinderRequest {
  now: Date;
  timeline: { loadMany(rows: readonly WaybillRow[]): Promise<(StoredScan[] | Error)[]> };
}

const TAG: Record<WaybillOrder, string> = { CREATED: 'C', LAST_SCAN: 'L', WATCH: 'W' };
const ROLE_CRITERION: Record<PlaceRole, 'originOutletId' | 'destinationOutletId' | 'watchedAt'> = {
  origin: 'originOutletId',
  destination: 'destinationOutletId',
  watched: 'watchedAt',
};
/** Candidates evaluated per round and rounds per page when anomalies filter a list. */
const MAX_CHUNK = 200;
const MAX_ROUNDS = 10;

const sortValue = (row: WaybillRow, order: WaybillOrder): Date =>
  (order === 'CREATED' ? row.createdAt : order === 'LAST_SCAN' ? row.lastScanAt : row.watchFrom) as Date;

/**
 * Pages of waybills: lists, an outlet's inbound and outbound parcels, and the anomaly work queues
 * (异常件工作台). The caller's row rule always applies (an outlet-bound caller: its outlet's
 * waybills only). With an anomaly filter, candidates come from the watch columns (anomaly/watch.ts)
 * and the pure rules decide, on the candidates' timelines, loaded in one query per round; a page
 * scans at most MAX_ROUNDS × MAX_CHUNK candidates and, if it had to stop early, says there is more
 * with an end cursor at the last candidate scanned.
 */
export class WaybillFinderService {
  constructor(
    private readonly ds: DataSource,
    private readonly policies: AnomalyPolicies = DEFAULT_ANOMALY_POLICIES,
  ) {}

  async page(
    identity: Identity,
    request: FinderRequest,
    criteria: WaybillCriteria,
    order: WaybillOrder,
    page: PageArgs,
    anomalies: AnomalyFilter | null = null,
  ): Promise<Page<WaybillRow>> {
    const size = pageSize(page.first);
    const restriction = outletRestriction(identity);
    const scoped: WaybillCriteria = { ...criteria, ofOutlets: [...(restriction ? [restriction.outletId] : []), ...criteria.ofOutlets] };
    const cursorOf = (row: WaybillRow) => encodeCursor([TAG[order], sortValue(row, order).getTime(), row.waybillNo]);
    let after = page.after ? this.keyset(page.after, order) : null;
    if (!anomalies) {
      const rows = await this.fetch(scoped, order, after, size + 1);
      return this.assemble(rows.slice(0, size), rows.length > size, page.after, cursorOf);
    }
    const due: WaybillCriteria = { ...scoped, dueBefore: request.now };
    const chunk = Math.min(MAX_CHUNK, 2 * (size + 1));
    const kept: WaybillRow[] = [];
    let lastScanned: WaybillRow | null = null;
    for (let round = 0; round < MAX_ROUNDS && kept.length <= size; round++) {
      const rows = await this.fetch(due, order, after, chunk);
      const timelines = await request.timeline.loadMany(rows);
      rows.forEach((row, i) => {
        const events = timelines[i];
        if (events instanceof Error) throw events;
        if (this.matches(row, events, request.now, anomalies)) kept.push(row);
      });
      if (rows.length < chunk) return this.assemble(kept.slice(0, size), kept.length > size, page.after, cursorOf);
      lastScanned = rows[rows.length - 1];
      after = [sortValue(lastScanned, order).getTime(), lastScanned.waybillNo];
    }
    if (kept.length > size) return this.assemble(kept.slice(0, size), true, page.after, cursorOf);
    // Out of rounds: more candidates remain; continue after the last one scanned.
    const result = this.assemble(kept, true, page.after, cursorOf);
    result.pageInfo.endCursor = lastScanned ? cursorOf(lastScanned) : result.pageInfo.endCursor;
    return result;
  }

  /**
   * The same page for many places at once (fields on Outlet and TransitCentre references): the
   * first round for every place in one statement, anomaly candidates judged on timelines loaded in
   * one query; a place whose page needs more rounds continues alone (rare: the watch is tight).
   */
  async pagesOfPlaces(
    identity: Identity,
    request: FinderRequest,
    role: PlaceRole,
    placeIds: readonly string[],
    order: WaybillOrder,
    page: PageArgs,
    codes: readonly AnomalyCode[] | null = null,
  ): Promise<Map<string, Page<WaybillRow>>> {
    const size = pageSize(page.first);
    const restriction = outletRestriction(identity);
    const criteria: WaybillCriteria = { ofOutlets: restriction ? [restriction.outletId] : [], ...(codes ? { dueBefore: request.now } : {}) };
    const cursorOf = (row: WaybillRow) => encodeCursor([TAG[order], sortValue(row, order).getTime(), row.waybillNo]);
    const limit = codes ? Math.min(MAX_CHUNK, 2 * (size + 1)) : size + 1;
    const after = page.after ? this.keyset(page.after, order) : null;
    const [sql, params] = waybillPagesByPlaceQuery(role, placeIds, criteria, order, after, limit);
    const rows: (WaybillRow & { placeId: string })[] = await this.ds.query(sql, params);
    const byPlace = new Map<string, WaybillRow[]>(placeIds.map((id) => [id, []]));
    for (const row of rows) byPlace.get(row.placeId)?.push(row);
    const timelines = codes ? await request.timeline.loadMany(rows) : [];
    const events = new Map<WaybillRow, StoredScan[] | Error>(rows.map((row, i) => [row, timelines[i]]));
    const pages = new Map<string, Page<WaybillRow>>();
    for (const [placeId, placeRows] of byPlace) {
      if (!codes) {
        pages.set(placeId, this.assemble(placeRows.slice(0, size), placeRows.length > size, page.after, cursorOf));
        continue;
      }
      const filter = { codes, place: placeId };
      const kept = placeRows.filter((row) => {
        const scans = events.get(row);
        if (scans instanceof Error) throw scans;
        return this.matches(row, scans ?? [], request.now, filter);
      });
      if (kept.length > size || placeRows.length < limit) {
        pages.set(placeId, this.assemble(kept.slice(0, size), kept.length > size, page.after, cursorOf));
      } else {
        const single: WaybillCriteria = { ofOutlets: [], [ROLE_CRITERION[role]]: placeId };
        pages.set(placeId, await this.page(identity, request, single, order, page, filter));
      }
    }
    return pages;
  }

  /** The work queue of an outlet or transit centre: waybills with an anomaly located there, longest watched first. */
  queue(identity: Identity, request: FinderRequest, place: string, codes: readonly AnomalyCode[], page: PageArgs): Promise<Page<WaybillRow>> {
    return this.page(identity, request, { ofOutlets: [], watchedAt: place }, 'WATCH', page, { codes, place });
  }

  private matches(row: WaybillRow, events: StoredScan[], now: Date, filter: AnomalyFilter): boolean {
    return anomaliesOf(row, events, now, this.policies).some(
      (a) => (filter.codes.length === 0 || filter.codes.includes(a.code)) && (filter.place === undefined || a.location?.id === filter.place),
    );
  }

  private fetch(criteria: WaybillCriteria, order: WaybillOrder, after: Keyset | null, limit: number): Promise<WaybillRow[]> {
    const [sql, params] = waybillPageQuery(criteria, order, after, limit);
    return this.ds.query(sql, params);
  }

  private keyset(cursor: string, order: WaybillOrder): Keyset {
    const [tag, at, waybillNo] = decodeCursor(cursor, 3);
    if (tag !== TAG[order] || typeof at !== 'number' || typeof waybillNo !== 'string') throw platformError('INVALID_CURSOR', 'The cursor is not valid for this list');
    return [at, waybillNo];
  }

  private assemble(rows: WaybillRow[], hasNextPage: boolean, after: string | null | undefined, cursorOf: (row: WaybillRow) => string): Page<WaybillRow> {
    const edges = rows.map((row) => ({ node: row, cursor: cursorOf(row) }));
    return {
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }
}
