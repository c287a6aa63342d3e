import { DAY_MS, assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import { TicketRuleError } from './ticket.errors';
import type { TicketStatus } from './ticket.vocabulary';

/**
 * How long after its resolution a customer may reopen a ticket (重开期限), in days. Within it a
 * "still not received" is the same case and keeps its history; after it the ticket is CLOSED and a
 * new complaint is a new ticket. Seven days matches the statutory time to answer a complaint, so a
 * customer who waited for that answer still has a week to dispute it.
 */
export const REOPEN_WINDOW_DAYS = 7;

/**
 * Allowed status moves as data (工单状态流转表). Every open status may be resolved or closed at once
 * (an inquiry answered in the first call; a duplicate closed unworked) and may wait for either party
 * or go up to HQ. RESOLVED may go back to IN_PROGRESS — a reopen, allowed only within the reopen
 * window (assertReopen) — or on to CLOSED. CLOSED is terminal: nothing leaves it. Staying put is no
 * move.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  // The customer's new address goes straight to the outlet: one step, not two.
  WAITING_FOR_CUSTOMER: ['IN_PROGRESS', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  WAITING_FOR_OUTLET: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED'],
  // HQ hands the case back to the desk, or asks a party itself.
  ESCALATED: ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
};

/** True when the table allows `from → to` (the reopen window is checked apart, by assertReopen). */
export const canMove = (from: TicketStatus, to: TicketStatus): boolean => TICKET_TRANSITIONS[from]?.includes(to) ?? false;

/** True when `from → to` reopens a resolved ticket. */
export const isReopen = (from: TicketStatus, to: TicketStatus): boolean => from === 'RESOLVED' && to !== 'CLOSED' && to !== 'RESOLVED';

/** Throws TRANSITION_NOT_ALLOWED (CONFLICT) unless the table allows `from → to`. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canMove(from, to)) {
    throw new TicketRuleError('TRANSITION_NOT_ALLOWED', `a ${from} ticket cannot move to ${to}`, {
      from,
      to,
      allowed: TICKET_TRANSITIONS[from] ?? [],
    });
  }
}

/** The last instant a ticket resolved at `resolvedAt` may be reopened; after it, it should be CLOSED. */
export const reopenDeadline = (resolvedAt: Date, windowDays = REOPEN_WINDOW_DAYS): Date =>
  new Date(assertValidDate(resolvedAt, 'resolvedAt').getTime() + windowDays * DAY_MS);

/** Throws REOPEN_WINDOW_PASSED (CONFLICT) when `now` is after the reopen deadline; the deadline itself is in time. */
export function assertReopen(resolvedAt: Date, now: Date, windowDays = REOPEN_WINDOW_DAYS): void {
  const deadline = reopenDeadline(resolvedAt, windowDays);
  if (assertValidDate(now, 'now').getTime() > deadline.getTime()) {
    throw new TicketRuleError('REOPEN_WINDOW_PASSED', `resolved tickets may be reopened until ${formatChinaTime(deadline)} (UTC+8), ${windowDays} days after resolution`, {
      resolvedAt: resolvedAt.toISOString(),
      deadline: deadline.toISOString(),
      windowDays,
    });
  }
}

/** A status change as the service holds it: the move, and for a reopen when the ticket was resolved. */
export interface StatusChange {
  from: TicketStatus;
  to: TicketStatus;
  /** When the ticket was resolved; needed to reopen it. */
  resolvedAt?: Date | null;
  now: Date;
}

/**
 * The whole rule for a status change (状态变更校验): the table, and for a reopen the window.
 * Throws TRANSITION_NOT_ALLOWED, or REOPEN_WINDOW_PASSED (also when a reopen has no resolvedAt:
 * a resolved ticket without a resolution time cannot show it is still in the window).
 */
export function assertStatusChange(change: StatusChange): void {
  assertTransition(change.from, change.to);
  if (!isReopen(change.from, change.to)) return;
  if (!change.resolvedAt) {
    throw new TicketRuleError('REOPEN_WINDOW_PASSED', 'a resolved ticket without a resolution time cannot be reopened', { resolvedAt: null });
  }
  assertReopen(change.resolvedAt, change.now);
}
