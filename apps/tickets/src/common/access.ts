import type { RecordOwner } from '@courierdesk/domain-network';
import { callerOutlet, isOutletBound, type Identity } from '@courierdesk/platform-auth';
import { ticketsError } from './tickets.errors';

/*
 * Who sees what at the desk (工单) — the decision, in one place:
 *
 * 1. Scopes. Reading tickets, comments, evidence, clocks and the contributed fields
 *    (Waybill.tickets, Outlet.openTickets, Outlet.slaStats) needs tickets:read; every change needs
 *    tickets:write — on every query, mutation and `_entities` reference.
 * 2. Rows. A ticket's parties are its responsible outlet and, for a problem parcel between outlets
 *    (问题件工单), the other outlet. An outlet-bound caller (加盟网点 partner, outlet agent) sees and
 *    acts on a ticket only when its outlet is a party. Everywhere else the ticket does not exist for
 *    it: NOT_FOUND by id or number (no existence oracle), absent from every list and count, null
 *    in `_entities`. HQ agents and analysts (not outlet-bound) see every ticket.
 * 3. Comments. INTERNAL notes stay on their side: an outlet reads its own outlet's internal notes
 *    only, never HQ's or the other outlet's; SHARED notes are read by both outlets of the case;
 *    CUSTOMER replies by every party (the rule is domain-ticket's `canReadComment`).
 * 4. The caller's name and phone are a customer's personal data, owned by the ticket's parties:
 *    whole with pii:read for HQ and the parties, masked (张*, 138****1234) for everyone else,
 *    by the one policy of domain-network (docs/personal-data.md).
 * 5. HQ-only acts: registering a 12305 regulator case, merging tickets of different outlets.
 */

/** The outlets party to a ticket. */
export interface TicketParties {
  responsibleOutletId: string | null;
  counterpartOutletId: string | null;
}

/** The parties' outlet ids (one or two). */
export const partyOutletIds = (ticket: TicketParties): string[] =>
  [ticket.responsibleOutletId, ticket.counterpartOutletId].filter((id): id is string => id !== null);

/** Whether the caller may see this ticket at all (rule 2). */
export function canSeeTicket(identity: Identity, ticket: TicketParties): boolean {
  const own = callerOutlet(identity);
  return own === null || partyOutletIds(ticket).includes(own);
}

/** The caller's outlet when outlet-bound, else null (HQ): platform-auth's, one rule for every subgraph. */
export { callerOutlet };

/** Throws FORBIDDEN for outlet-bound callers. */
export function assertHeadquarters(identity: Identity, what: string): void {
  if (isOutletBound(identity)) throw ticketsError('HQ_ONLY', `Only headquarters may ${what}`);
}

/** The record a ticket's customer data belongs to (rule 4). */
export const ticketOwner = (ticket: TicketParties): RecordOwner => ({ outletIds: partyOutletIds(ticket) });
