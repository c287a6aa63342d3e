import { CreateTickets1795600000000 } from './migrations/1795600000000-create-tickets';
import { OutletQueueIndexes1795600100000 } from './migrations/1795600100000-outlet-queue-indexes';

/** The PostgreSQL schema (namespace) the tickets subgraph owns. */
export const TICKETS_DB_SCHEMA = 'tickets';

/**
 * The tickets subgraph reads and writes with SQL of its own (ticket.row.ts, ticket.store.ts): the
 * rows' shapes live next to their statements, and no TypeORM entity maps them.
 */
export const TICKETS_ENTITIES = [];

/** The tickets schema's migrations, oldest first. */
export const TICKETS_MIGRATIONS = [CreateTickets1795600000000, OutletQueueIndexes1795600100000];
