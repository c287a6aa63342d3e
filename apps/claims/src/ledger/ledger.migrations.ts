import { CreateLedger1795700060000 } from '../migrations/1795700060000-create-ledger';

/** The money side's migrations (ledger, payouts, fines, arbitration), oldest first: after the claims migration in CLAIMS_MIGRATIONS. */
export const LEDGER_MIGRATIONS = [CreateLedger1795700060000];
