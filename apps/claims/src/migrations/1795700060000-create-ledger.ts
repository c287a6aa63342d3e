import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The money side of claims (理赔资金): a double-entry ledger (复式记账), payouts (赔付), outlet fines
 * (罚款) and their arbitration (仲裁). Runs after the claims migration (it references `claim`).
 *
 * - `ledger_posting.amount_fen` is signed: + money into the account, − out of it. An entry's
 *   postings sum to zero, checked at COMMIT by a deferred constraint trigger, so a service may
 *   insert the postings one by one but can never commit money that appears or vanishes.
 * - The ledger and the payouts are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. A
 *   trigger and not REVOKE, because the service connects as the tables' owner in development and
 *   tests, and an owner keeps every privilege a REVOKE takes from others; the trigger binds every
 *   role but a superuser who disables it on purpose. A mistake is corrected by a reversing entry.
 * - A second payout of one claim is impossible twice over: `payout.claim_id` is UNIQUE, and the
 *   ledger holds at most one PAYOUT and one CHARGEBACK entry per claim, one FINE and one
 *   FINE_REVERSAL entry per fine (partial unique indexes), whatever code writes them.
 * - Balances are never stored: an account's balance is the sum of its postings (the covering
 *   index on account_id makes that an index-only scan).
 */
export class CreateLedger1795700060000 implements MigrationInterface {
  name = 'CreateLedger1795700060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_account (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('NETWORK', 'OUTLET', 'TRANSIT_CENTRE', 'CUSTOMER')),
        outlet_id uuid,
        transit_centre_id uuid,
        waybill_no text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        -- The id spells the account: NETWORK, OUTLET:<uuid>, TRANSIT_CENTRE:<uuid>, CUSTOMER:<waybill no>.
        CONSTRAINT ledger_account_id_matches CHECK (
          (kind = 'NETWORK' AND id = 'NETWORK' AND outlet_id IS NULL AND transit_centre_id IS NULL AND waybill_no IS NULL)
          OR (kind = 'OUTLET' AND outlet_id IS NOT NULL AND id = 'OUTLET:' || outlet_id::text AND transit_centre_id IS NULL AND waybill_no IS NULL)
          OR (kind = 'TRANSIT_CENTRE' AND transit_centre_id IS NOT NULL AND id = 'TRANSIT_CENTRE:' || transit_centre_id::text AND outlet_id IS NULL AND waybill_no IS NULL)
          OR (kind = 'CUSTOMER' AND waybill_no IS NOT NULL AND id = 'CUSTOMER:' || waybill_no AND outlet_id IS NULL AND transit_centre_id IS NULL)
        )
      )`);
    await q.query(`INSERT INTO ledger_account (id, kind) VALUES ('NETWORK', 'NETWORK')`);

    await q.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        kind text NOT NULL CHECK (kind IN ('PAYOUT', 'REFUND', 'FINE', 'CHARGEBACK', 'FINE_REVERSAL', 'CHARGEBACK_REVERSAL', 'ADJUSTMENT')),
        claim_id uuid REFERENCES claim (id),
        fine_id uuid,
        at timestamptz NOT NULL,
        memo text NOT NULL,
        actor text NOT NULL,
        actor_outlet_id uuid
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_entry_one_payout_per_claim ON ledger_entry (claim_id) WHERE kind = 'PAYOUT'`);
    await q.query(`CREATE UNIQUE INDEX ledger_entry_one_chargeback_per_claim ON ledger_entry (claim_id) WHERE kind = 'CHARGEBACK'`);
    await q.query(`CREATE UNIQUE INDEX ledger_entry_one_fine_entry ON ledger_entry (fine_id) WHERE kind = 'FINE'`);
    await q.query(`CREATE UNIQUE INDEX ledger_entry_one_fine_reversal ON ledger_entry (fine_id) WHERE kind = 'FINE_REVERSAL'`);

    await q.query(`
      CREATE TABLE ledger_posting (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES ledger_entry (id),
        account_id text NOT NULL REFERENCES ledger_account (id),
        amount_fen bigint NOT NULL CHECK (amount_fen <> 0)
      )`);
    await q.query(`CREATE INDEX ledger_posting_entry ON ledger_posting (entry_id)`);
    await q.query(`CREATE INDEX ledger_posting_account ON ledger_posting (account_id) INCLUDE (amount_fen)`);

    // Every entry balances, at COMMIT: an entry needs two postings or more summing to zero.
    await q.query(`
      CREATE FUNCTION ledger_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        entry uuid;
        total numeric;
        lines integer;
      BEGIN
        -- Two branches, not a CASE: plpgsql plans NEW's fields per statement, and each table has only one of them.
        IF TG_TABLE_NAME = 'ledger_entry' THEN
          entry := NEW.id;
        ELSE
          entry := NEW.entry_id;
        END IF;
        SELECT COALESCE(sum(amount_fen), 0), count(*) INTO total, lines FROM ledger_posting WHERE entry_id = entry;
        IF total <> 0 OR lines < 2 THEN
          RAISE EXCEPTION 'ledger entry % does not balance: % postings summing to % fen', entry, lines, total
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_balances';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_entry_balances AFTER INSERT ON ledger_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_must_balance()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER ledger_posting_balances AFTER INSERT ON ledger_posting
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_must_balance()`);

    await q.query(`
      CREATE TABLE fine (
        id uuid PRIMARY KEY,
        outlet_id uuid NOT NULL,
        reason text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        claim_id uuid REFERENCES claim (id),
        ticket_id uuid,
        waybill_no text,
        evidence_refs text[] NOT NULL DEFAULT '{}',
        note text,
        rule_code text,
        rule_version text,
        explanation_zh text,
        status text NOT NULL CHECK (status IN ('ISSUED', 'DISPUTED', 'UPHELD', 'OVERTURNED', 'REDUCED')),
        version integer NOT NULL DEFAULT 1,
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,
        entry_id uuid NOT NULL UNIQUE REFERENCES ledger_entry (id),
        updated_at timestamptz NOT NULL
      )`);
    // One fine per outlet, case and reason: issuing it again is a mistake, not a second fine.
    await q.query(`CREATE UNIQUE INDEX fine_once_per_ticket ON fine (outlet_id, ticket_id, reason) WHERE ticket_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX fine_once_per_claim ON fine (outlet_id, claim_id, reason) WHERE claim_id IS NOT NULL`);
    await q.query(`CREATE INDEX fine_outlet_page ON fine (outlet_id, issued_at DESC, id DESC)`);
    // The entry is written first (it names the fine), the fine row after it in the same transaction.
    await q.query(`ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_fine FOREIGN KEY (fine_id) REFERENCES fine (id) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE TABLE arbitration (
        id uuid PRIMARY KEY,
        fine_id uuid NOT NULL UNIQUE REFERENCES fine (id),
        statement text NOT NULL,
        evidence_refs text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
        opened_at timestamptz NOT NULL,
        opened_by text NOT NULL,
        opened_by_outlet_id uuid NOT NULL,
        outcome text CHECK (outcome IN ('UPHELD', 'OVERTURNED', 'REDUCED')),
        reduced_to_fen bigint CHECK (reduced_to_fen > 0),
        decision_note text,
        decided_by text,
        decided_at timestamptz,
        reversal_entry_id uuid UNIQUE REFERENCES ledger_entry (id),
        CONSTRAINT arbitration_decided CHECK ((status = 'OPEN') = (outcome IS NULL) AND (status = 'OPEN') = (decided_at IS NULL)),
        CONSTRAINT arbitration_reduced CHECK ((outcome = 'REDUCED') = (reduced_to_fen IS NOT NULL)),
        CONSTRAINT arbitration_reversal CHECK ((outcome IN ('OVERTURNED', 'REDUCED')) = (reversal_entry_id IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE payout (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        entry_id uuid NOT NULL UNIQUE REFERENCES ledger_entry (id),
        chargeback_entry_id uuid UNIQUE REFERENCES ledger_entry (id),
        result jsonb NOT NULL,
        paid_at timestamptz NOT NULL,
        paid_by text NOT NULL,
        CONSTRAINT payout_one_per_claim UNIQUE (claim_id),
        CONSTRAINT payout_idempotency_key UNIQUE (idempotency_key)
      )`);

    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused (post a reversing entry instead)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_account', 'ledger_entry', 'ledger_posting', 'payout']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_fine`);
    for (const table of ['payout', 'arbitration', 'fine', 'ledger_posting', 'ledger_entry', 'ledger_account']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION ledger_append_only()`);
    await q.query(`DROP FUNCTION ledger_entry_must_balance()`);
  }
}
