import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Status of a headless parcel (无头件状态): OPEN until matched to its waybill (认领) or disposed of (处理). */
export type HeadlessParcelStatus = 'OPEN' | 'MATCHED' | 'DISPOSED';

/** Row of `tracking.headless_parcel` (无头件): a parcel found without its label. Never exposed: see HeadlessParcel. */
@Entity({ name: 'headless_parcel' })
export class HeadlessParcelEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Readable number, `HP` + registration date (China) + sequence: `HP20260303000042`. */
  @Column('text', { name: 'parcel_no' })
  parcelNo: string;

  @Column('text', { name: 'found_place_kind' })
  foundPlaceKind: 'HUB' | 'OUTLET';

  @Column('uuid', { name: 'found_place_id' })
  foundPlaceId: string;

  @Column('timestamptz', { name: 'found_at' })
  foundAt: Date;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  /** The registering caller's subject (a staff account or device). */
  @Column('text', { name: 'registered_by' })
  registeredBy: string;

  @Column('int', { name: 'weight_grams' })
  weightGrams: number;

  @Column('int', { name: 'length_cm' })
  lengthCm: number;

  @Column('int', { name: 'width_cm' })
  widthCm: number;

  @Column('int', { name: 'height_cm' })
  heightCm: number;

  @Column('text', { nullable: true })
  packaging: string | null;

  @Column('text', { nullable: true })
  contents: string | null;

  @Column('text', { name: 'photo_ref', nullable: true })
  photoRef: string | null;

  @Column('text', { default: 'OPEN' })
  status: HeadlessParcelStatus;

  @Column('text', { name: 'matched_waybill_no', nullable: true })
  matchedWaybillNo: string | null;

  @Column('timestamptz', { name: 'matched_at', nullable: true })
  matchedAt: Date | null;

  @Column('text', { name: 'matched_by', nullable: true })
  matchedBy: string | null;

  /** Optimistic lock: every change raises it (`UPDATE … WHERE version = $n`). */
  @Column('int', { default: 1 })
  version: number;
}

/** Row of `tracking.headless_search` (无头件查找记录): one search for a waybill. */
@Entity({ name: 'headless_search' })
export class HeadlessSearchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'waybill_no' })
  waybillNo: string;

  @Column('timestamptz', { name: 'searched_at' })
  searchedAt: Date;

  @Column('text', { name: 'searched_by' })
  searchedBy: string;

  @Column('text', { name: 'policy_version' })
  policyVersion: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('int', { name: 'size_cm', array: true, nullable: true })
  sizeCm: number[] | null;

  @Column('int', { name: 'candidate_count' })
  candidateCount: number;

  @Column('int', { name: 'excluded_count' })
  excludedCount: number;
}

/** Row of `tracking.headless_match_proposal` (匹配建议): a ranked parcel of a search. */
@Entity({ name: 'headless_match_proposal' })
export class HeadlessMatchProposalEntity {
  @PrimaryColumn('uuid', { name: 'search_id' })
  searchId: string;

  @PrimaryColumn('int')
  rank: number;

  @Column('uuid', { name: 'headless_parcel_id' })
  headlessParcelId: string;

  @Column('float8')
  score: number;

  @Column('jsonb')
  reasons: { component: string; points: number; text: string }[];
}
