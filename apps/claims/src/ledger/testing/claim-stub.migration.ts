import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TEST ONLY: the `claim` and `claim_event` tables with exactly the columns the ledger relies on,
 * as the claims migration (1795700000000-create-claims.ts, branch claims-core) creates them. The
 * ledger's specs run on this until that migration is merged; then they take the real one. Its
 * bearing place kind is TRANSIT_CENTRE by the contract and HUB as claims-core spells it: both are read.
 */
export class ClaimStub1795700000000 implements MigrationInterface {
  name = 'ClaimStub1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        approved_fen bigint,
        bearing_place_kind text CHECK (bearing_place_kind IN ('OUTLET', 'TRANSIT_CENTRE', 'HUB')),
        bearing_place_id uuid,
        waybill_no text,
        paid_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_event`);
    await q.query(`DROP TABLE claim`);
  }
}
