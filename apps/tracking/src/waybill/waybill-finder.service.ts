import type { DataSource } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyCode, type AnomalyPolicies } from '@courierdesk/domain-parcel';
import { outletRestriction, type Identity } from '@courierdesk/platform-auth';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs, platformError } from '@courierdesk/platform-subgraph';
import { anomaliesOf } from '../anomaly/anomaly.rules';
import type { StoredScan } from '../scan/scan-event.row';
import { waybillPageQuery, waybillPagesByPlaceQuery, type Keyset, type PlaceRole, type WaybillCriteria, type WaybillOrder } from './waybill-list.query';
import { pageRowOf, type WaybillPageRow } from './waybill.row';

/** Which anomalies a list keeps: any of `codes` (all codes when empty), located at `place` when given. */
export interface AnomalyFilter {
  codes: readonly AnomalyCode[];
  place?: string;
}

/** What the finder needs of the request: its instant and its timeline loader (shared with the fields). */
export interface FinderRequest {
  now: Date;
  timeline: { loadMany(rows: readonly WaybillPageRow[]): Promise<(StoredScan[] | Error)[]> };
}

const TAG: Record<WaybillOrder, string> = { CREATED: 'C', LAST_SCAN: 'L', WATCH: 'W' };
const ROLE_CRITERION: Record<PlaceRole, 'originOutletId' | 'destinationOutletId' | 'watchedAt'> = {
  origin: 'originOutletId',
  destination: 'destinationOutletId',
  watched: 'watchedAt',
};
/** Candidates judged per round when anomalies filter a list. */
const MAX_CHUNK = 200;
/**
 * Candidates judged for one page: past this a page that holds something stops early (short, with
 * more to come); past the hard limit even an empty one does. The SQL conditions per code
 * (anomaly-candidates.ts) leave the rules almost nothing to refuse, so neither is reached in practice.
 */
const SOFT_CANDIDATE_LIMIT = 4_000;
const HARD_CANDIDATE_LIMIT = 20_000;

const sortValue = (row: WaybillPageRow, order: WaybillOrder): Date =>
  (order === 'CREATED' ? row.createdAt : order === 'LAST_SCAN' ? row.lastScanAt : row.watchFrom) as Date;

