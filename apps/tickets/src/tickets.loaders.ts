import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { canonicalId } from '@courierdesk/domain-core';
import type { WorkingHours } from '@courierdesk/domain-sla';
import { callerOutlet, type Identity } from '@courierdesk/platform-auth';
import { uuidKeys, type SubgraphContext } from '@courierdesk/platform-subgraph';
import { commentLoaders } from './comment/comment.loaders';
import { evidenceLoaders } from './evidence/evidence.loaders';
import { escalationLoaders } from './escalation/escalation.loaders';
import { placeTicketLoaders } from './refs/place-tickets.loaders';
import { readWorkingHours } from './sla/sla-desk';
import { historyLoaders } from './ticket/ticket-history';
import { ticketLoaders } from './ticket/ticket.loaders';

/**
 * Every loader of one request; never shared between requests. Loaders return rows whatever the
 * caller; the row rule (common/access.ts) is applied where rows become answers.
 */
export function createTicketsLoaders(ds: DataSource, clock: () => Date, identity: Identity | null = null) {
  return {
    ...ticketLoaders(ds, () => (identity ? callerOutlet(identity) : null)),
    ...historyLoaders(ds),
    ...placeTicketLoaders(ds, clock),
    ...commentLoaders(ds),
    ...evidenceLoaders(ds),
    ...escalationLoaders(ds),
    workingHours: new DataLoader<string, WorkingHours | null>(async (ids) => {
      const hours = await readWorkingHours(ds, uuidKeys(ids));
      return ids.map((id) => hours.get(canonicalId(id)) ?? null);
    }),
  };
}

export type TicketsLoaders = ReturnType<typeof createTicketsLoaders>;

/** What the tickets subgraph's resolvers receive. */
export type TicketsContext = SubgraphContext<TicketsLoaders>;
