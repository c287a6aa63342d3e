import { canonicalId } from '@courierdesk/domain-core';
import type { RegulatorCase } from './regulator';
import { TicketRuleError } from './ticket.errors';
import { higherPriority, type ResolutionCode, type TicketKind, type TicketPriority, type TicketStatus } from './ticket.vocabulary';

/** What merging reads of a ticket. */
export interface MergeTicket {
  id: string;
  kind: TicketKind;
  status: TicketStatus;
  /** Null for a ticket opened before the customer knew the number (a phone inquiry). */
  waybillNo: string | null;
  priority: TicketPriority;
  /** Urges counted on the ticket (1 for a ticket that is not an urge). */
  urgeCount: number;
  /** When the next answer is due, if a deadline runs. */
  dueAt?: Date | null;
  regulatorCase?: RegulatorCase | null;
}

/**
 * Throws unless `source` may be merged into `target` (合并工单): MERGE_INTO_ITSELF for one ticket,
 * MERGE_NOT_ALLOWED (CONFLICT) when either is CLOSED (its history is final), when the target is
 * RESOLVED (the source's open question would be buried in a finished case: reopen it first), or
 * when both name a waybill and they differ (two parcels are two cases). A ticket without a
 * waybill may merge with any: it is the same caller's case found later.
 */
export function assertMergeable(source: MergeTicket, target: MergeTicket): void {
  const refuse = (why: string, reason: string) =>
    new TicketRuleError('MERGE_NOT_ALLOWED', `ticket ${source.id} cannot be merged into ${target.id}: ${why}`, {
      sourceId: source.id,
      targetId: target.id,
      reason,
    });
  if (canonicalId(source.id) === canonicalId(target.id)) {
    throw new TicketRuleError('MERGE_INTO_ITSELF', `ticket ${source.id} cannot be merged into itself`, { ticketId: source.id });
  }
  if (source.status === 'CLOSED') throw refuse('the source is closed', 'SOURCE_CLOSED');
  if (target.status === 'CLOSED') throw refuse('the target is closed', 'TARGET_CLOSED');
  if (target.status === 'RESOLVED') throw refuse('the target is resolved; reopen it first', 'TARGET_RESOLVED');
  if (source.waybillNo && target.waybillNo && source.waybillNo.trim().toUpperCase() !== target.waybillNo.trim().toUpperCase()) {
    throw refuse(`different waybills ${source.waybillNo} and ${target.waybillNo}`, 'DIFFERENT_WAYBILL');
  }
}

/** What a merge changes: the target carries on with both cases, the source is closed as MERGED. */
export interface MergeOutcome {
  target: {
    id: string;
    /** The higher of the two. */
    priority: TicketPriority;
    /** Both counts added: every urge the customer made is still counted. */
    urgeCount: number;
    /** The target's waybill, or the source's when the target had none. */
    waybillNo: string | null;
    /** The earlier deadline: merging never buys time. */
    dueAt: Date | null;
    /** The regulator case with the earlier deadline when both have one. */
    regulatorCase: RegulatorCase | null;
    /** Tickets whose comments and evidence the target now shows with its own (both histories kept). */
    mergedFromIds: string[];
  };
  source: { id: string; status: 'CLOSED'; resolution: Extract<ResolutionCode, 'MERGED'>; mergedIntoId: string; closedAt: Date };
}

const earlier = <T>(a: T | null | undefined, b: T | null | undefined, at: (x: T) => number): T | null =>
  a && b ? (at(b) < at(a) ? b : a) : (a ?? b ?? null);

/**
 * Merges `source` into `target` (合并结果) after assertMergeable. Nothing is deleted: the source is
 * closed with resolution MERGED and points at the target, whose history lists it.
 */
export function mergeOutcome(source: MergeTicket, target: MergeTicket, now: Date): MergeOutcome {
  assertMergeable(source, target);
  return {
    target: {
      id: target.id,
      priority: higherPriority(target.priority, source.priority),
      // Only urges carry urges: two merged complaints are one complaint, not an urged one.
      urgeCount: target.urgeCount + (source.kind === 'URGE' ? source.urgeCount : 0),
      waybillNo: target.waybillNo ?? source.waybillNo,
      dueAt: earlier(target.dueAt, source.dueAt, (d) => d.getTime()),
      regulatorCase: earlier(target.regulatorCase, source.regulatorCase, (c) => c.dueAt.getTime()),
      mergedFromIds: [source.id],
    },
    source: { id: source.id, status: 'CLOSED', resolution: 'MERGED', mergedIntoId: target.id, closedAt: now },
  };
}
