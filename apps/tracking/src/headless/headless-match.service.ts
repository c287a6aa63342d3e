import type { DataSource } from 'typeorm';
import {
  FINAL_STATUSES,
  HEADLESS_MATCH_POLICY,
  MAX_CLOCK_SKEW_MS,
  rankHeadlessCandidates,
  routeOf,
  type HeadlessCandidate,
  type HeadlessMatchPolicy,
  type ScanLocation,
  type WaybillForMatch,
  type WaybillStatus,
} from '@courierdesk/domain-parcel';
import { isUniqueViolation, violatedConstraint, withTransaction } from '@courierdesk/platform-db';
import { newId, textArg } from '@courierdesk/platform-subgraph';
import { NETWORK_WIDE } from '../common/access';
import { trackingError } from '../common/tracking.errors';
import type { RecordScansService } from '../ingest/record-scans.service';
import type { WaybillRow } from '../waybill/waybill.row';
import { assertDimension } from './headless-parcel.service';
import { HEADLESS_PARCEL_COLUMNS, HEADLESS_PROPOSAL_COLUMNS, HEADLESS_SEARCH_COLUMNS, type HeadlessParcelRow, type HeadlessProposalRow, type HeadlessSearchRow } from './headless.row';

const HOUR = 3_600_000;
/** Candidates read for one search at most (open parcels at the route's places in its window). */
const MAX_CANDIDATES = 5_000;
const MAX_DESCRIPTION = 200;

/** A search as asked for. */
/** What a search reads of the waybill (a whole row has it; so does the demo's query). */
export type SearchedWaybill = Pick<WaybillRow, 'waybillNo' | 'status' | 'contents' | 'createdAt' | 'originOutletId' | 'destinationOutletId' | 'weightGrams'>;

export interface HeadlessSearchRequest {
  description?: string | null;
  sizeCm?: number[] | null;
}

/** A confirmation as asked for. */
export interface HeadlessConfirmation {
  waybillNo: string;
  headlessParcelId: string;
  searchId: string | null;
  expectedVersion: number | null;
}

const finished = (status: WaybillStatus, waybillNo: string) => {
  if (FINAL_STATUSES.includes(status)) throw trackingError('WAYBILL_FINISHED', `Waybill ${waybillNo} is ${status}: nothing to look for among headless parcels`);
};

/**
 * Searching headless parcels for a waybill (查找无头件) and confirming a match (确认认领). The
 * search reads the waybill's places (one grouped read of its scans) and the open parcels at them
 * in its time window (headless_parcel_open_place_idx), ranks them with the domain's policy and
 * records the search and its proposals in one transaction. Confirming marks the parcel MATCHED and
 * relabels it with an arrival scan at the place it was found, through recordScans' own statements
 * (state, watch, lane sample), in the same transaction.
 */
