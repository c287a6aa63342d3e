import type { EntityManager } from 'typeorm';
import {
  DEFAULT_SLA_POLICIES,
  HQ_WORKING_HOURS,
  nearestDeadline,
  OUTLET_WORKING_HOURS,
  policyInForce,
  slaClocks,
  statutoryClocks,
  type SlaClock,
  type SlaPolicy,
  type SlaTimelineEvent,
  type TicketStatus,
  type WorkingHours,
} from '@courierdesk/domain-sla';
import { answerDeadline, DEFAULT_PROBLEM_PARCEL_POLICY, type ProblemParcelPolicy } from '@courierdesk/domain-ticket';
import { readClockEvents, type ClockEventRow } from '../ticket/ticket.loaders';
import type { TicketRow } from '../ticket/ticket.row';
import type { Actor } from '../ticket/ticket.store';

/** What the clocks read of a ticket: its profile and the instants that start them. */
type ClockTicket = Pick<TicketRow, 'kind' | 'reason' | 'priority' | 'channel' | 'openedAt' | 'regulatorDeadline' | 'responsibleOutletId'> &
  Partial<Pick<TicketRow, 'resolvedAt'>>;

/** The policies the desk runs with (versioned; tests and replays pass their own). */
export interface DeskPolicies {
  sla: readonly SlaPolicy[];
  problemParcel: readonly ProblemParcelPolicy[];
}

/** The policies in code today. */
export const DEFAULT_DESK_POLICIES: DeskPolicies = { sla: DEFAULT_SLA_POLICIES, problemParcel: [DEFAULT_PROBLEM_PARCEL_POLICY] };

/** The clocks' columns stored on the ticket, for the queue's order and the breach filter. */
export interface ClockColumns {
  policyVersion: string;
  dueAt: Date | null;
  breachedAt: Date | null;
  problemAnswerDueAt: Date | null;
}

/** A ticket's audit lines, as the SLA library reads its timeline. */
export function timelineOf(events: readonly ClockEventRow[]): SlaTimelineEvent[] {
  const timeline: SlaTimelineEvent[] = [];
  for (const event of events) {
    if (event.type === 'CREATED') timeline.push({ at: event.at, type: 'STATUS', status: 'OPEN' });
    else if (event.type === 'REPLIED') timeline.push({ at: event.at, type: 'REPLY' });
    else if (event.type === 'CUSTOMER_MESSAGE') timeline.push({ at: event.at, type: 'CUSTOMER_MESSAGE' });
    else if (event.type === 'REOPENED' && event.field === null) timeline.push({ at: event.at, type: 'REOPEN' });
    else if (event.field === 'status' && event.toValue) timeline.push({ at: event.at, type: 'STATUS', status: event.toValue as TicketStatus });
  }
  return timeline;
}

/**
 * The desk's SLA side (时效): computes a ticket's clocks with the pure library (domain-sla) from
 * its audit trail, in the responsible outlet's working hours (HQ's for tickets of a transit centre),
 * and keeps the two columns the queue reads — the nearest deadline and the first breach — true
 * after every write. The policy version is the one in force when the ticket was opened.
 */
export class SlaDesk {
  constructor(readonly policies: DeskPolicies = DEFAULT_DESK_POLICIES) {}

  /**
   * The clocks of a ticket now: the SLA policy's (business time) and the statutory ones (calendar
   * time: a complaint handled and answered within 7 days, a 12305 case by the regulator's deadline),
   * which count until the ticket is resolved.
   */
  clocks(ticket: ClockTicket, events: readonly ClockEventRow[], now: Date, hours: WorkingHours | null): SlaClock[] {
    const statutory = statutoryClocks({
      kind: ticket.kind as never,
      channel: ticket.channel as never,
      openedAt: ticket.openedAt,
      regulatorDeadline: ticket.regulatorDeadline,
      answeredAt: ticket.resolvedAt ?? null,
      now,
    });
    return [...this.slaClocksOf(ticket, events, now, hours), ...statutory];
  }