/**
 * Pages of waybills: lists, an outlet's inbound and outbound parcels, and the anomaly work queues
 * (异常件工作台). The caller's row rule always applies (an outlet-bound caller: its outlet's
 * waybills only). With an anomaly filter, candidates come from the watch columns (anomaly/watch.ts)
 * and each code's condition on the state (anomaly-candidates.ts), and the pure rules decide, on the
 * candidates' timelines, loaded in one query per round. Rounds go on until the page holds `first`
 * waybills or the candidates run out: a page is never short (or empty) while more exist, short of
 * the candidate limits above; then it ends at the last candidate judged, saying there is more.
 * Pages hold page rows (waybill.row.ts): what the cursors, the cheap fields and the anomaly rules
 * read; the rest of a row comes through the waybill loader when a field asks for it.
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
  ): Promise<Page<WaybillPageRow>> {
    const size = pageSize(page.first);
    const restriction = outletRestriction(identity);
    const scoped: WaybillCriteria = { ...criteria, ofOutlets: [...(restriction ? [restriction.outletId] : []), ...criteria.ofOutlets] };
    const cursorOf = (row: WaybillPageRow) => encodeCursor([TAG[order], sortValue(row, order).getTime(), row.waybillNo]);
    let after = page.after ? this.keyset(page.after, order) : null;
    if (!anomalies) {
      const rows = await this.fetch(scoped, order, after, size + 1);
      return this.assemble(rows.slice(0, size), rows.length > size, page.after, cursorOf);
    }
    const due: WaybillCriteria = { ...scoped, dueBefore: request.now, anomalies: { codes: anomalies.codes, now: request.now, policies: this.policies } };
    // The first round asks for little (a page of 1 usually needs 2 rows), later ones for full chunks.
    let chunk = Math.min(MAX_CHUNK, 2 * (size + 1));
    const kept: WaybillPageRow[] = [];
    let judged = 0;
    for (;;) {
      const rows = await this.fetch(due, order, after, chunk);
      const timelines = await request.timeline.loadMany(rows);
      rows.forEach((row, i) => {
        const events = timelines[i];
        if (events instanceof Error) throw events;
        if (this.matches(row, events, request.now, anomalies)) kept.push(row);
      });
      judged += rows.length;
      if (kept.length > size || rows.length < chunk) return this.assemble(kept.slice(0, size), kept.length > size, page.after, cursorOf);
      const lastJudged = rows[rows.length - 1];
      after = [sortValue(lastJudged, order).getTime(), lastJudged.waybillNo];
      if (judged >= HARD_CANDIDATE_LIMIT || (judged >= SOFT_CANDIDATE_LIMIT && kept.length > 0)) {
        // More candidates remain: the next page continues after the last one judged.
        const result = this.assemble(kept, true, page.after, cursorOf);
        result.pageInfo.endCursor = cursorOf(lastJudged);
        return result;
      }
      chunk = MAX_CHUNK;
    }
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
  ): Promise<Map<string, Page<WaybillPageRow>>> {
    const size = pageSize(page.first);
    const restriction = outletRestriction(identity);
    const anomalyCriteria = codes ? { dueBefore: request.now, anomalies: { codes, now: request.now, policies: this.policies } } : {};
    const criteria: WaybillCriteria = { ofOutlets: restriction ? [restriction.outletId] : [], ...anomalyCriteria };
    const cursorOf = (row: WaybillPageRow) => encodeCursor([TAG[order], sortValue(row, order).getTime(), row.waybillNo]);
    const limit = codes ? Math.min(MAX_CHUNK, 2 * (size + 1)) : size + 1;
    const after = page.after ? this.keyset(page.after, order) : null;
    const [sql, params] = waybillPagesByPlaceQuery(role, placeIds, criteria, order, after, limit);
    const rows = ((await this.ds.query(sql, params)) as Record<string, unknown>[]).map((raw) => pageRowOf(raw) as WaybillPageRow & { placeId: string });
    const byPlace = new Map<string, WaybillPageRow[]>(placeIds.map((id) => [id, []]));
    for (const row of rows) byPlace.get(row.placeId)?.push(row);
    const timelines = codes ? await request.timeline.loadMany(rows) : [];
    const events = new Map<WaybillPageRow, StoredScan[] | Error>(rows.map((row, i) => [row, timelines[i]]));
    const pages = new Map<string, Page<WaybillPageRow>>();
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
  queue(identity: Identity, request: FinderRequest, place: string, codes: readonly AnomalyCode[], page: PageArgs): Promise<Page<WaybillPageRow>> {
    return this.page(identity, request, { ofOutlets: [], watchedAt: place }, 'WATCH', page, { codes, place });
  }

  private matches(row: WaybillPageRow, events: StoredScan[], now: Date, filter: AnomalyFilter): boolean {
    return anomaliesOf(row, events, now, this.policies).some(
      (a) => (filter.codes.length === 0 || filter.codes.includes(a.code)) && (filter.place === undefined || a.location?.id === filter.place),
    );
  }

  private async fetch(criteria: WaybillCriteria, order: WaybillOrder, after: Keyset | null, limit: number): Promise<WaybillPageRow[]> {
    const [sql, params] = waybillPageQuery(criteria, order, after, limit);
    return ((await this.ds.query(sql, params)) as Record<string, unknown>[]).map(pageRowOf);
  }

  private keyset(cursor: string, order: WaybillOrder): Keyset {
    const [tag, at, waybillNo] = decodeCursor(cursor, 3);
    if (tag !== TAG[order] || typeof at !== 'number' || typeof waybillNo !== 'string') throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
    return [at, waybillNo];
  }

  private assemble(rows: WaybillPageRow[], hasNextPage: boolean, after: string | null | undefined, cursorOf: (row: WaybillPageRow) => string): Page<WaybillPageRow> {
    const edges = rows.map((row) => ({ node: row, cursor: cursorOf(row) }));
    return {
      edges,
      pageInfo: { hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }
}