export class HeadlessMatchService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly scans: RecordScansService,
    private readonly policy: HeadlessMatchPolicy = HEADLESS_MATCH_POLICY,
  ) {}

  async search(subject: string, waybill: SearchedWaybill, request: HeadlessSearchRequest): Promise<{ search: HeadlessSearchRow; proposals: HeadlessProposalRow[] }> {
    finished(waybill.status, waybill.waybillNo);
    const now = this.clock();
    const description = textArg(request.description, 'input.description', MAX_DESCRIPTION) ?? waybill.contents ?? null;
    const sizeCm = request.sizeCm ?? null;
    if (sizeCm !== null) {
      if (sizeCm.length !== 3) throw trackingError('INVALID_HEADLESS_PARCEL_INPUT', 'input.sizeCm: expected three dimensions in cm');
      sizeCm.forEach((d, i) => assertDimension(d, `input.sizeCm[${i}]`));
    }
    const visits = await this.visitsOf(waybill);
    const forMatch: WaybillForMatch = { createdAt: waybill.createdAt, originOutletId: waybill.originOutletId, destinationOutletId: waybill.destinationOutletId, weightGrams: waybill.weightGrams, visits };
    const route = routeOf(forMatch);
    const since = route.map((r) => r.since.getTime());
    const from = new Date(Math.min(...since) - this.policy.slackHours * HOUR);
    const to = new Date(Math.min(now.getTime(), Math.max(...since) + this.policy.windowDays * 24 * HOUR));
    const candidates = (await this.ds.query(
      `SELECT ${HEADLESS_PARCEL_COLUMNS} FROM headless_parcel p
        WHERE p.status = 'OPEN' AND p.found_place_id = ANY($1::uuid[]) AND p.found_at >= $2 AND p.found_at <= $3
        ORDER BY p.found_at DESC, p.id LIMIT ${MAX_CANDIDATES}`,
      [[...new Set(route.map((r) => r.place.id))], from.toISOString(), to.toISOString()],
    )) as HeadlessParcelRow[];
    const ranked = rankHeadlessCandidates(forMatch, { description, sizeCm: sizeCm as [number, number, number] | null }, candidates.map(candidateOf), this.policy);
    const searchId = newId();
    return withTransaction(this.ds, async (em) => {
      const [search] = (await em.query(
        `INSERT INTO headless_search AS s (id, waybill_no, searched_at, searched_by, policy_version, description, size_cm, candidate_count, excluded_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7::int[], $8, $9) RETURNING ${HEADLESS_SEARCH_COLUMNS}`,
        [searchId, waybill.waybillNo, now.toISOString(), subject, this.policy.version, description, sizeCm, candidates.length, ranked.excluded],
      )) as HeadlessSearchRow[];
      if (ranked.proposals.length === 0) return { search, proposals: [] };
      const proposals = (await em.query(
        `INSERT INTO headless_match_proposal AS m (search_id, headless_parcel_id, rank, score, reasons)
         SELECT $1, parcel_id, rank, score, reasons FROM unnest($2::uuid[], $3::int[], $4::float8[], $5::jsonb[]) AS v(parcel_id, rank, score, reasons)
         RETURNING ${HEADLESS_PROPOSAL_COLUMNS}`,
        [searchId, ranked.proposals.map((p) => p.candidate.id), ranked.proposals.map((_, i) => i + 1), ranked.proposals.map((p) => p.score), ranked.proposals.map((p) => JSON.stringify(p.reasons))],
      )) as HeadlessProposalRow[];
      return { search, proposals: proposals.sort((a, b) => a.rank - b.rank) };
    });
  }

  /** Confirms a proposed match; returns the matched parcel and the id of the relabelling scan. */
  async confirm(subject: string, request: HeadlessConfirmation): Promise<{ parcel: HeadlessParcelRow; scanEventId: string }> {
    const now = this.clock();
    const result = await withTransaction(this.ds, async (em) => {
      const [parcel] = (await em.query(`SELECT ${HEADLESS_PARCEL_COLUMNS} FROM headless_parcel p WHERE p.id = $1 FOR UPDATE`, [request.headlessParcelId])) as HeadlessParcelRow[];
      if (!parcel) throw trackingError('HEADLESS_PARCEL_NOT_FOUND', `No headless parcel ${request.headlessParcelId}`);
      const proposed = await em.query(
        `SELECT 1 FROM headless_match_proposal m JOIN headless_search s ON s.id = m.search_id
          WHERE m.headless_parcel_id = $1 AND s.waybill_no = $2 AND ($3::uuid IS NULL OR s.id = $3::uuid) LIMIT 1`,
        [parcel.id, request.waybillNo, request.searchId],
      );
      if (proposed.length === 0) throw trackingError('HEADLESS_PROPOSAL_NOT_FOUND', `Headless parcel ${parcel.parcelNo} was not proposed by ${request.searchId ? `search ${request.searchId}` : 'a search'} for waybill ${request.waybillNo}: search first`);
      if (parcel.status !== 'OPEN') throw trackingError('HEADLESS_PARCEL_NOT_OPEN', `Headless parcel ${parcel.parcelNo} is ${parcel.status} already`);
      if (request.expectedVersion !== null && request.expectedVersion !== parcel.version) {
        throw trackingError('HEADLESS_PARCEL_VERSION_CONFLICT', `Headless parcel ${parcel.parcelNo} is at version ${parcel.version}, not ${request.expectedVersion}: reload it`);
      }
      const [waybill] = (await em.query(`SELECT status FROM waybill WHERE waybill_no = $1 FOR NO KEY UPDATE`, [request.waybillNo])) as { status: WaybillStatus }[];
      finished(waybill.status, request.waybillNo);
      const taken = await em.query(`SELECT parcel_no FROM headless_parcel WHERE matched_waybill_no = $1`, [request.waybillNo]);
      if (taken.length > 0) throw trackingError('WAYBILL_ALREADY_MATCHED', `Waybill ${request.waybillNo} is matched to headless parcel ${taken[0].parcel_no} already`);
      const [[matched]] = (await em.query(
        `UPDATE headless_parcel p SET status = 'MATCHED', matched_waybill_no = $2, matched_at = $3, matched_by = $4, version = p.version + 1
          WHERE p.id = $1 AND p.version = $5 AND p.status = 'OPEN' RETURNING ${HEADLESS_PARCEL_COLUMNS}`,
        [parcel.id, request.waybillNo, now.toISOString(), subject, parcel.version],
      )) as [HeadlessParcelRow[], number];
      const [scan] = await this.scans.recordWithin(em, [relabelScan(matched, request.waybillNo, now)], NETWORK_WIDE);
      if (scan.status !== 'ACCEPTED' || !scan.scanEventId) throw new Error(`confirmHeadlessMatch: the relabelling scan was ${scan.status}: ${JSON.stringify(scan.reasons)}`);
      return { parcel: matched, scanEventId: scan.scanEventId };
    }).catch((err: unknown) => {
      // Two agents confirming two parcels for one waybill at once: the unique key decides.
      if (isUniqueViolation(err) && violatedConstraint(err) === 'headless_parcel_matched_waybill_key') throw trackingError('WAYBILL_ALREADY_MATCHED', `Waybill ${request.waybillNo} was matched meanwhile`);
      throw err;
    });
    this.scans.committed();
    return result;
  }

  /** Every place the waybill was scanned at, with its first and last scan there (one grouped read). */
  private async visitsOf(waybill: Pick<WaybillRow, 'waybillNo' | 'createdAt'>): Promise<WaybillForMatch['visits']> {
    const rows = (await this.ds.query(
      `SELECT location_kind AS kind, location_id::text AS id, min(event_time) AS "firstAt", max(event_time) AS "lastAt"
         FROM scan_event WHERE waybill_no = $1 AND event_time >= $2 AND location_id IS NOT NULL
        GROUP BY location_kind, location_id`,
      [waybill.waybillNo, new Date(waybill.createdAt.getTime() - MAX_CLOCK_SKEW_MS).toISOString()],
    )) as { kind: ScanLocation['kind']; id: string; firstAt: Date; lastAt: Date }[];
    return rows.map((r) => ({ place: { kind: r.kind, id: r.id }, firstAt: r.firstAt, lastAt: r.lastAt }));
  }
}

const candidateOf = (row: HeadlessParcelRow): HeadlessCandidate => ({
  id: row.id,
  parcelNo: row.parcelNo,
  foundPlace: { kind: row.foundPlaceKind, id: row.foundPlaceId },
  foundAt: row.foundAt,
  weightGrams: row.weightGrams,
  lengthCm: row.lengthCm,
  widthCm: row.widthCm,
  heightCm: row.heightCm,
  packaging: row.packaging,
  contents: row.contents,
});

/**
 * The relabelling scan (补单/重贴面单): the parcel is where it was found, now, on its waybill —
 * an arrival at that transit centre or outlet. Its scanner id names the parcel, so a replay of the
 * same confirmation could never store it twice.
 */
export function relabelScan(parcel: HeadlessParcelRow, waybillNo: string, now: Date) {
  return {
    eventId: `headless-${parcel.parcelNo}`,
    waybillNo,
    type: parcel.foundPlaceKind === 'HUB' ? 'ARRIVED_AT_HUB' : 'ARRIVED_AT_OUTLET',
    eventTime: now.toISOString(),
    location: { kind: parcel.foundPlaceKind, id: parcel.foundPlaceId },
    note: `无头件认领 ${parcel.parcelNo}`,
  };
}