  private slaClocksOf(ticket: ClockTicket, events: readonly ClockEventRow[], now: Date, hours: WorkingHours | null): SlaClock[] {
    return slaClocks({
      ticket: {
        kind: ticket.kind as never,
        reason: ticket.reason,
        priority: ticket.priority as never,
        channel: ticket.channel as never,
        openedAt: ticket.openedAt,
        regulatorDeadline: ticket.regulatorDeadline,
      },
      events: timelineOf(events),
      now,
      policies: this.policies.sla,
      workingHours: hours ?? this.defaultHours(ticket),
    });
  }

  /** Working hours when the outlet set none: an outlet's day, or HQ's desk for hub tickets. */
  defaultHours(ticket: Pick<TicketRow, 'responsibleOutletId'>): WorkingHours {
    return ticket.responsibleOutletId ? OUTLET_WORKING_HOURS : HQ_WORKING_HOURS;
  }

  /** The stored columns of a ticket being opened now. */
  initial(ticket: Omit<ClockTicket, 'openedAt' | 'regulatorDeadline'> & { regulatorDeadline: Date | null }, at: Date, hours: WorkingHours | null = null): ClockColumns {
    const row = { ...ticket, openedAt: at };
    const created: ClockEventRow = { ticketId: '', at, type: 'CREATED', field: null, toValue: 'OPEN' };
    return this.columns(row, this.clocks(row, [created], at, hours), null);
  }

  /** The columns from computed clocks (and a problem parcel's answer deadline while unanswered). */
  columns(ticket: ClockTicket & Partial<Pick<TicketRow, 'problemAnsweredAt' | 'status'>>, clocks: readonly SlaClock[], problemAnswerDueAt: Date | null): ClockColumns {
    const answerDue =
      ticket.kind === 'PROBLEM_PARCEL' ? (problemAnswerDueAt ?? answerDeadline(ticket.openedAt, this.policies.problemParcel).dueAt) : null;
    const open = ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED';
    const candidates = [nearestDeadline(clocks), open && answerDue && !ticket.problemAnsweredAt ? answerDue : null].filter((d): d is Date => d !== null);
    const breaches = clocks.map((c) => c.breachedAt).filter((d): d is Date => d instanceof Date);
    return {
      policyVersion: policyInForce(this.policies.sla, ticket.openedAt).version,
      dueAt: candidates.length > 0 ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null,
      breachedAt: breaches.length > 0 ? new Date(Math.min(...breaches.map((d) => d.getTime()))) : null,
      problemAnswerDueAt: answerDue,
    };
  }

  /** Recomputes and stores a ticket's clock columns after a change (derived: no version move, no audit line). */
  async recompute(manager: EntityManager, row: TicketRow, now: Date, _actor: Actor): Promise<TicketRow> {
    const events = await readClockEvents(manager, [row.id]);
    const hours = row.responsibleOutletId ? ((await readWorkingHours(manager, [row.responsibleOutletId])).get(row.responsibleOutletId) ?? null) : null;
    const columns = this.columns(row, this.clocks(row, events, now, hours), row.problemAnswerDueAt);
    if (sameTime(columns.dueAt, row.slaDueAt) && sameTime(columns.breachedAt, row.slaBreachedAt)) return row;
    await manager.query(`UPDATE ticket SET sla_due_at = $2, sla_breached_at = $3 WHERE id = $1`, [row.id, columns.dueAt, columns.breachedAt]);
    return { ...row, slaDueAt: columns.dueAt, slaBreachedAt: columns.breachedAt };
  }
}

const sameTime = (a: Date | null, b: Date | null): boolean => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** An outlet's own working hours (营业时间): the outlet day with its opening and closing times. */
export const outletWorkingHours = (outletId: string, opens: string, closes: string): WorkingHours => ({ ...OUTLET_WORKING_HOURS, name: `OUTLET ${outletId}`, opens, closes });

/** The working hours the outlets set, by outlet id (absent: the default), in one statement. */
export async function readWorkingHours(db: Pick<EntityManager, 'query'>, outletIds: readonly string[]): Promise<Map<string, WorkingHours>> {
  const rows = (await db.query(`SELECT outlet_id::text AS "outletId", opens, closes FROM outlet_working_hours WHERE outlet_id = ANY($1::uuid[])`, [outletIds])) as {
    outletId: string;
    opens: string;
    closes: string;
  }[];
  return new Map(rows.map((r) => [r.outletId, outletWorkingHours(r.outletId, r.opens, r.closes)]));
}
