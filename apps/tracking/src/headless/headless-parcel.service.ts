import type { DataSource } from 'typeorm';
import { MAX_CLOCK_SKEW_MS, MAX_WEIGHT_GRAMS } from '@courierdesk/domain-parcel';
import { decodeCursor, encodeCursor, newId, pageSize, platformError, textArg, toPage, type Page, type PageArgs } from '@courierdesk/platform-subgraph';
import type { ScanReach } from '../common/access';
import { trackingError } from '../common/tracking.errors';
import { referenceId } from '../waybill/waybill.filter';
import { assertRegistrationPlace } from './headless.access';
import { HEADLESS_PARCEL_COLUMNS, type HeadlessParcelRow } from './headless.row';

/** Longest side any parcel may have (cm): anything longer is a unit mistake. */
export const MAX_DIMENSION_CM = 500;
const MAX_PACKAGING = 200;
const MAX_CONTENTS = 500;
const PHOTO_REF = /^[A-Za-z0-9][A-Za-z0-9._\-/:]{0,199}$/;

/** A headless parcel as registered (inputs already typed by GraphQL). */
export interface NewHeadlessParcel {
  foundPlaceKind: 'HUB' | 'OUTLET';
  foundPlaceId: string;
  foundAt: Date;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  packaging?: string | null;
  contents?: string | null;
  photoRef?: string | null;
}

/** What the list filters on (validated). */
export interface HeadlessCriteria {
  placeId: string | null;
  status: string | null;
  foundFrom: Date | null;
  foundTo: Date | null;
  /** An outlet-bound reader's outlet: only parcels found there. */
  ownOutlet: string | null;
}

const invalid = (field: string, message: string) => trackingError('INVALID_HEADLESS_PARCEL_INPUT', `${field}: ${message}`);

/** Checks a size in whole cm, 1–MAX_DIMENSION_CM. */
export function assertDimension(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION_CM) throw invalid(field, `expected whole centimetres 1–${MAX_DIMENSION_CM}; got ${value}`);
}

// The parcel number: HP + registration day in China time + a sequence of at least 6 digits.
const INSERT = `
  WITH n AS (SELECT nextval('headless_parcel_no_seq')::text AS seq)
  INSERT INTO headless_parcel AS p (id, parcel_no, found_place_kind, found_place_id, found_at, registered_at, registered_by,
                                    weight_grams, length_cm, width_cm, height_cm, packaging, contents, photo_ref)
  SELECT $1, 'HP' || to_char(($6::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYYMMDD') || lpad(n.seq, greatest(6, length(n.seq)), '0'),
         $2, $3, $4, $6, $5, $7, $8, $9, $10, $11, $12, $13
  FROM n
  RETURNING ${HEADLESS_PARCEL_COLUMNS}`;

/** Registering and listing headless parcels (无头件登记、列表). */
export class HeadlessParcelService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
  ) {}

  /** Validates and registers one parcel found at a place within `reach`. */
  async register(subject: string, reach: ScanReach, input: NewHeadlessParcel): Promise<HeadlessParcelRow> {
    const now = this.clock();
    const placeId = referenceId(input.foundPlaceId, 'foundPlaceId');
    assertRegistrationPlace(reach, input.foundPlaceKind, placeId);
    if (!Number.isInteger(input.weightGrams) || input.weightGrams < 1 || input.weightGrams > MAX_WEIGHT_GRAMS) throw invalid('weightGrams', `expected whole grams 1–${MAX_WEIGHT_GRAMS}; got ${input.weightGrams}`);
    assertDimension(input.lengthCm, 'lengthCm');
    assertDimension(input.widthCm, 'widthCm');
    assertDimension(input.heightCm, 'heightCm');
    if (input.foundAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) throw invalid('foundAt', 'must not be in the future');
    const packaging = textArg(input.packaging, 'packaging', MAX_PACKAGING);
    const contents = textArg(input.contents, 'contents', MAX_CONTENTS);
    const photoRef = input.photoRef?.trim() || null;
    if (photoRef !== null && (!PHOTO_REF.test(photoRef) || photoRef.includes('..'))) throw invalid('photoRef', 'expected a reference of 1–200 letters, digits and -_./: (no "..")');
    const [row] = (await this.ds.query(INSERT, [
      newId(), input.foundPlaceKind, placeId, input.foundAt.toISOString(), subject, now.toISOString(),
      input.weightGrams, input.lengthCm, input.widthCm, input.heightCm, packaging, contents, photoRef,
    ])) as HeadlessParcelRow[];
    return row;
  }

  /** A page of parcels, newest found first (keyset on found_at, id). */
  async page(criteria: HeadlessCriteria, page: PageArgs): Promise<Page<HeadlessParcelRow>> {
    const size = pageSize(page.first);
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (criteria.ownOutlet !== null) {
      if (criteria.placeId !== null && criteria.placeId !== criteria.ownOutlet) return toPage([], size, page.after, () => '', (row) => row);
      where.push(`p.found_place_kind = 'OUTLET'`, `p.found_place_id = ${param(criteria.ownOutlet)}::uuid`);
    } else if (criteria.placeId !== null) where.push(`p.found_place_id = ${param(criteria.placeId)}::uuid`);
    if (criteria.status !== null) where.push(`p.status = ${param(criteria.status)}`);
    if (criteria.foundFrom) where.push(`p.found_at >= ${param(criteria.foundFrom.toISOString())}::timestamptz`);
    if (criteria.foundTo) where.push(`p.found_at < ${param(criteria.foundTo.toISOString())}::timestamptz`);
    if (page.after) {
      const [ms, id] = decodeCursor(page.after, 2);
      if (typeof ms !== 'number' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw platformError('INVALID_CURSOR', 'after: not a cursor of this list; pass the endCursor of the page before');
      where.push(`(p.found_at, p.id) < (to_timestamp(${param(ms)}::float8 / 1000), ${param(id)}::uuid)`);
    }
    const sql = `SELECT ${HEADLESS_PARCEL_COLUMNS} FROM headless_parcel p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY p.found_at DESC, p.id DESC LIMIT ${param(size + 1)}`;
    const rows = (await this.ds.query(sql, params)) as HeadlessParcelRow[];
    return toPage(rows, size, page.after, (row) => encodeCursor([row.foundAt.getTime(), row.id]), (row) => row);
  }
}
