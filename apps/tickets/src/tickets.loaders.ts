import type { DataSource } from 'typeorm';
import { BY_UUID, keyedLoader, uuidKeys, type SubgraphContext } from '@courierdesk/platform-subgraph';
import { OUTLET_WORKING_HOURS, type WorkingHours } from '@courierdesk/domain-sla';
import { commentLoaders } from './comment/comment.loaders';
import { evidenceLoaders } from './evidence/evidence.loaders';
import { escalationLoaders } from './escalation/escalation.loaders';
import { placeTicketLoaders } from './refs/place-tickets.loaders';
import { historyLoaders } from './ticket/ticket-history';
import { ticketLoaders } from './ticket/ticket.loaders';

/**
 * Every loader of one request; never shared between requests. Loaders return rows whatever the
 * caller; the row rule (common/access.ts) is applied where rows become answers.
 */
export function createTicketsLoaders(ds: DataSource, clock: () => Date) {
  return {
    ...ticketLoaders(ds),
    ...historyLoaders(ds),
    ...placeTicketLoaders(ds, clock),
    ...commentLoaders(ds),
    ...evidenceLoaders(ds),
    ...escalationLoaders(ds),
    workingHours: keyedLoader<string, { outletId: string; hours: WorkingHours }>(
      async (ids) =>
        ((await ds.query(`SELECT outlet_id::text AS "outletId", opens, closes FROM outlet_working_hours WHERE outlet_id = ANY($1::uuid[])`, [uuidKeys(ids)])) as {
          outletId: string;
          opens: string;
          closes: string;
        }[]).map((r) => ({ outletId: r.outletId, hours: { ...OUTLET_WORKING_HOURS, name: `OUTLET ${r.outletId}`, opens: r.opens, closes: r.closes } })),
      (row) => row.outletId,
      BY_UUID,
    ),
  };
}

export type TicketsLoaders = ReturnType<typeof createTicketsLoaders>;

/** What the tickets subgraph's resolvers receive. */
export type TicketsContext = SubgraphContext<TicketsLoaders>;
