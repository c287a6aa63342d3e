import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optional extensions, used when the server offers them (both ship with the embedded PostgreSQL 17
 * and Debian's PostgreSQL 15, and are "trusted", so a database owner may create them):
 *
 * - pg_trgm: a trigram GIN index on outlet.search_text, so `LIKE '%南山%'` does not scan every
 *   outlet. Queries use plain LIKE and stay correct without it, only slower.
 * - btree_gist: an exclusion constraint forbidding overlapping assignments of one area, on top of
 *   the always-present "one open assignment" unique index.
 *
 * Extensions are database-wide and may already live in another subgraph's schema, so the index
 * names the operator class through whichever schema holds it. Races with another subgraph's
 * migration creating the same extension are tolerated.
 */
export class AddSearchAndOverlapGuards1795440180000 implements MigrationInterface {
  name = 'AddSearchAndOverlapGuards1795440180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE ext_schema text;
      BEGIN
        BEGIN
          CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
        EXCEPTION WHEN insufficient_privilege OR undefined_file OR unique_violation OR invalid_schema_name THEN
          RAISE NOTICE 'pg_trgm unavailable (%): outlet text search will scan', SQLERRM;
        END;
        SELECT n.nspname INTO ext_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
        IF ext_schema IS NOT NULL THEN
          EXECUTE format('CREATE INDEX outlet_search_trgm_idx ON outlet USING gin (search_text %I.gin_trgm_ops)', ext_schema);
        END IF;
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        BEGIN
          CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
        EXCEPTION WHEN insufficient_privilege OR undefined_file OR unique_violation OR invalid_schema_name THEN
          RAISE NOTICE 'btree_gist unavailable (%): overlap guarded by the service only', SQLERRM;
        END;
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gist') THEN
          ALTER TABLE area_assignment ADD CONSTRAINT area_assignment_no_overlap
            EXCLUDE USING gist (area_id WITH =, tstzrange(starts_at, ends_at) WITH &&);
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Extensions stay: other schemas in the database may use them.
    await q.query(`ALTER TABLE area_assignment DROP CONSTRAINT IF EXISTS area_assignment_no_overlap`);
    await q.query(`DROP INDEX IF EXISTS outlet_search_trgm_idx`);
  }
}
