import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Headless parcels (无头件) and the searches for them; the waybill's goods description (托寄物).
 *
 * - `waybill.contents`: what the sender declared the parcel holds; nullable (older waybills have none).
 * - `headless_parcel`: one row per parcel found without its label, registered where it was found.
 *   `parcel_no` is readable (`HP` + China date of registration + a 6-digit sequence). `version`
 *   guards the one state change (OPEN → MATCHED or DISPOSED): `UPDATE … WHERE version = $n`.
 *   A waybill is matched by at most one parcel (unique `matched_waybill_no`); a parcel holds one
 *   waybill, and leaves OPEN only once. Open parcels are listed by place and time (a partial
 *   index: matched ones leave it) — the search's candidates; every parcel by place and by time for
 *   the lists.
 * - `headless_search`: a recorded search for one waybill (who, when, which policy version, what
 *   description): the evidence a claim for a lost parcel shows before it is paid. Newest first per
 *   waybill.
 * - `headless_match_proposal`: the ranked proposals of a search with their points and reasons.
 */
export class CreateHeadlessParcel1795800060000 implements MigrationInterface {
  name = 'CreateHeadlessParcel1795800060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE waybill ADD COLUMN contents text CONSTRAINT waybill_contents_check CHECK (char_length(contents) <= 200)`);
    await q.query(`CREATE SEQUENCE headless_parcel_no_seq`);
    await q.query(`
      CREATE TABLE headless_parcel (
        id uuid PRIMARY KEY,
        parcel_no text NOT NULL CONSTRAINT headless_parcel_no_key UNIQUE,
        found_place_kind text NOT NULL CHECK (found_place_kind IN ('HUB', 'OUTLET')),
        found_place_id uuid NOT NULL,
        found_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        registered_by text NOT NULL,
        weight_grams integer NOT NULL CHECK (weight_grams > 0),
        length_cm integer NOT NULL CHECK (length_cm > 0),
        width_cm integer NOT NULL CHECK (width_cm > 0),
        height_cm integer NOT NULL CHECK (height_cm > 0),
        packaging text,
        contents text,
        photo_ref text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MATCHED', 'DISPOSED')),
        matched_waybill_no text CONSTRAINT headless_parcel_matched_waybill_key UNIQUE,
        matched_at timestamptz,
        matched_by text,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT headless_parcel_match_check CHECK ((status = 'MATCHED') = (matched_waybill_no IS NOT NULL AND matched_at IS NOT NULL AND matched_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX headless_parcel_open_place_idx ON headless_parcel (found_place_id, found_at) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX headless_parcel_place_idx ON headless_parcel (found_place_id, found_at DESC, id DESC)`);
    await q.query(`CREATE INDEX headless_parcel_found_idx ON headless_parcel (found_at DESC, id DESC)`);
    await q.query(`CREATE INDEX headless_parcel_status_idx ON headless_parcel (status, found_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE headless_search (
        id uuid PRIMARY KEY,
        waybill_no text NOT NULL,
        searched_at timestamptz NOT NULL,
        searched_by text NOT NULL,
        policy_version text NOT NULL,
        description text,
        size_cm integer[],
        candidate_count integer NOT NULL CHECK (candidate_count >= 0),
        excluded_count integer NOT NULL CHECK (excluded_count >= 0)
      )`);
    await q.query(`CREATE INDEX headless_search_waybill_idx ON headless_search (waybill_no, searched_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE headless_match_proposal (
        search_id uuid NOT NULL REFERENCES headless_search (id) ON DELETE CASCADE,
        headless_parcel_id uuid NOT NULL REFERENCES headless_parcel (id),
        rank integer NOT NULL CHECK (rank > 0),
        score double precision NOT NULL,
        reasons jsonb NOT NULL,
        PRIMARY KEY (search_id, rank),
        CONSTRAINT headless_match_proposal_parcel_key UNIQUE (search_id, headless_parcel_id)
      )`);
    // Confirming looks a proposal up by parcel (is it proposed for this waybill?).
    await q.query(`CREATE INDEX headless_match_proposal_parcel_idx ON headless_match_proposal (headless_parcel_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE headless_match_proposal`);
    await q.query(`DROP TABLE headless_search`);
    await q.query(`DROP TABLE headless_parcel`);
    await q.query(`DROP SEQUENCE headless_parcel_no_seq`);
    await q.query(`ALTER TABLE waybill DROP COLUMN contents`);
  }
}
