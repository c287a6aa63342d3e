import { isUuid } from '@courierdesk/domain-core';
import { requireScopes, Scope } from '@courierdesk/platform-auth';
import { canSeeTicket } from '../common/access';
import type { TicketsContext } from '../tickets.loaders';
import { toTicket, type Ticket } from './ticket.type';

/**
 * `_entities` for Ticket (claims' `Ticket.claim`, and any other subgraph's reference): `_entities`
 * bypasses the query's scope check, so the scope is checked here; rows come through the loader (fifty
 * references are one statement), and a ticket outside the caller's reach resolves to null.
 */
export const ticketReference = {
  __resolveReference: async (reference: { id?: unknown }, ctx: TicketsContext): Promise<Ticket | null> => {
    requireScopes(ctx.identity, [Scope.TICKETS_READ]);
    if (!isUuid(reference.id)) return null;
    const row = await ctx.loaders.ticket.load(reference.id);
    return row && canSeeTicket(ctx.identity, row) ? toTicket(row) : null;
  },
};
