import type { MigrationClass } from '@courierdesk/platform-db';
import { LEDGER_MIGRATIONS } from './ledger/ledger.migrations';
import { CreateClaims1795700000000 } from './migrations/1795700000000-create-claims';
import { OverchargeAndHeadlessSearch1795700120000 } from './migrations/1795700120000-overcharge-and-headless-search';

/** The PostgreSQL schema (namespace) the claims subgraph owns. */
export const CLAIMS_DB_SCHEMA = 'claims';

/** The claims subgraph reads and writes with SQL of its own (claim.row.ts, claim.store.ts): no TypeORM entity maps its rows. */
export const CLAIMS_ENTITIES = [];

/**
 * The claims schema's migrations, oldest first. The ledger and payouts (src/ledger/) append theirs
 * here (1795700060000 …); issue 12's (1795700120000) follows. Keep the order by timestamp.
 */
export const CLAIMS_MIGRATIONS: MigrationClass[] = [CreateClaims1795700000000, ...LEDGER_MIGRATIONS, OverchargeAndHeadlessSearch1795700120000];
