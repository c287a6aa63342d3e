import { isOpenStatus, higherPriority, type TicketKind, type TicketPriority, type TicketStatus } from './ticket.vocabulary';

/** Of a waybill's tickets, what the urge rule reads. */
export interface UrgeCandidate {
  id: string;
  kind: TicketKind;
  status: TicketStatus;
  openedAt: Date;
}

/** What to do with a new urge (催件): count it on the open urge, or open a ticket. */
export type UrgeDecision = { action: 'COUNT'; ticketId: string } | { action: 'OPEN' };

/** True for an urge someone is still working: a new urge on the same waybill belongs to it. */
export const isOpenUrge = (ticket: Pick<UrgeCandidate, 'kind' | 'status'>): boolean => ticket.kind === 'URGE' && isOpenStatus(ticket.status);

/**
 * A repeat urge is the same case, counted, not a new ticket (重复催件计数). Given the waybill's
 * tickets, COUNT on its open urge — the oldest when there are several (there should not be; the
 * oldest holds the history) — or OPEN when it has none. A resolved urge does not absorb a new
 * one: the customer is urging again after being told it was done, which is a new case.
 */
export function decideUrge(waybillTickets: readonly UrgeCandidate[]): UrgeDecision {
  const open = waybillTickets
    .filter(isOpenUrge)
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return open.length > 0 ? { action: 'COUNT', ticketId: open[0].id } : { action: 'OPEN' };
}

/** Urges on one case from which it is HIGH priority (多次催件升级): the customer has asked three times. */
export const URGE_COUNT_FOR_HIGH = 3;

/** The priority of an urge ticket after `urgeCount` urges (the first included): never lowered. */
export const urgePriority = (current: TicketPriority, urgeCount: number): TicketPriority =>
  urgeCount >= URGE_COUNT_FOR_HIGH ? higherPriority(current, 'HIGH') : current;
