import type { HeadlessMatchProposalEntity, HeadlessParcelEntity, HeadlessSearchEntity } from './headless-parcel.entity';

/** A headless-parcel row as raw SQL returns it with HEADLESS_PARCEL_COLUMNS. */
export type HeadlessParcelRow = HeadlessParcelEntity;
/** A search row (HEADLESS_SEARCH_COLUMNS). */
export type HeadlessSearchRow = HeadlessSearchEntity;
/** A proposal row (HEADLESS_PROPOSAL_COLUMNS). */
export type HeadlessProposalRow = HeadlessMatchProposalEntity;

/** The select list of a headless parcel under alias `p`. */
export const HEADLESS_PARCEL_COLUMNS = `p.id::text AS id, p.parcel_no AS "parcelNo", p.found_place_kind AS "foundPlaceKind", p.found_place_id::text AS "foundPlaceId",
  p.found_at AS "foundAt", p.registered_at AS "registeredAt", p.registered_by AS "registeredBy", p.weight_grams AS "weightGrams",
  p.length_cm AS "lengthCm", p.width_cm AS "widthCm", p.height_cm AS "heightCm", p.packaging, p.contents, p.photo_ref AS "photoRef",
  p.status, p.matched_waybill_no AS "matchedWaybillNo", p.matched_at AS "matchedAt", p.matched_by AS "matchedBy", p.version`;

/** The select list of a search under alias `s`. */
export const HEADLESS_SEARCH_COLUMNS = `s.id::text AS id, s.waybill_no AS "waybillNo", s.searched_at AS "searchedAt", s.searched_by AS "searchedBy",
  s.policy_version AS "policyVersion", s.description, s.size_cm AS "sizeCm", s.candidate_count AS "candidateCount", s.excluded_count AS "excludedCount"`;

/** The select list of a proposal under alias `m`. */
export const HEADLESS_PROPOSAL_COLUMNS = `m.search_id::text AS "searchId", m.rank, m.headless_parcel_id::text AS "headlessParcelId", m.score, m.reasons`;
