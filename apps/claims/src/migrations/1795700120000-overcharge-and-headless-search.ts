import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: the overcharge refund (多收费退还) is a claim kind, and a lost parcel's claim records
 * the headless-parcel search (无头件查找) it saw.
 *
 * - `kind` takes OVERCHARGE (the CHECK is replaced; existing rows all pass it).
 * - `headless_search` is the newest search read on the waybill at filing, decision, approval or
 *   payment, as JSON (id, searchedAt, candidateCount, policyVersion); null when none was seen.
 *   The audit trail records which search each step relied on.
 */
export class OverchargeAndHeadlessSearch1795700120000 implements MigrationInterface {
  name = 'OverchargeAndHeadlessSearch1795700120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_kind_check`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_kind_check CHECK (kind IN ('LOSS', 'DAMAGE', 'PARTIAL_LOSS', 'DELAY', 'RETURN_FREIGHT', 'OVERCHARGE'))`);
    await q.query(`ALTER TABLE claim ADD COLUMN headless_search jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim DROP COLUMN headless_search`);
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_kind_check`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_kind_check CHECK (kind IN ('LOSS', 'DAMAGE', 'PARTIAL_LOSS', 'DELAY', 'RETURN_FREIGHT'))`);
  }
}
