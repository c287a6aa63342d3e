import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims (理赔): the claim, its append-only audit trail and its evidence.
 *
 * - A claim's number (CL20261202-000123) takes its sequence from a PostgreSQL sequence: unique and
 *   never reused, with gaps when a transaction rolls back.
 * - `version` is the optimistic lock: every write is `UPDATE … WHERE id = $1 AND version = $2`.
 * - `origin_outlet_id` / `destination_outlet_id` are the waybill's outlets when the claim was
 *   filed, read from the graph: the outlets that may see the claim (the row rule) and the index an
 *   outlet's list walks.
 * - `decision` is the liability library's decision record as it was made (lines, codes, rule
 *   version, explanation, the facts it used): never recomputed on read, so a later rule never
 *   changes a past decision. `approved_fen` is what approval agreed to pay; the payout (ledger)
 *   moves APPROVED → PAID and sets `paid_at`.
 * - Money is bigint fen, never negative (CHECKs): the database refuses what the rules refuse.
 * - `claim_event` is append-only: every change with who, when, field, from → to.
 */
export class CreateClaims1795700000000 implements MigrationInterface {
  name = 'CreateClaims1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE claim_number_seq AS bigint`);
    await q.query(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('LOSS', 'DAMAGE', 'PARTIAL_LOSS', 'DELAY', 'RETURN_FREIGHT')),
        claimant text NOT NULL CHECK (claimant IN ('SENDER', 'RECIPIENT')),
        waybill_no text NOT NULL,
        ticket_id uuid,
        claimed_fen bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'NEEDS_EVIDENCE', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN')),
        version integer NOT NULL DEFAULT 1,
        filed_at timestamptz NOT NULL,
        filed_by text NOT NULL,
        filed_by_outlet_id uuid,
        origin_outlet_id uuid,
        destination_outlet_id uuid,
        refusal_cause text,
        actual_value_fen bigint,
        actual_loss_fen bigint,
        notified_of_cap boolean,
        intent_or_gross_negligence boolean,
        exemption text,
        description text,
        -- The promised delivery read from the graph at filing: tracking stops showing it once delivered.
        promised_at timestamptz,
        decision jsonb,
        decided_at timestamptz,
        decided_by text,
        approved_fen bigint,
        bearing_place_kind text CHECK (bearing_place_kind IN ('OUTLET', 'HUB')),
        bearing_place_id uuid,
        rule_version text,
        rejection_reason text,
        acknowledged_at timestamptz,
        agreed_at timestamptz,
        paid_at timestamptz,
        withdrawn_at timestamptz,
        updated_at timestamptz NOT NULL,
        CONSTRAINT claim_claimed_not_negative CHECK (claimed_fen >= 0),
        CONSTRAINT claim_actual_value_not_negative CHECK (actual_value_fen IS NULL OR actual_value_fen >= 0),
        CONSTRAINT claim_actual_loss_not_negative CHECK (actual_loss_fen IS NULL OR actual_loss_fen >= 0),
        CONSTRAINT claim_approved_not_negative CHECK (approved_fen IS NULL OR approved_fen >= 0),
        CONSTRAINT claim_refusal_cause CHECK ((kind = 'RETURN_FREIGHT') = (refusal_cause IS NOT NULL)),
        CONSTRAINT claim_bearing_place CHECK ((bearing_place_kind IS NULL) = (bearing_place_id IS NULL)),
        CONSTRAINT claim_approved_has_amount CHECK (status NOT IN ('APPROVED', 'PAID') OR (approved_fen IS NOT NULL AND decision IS NOT NULL AND agreed_at IS NOT NULL)),
        CONSTRAINT claim_paid_at CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
      )`);
    // The list (claims): newest first, by status, per outlet (origin or destination), per waybill.
    await q.query(`CREATE INDEX claim_filed ON claim (filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX claim_status ON claim (status, filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX claim_kind ON claim (kind, filed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX claim_origin_outlet ON claim (origin_outlet_id, filed_at DESC, id DESC) WHERE origin_outlet_id IS NOT NULL`);
    await q.query(`CREATE INDEX claim_destination_outlet ON claim (destination_outlet_id, filed_at DESC, id DESC) WHERE destination_outlet_id IS NOT NULL`);
    await q.query(`CREATE INDEX claim_waybill ON claim (waybill_no, filed_at DESC, id DESC)`);
    // One live claim per ticket (Ticket.claim): a second is refused while the first is open or agreed;
    // after a rejection or withdrawal the ticket may carry a new one.
    await q.query(`CREATE UNIQUE INDEX claim_one_live_per_ticket ON claim (ticket_id) WHERE ticket_id IS NOT NULL AND status NOT IN ('REJECTED', 'WITHDRAWN')`);
    await q.query(`CREATE INDEX claim_ticket ON claim (ticket_id, filed_at DESC) WHERE ticket_id IS NOT NULL`);
    await q.query(`CREATE INDEX claim_bearing_place ON claim (bearing_place_id) WHERE bearing_place_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE claim_event (
        id bigserial PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        at timestamptz NOT NULL,
        actor text NOT NULL,
        actor_outlet_id uuid,
        type text NOT NULL,
        field text,
        from_value text,
        to_value text,
        detail jsonb
      )`);
    await q.query(`CREATE INDEX claim_event_claim ON claim_event (claim_id, id)`);
    // The audit trail is append-only: no statement may change or remove a line.
    await q.query(`
      CREATE FUNCTION claim_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'claim_event is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER claim_event_no_change BEFORE UPDATE OR DELETE ON claim_event FOR EACH ROW EXECUTE FUNCTION claim_event_append_only()`);

    await q.query(`
      CREATE TABLE claim_evidence (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        item text NOT NULL,
        kind text NOT NULL,
        storage_ref text NOT NULL,
        description text,
        added_by text NOT NULL,
        added_by_outlet_id uuid,
        added_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX claim_evidence_claim ON claim_evidence (claim_id, added_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_evidence`);
    await q.query(`DROP TABLE claim_event`);
    await q.query(`DROP FUNCTION claim_event_append_only()`);
    await q.query(`DROP TABLE claim`);
    await q.query(`DROP SEQUENCE claim_number_seq`);
  }
}
