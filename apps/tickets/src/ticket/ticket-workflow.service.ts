import type { DataSource, EntityManager } from 'typeorm';
import {
  assertStatusChange,
  mergeOutcome,
  type TicketKind,
  type TicketStatus,
} from '@courierdesk/domain-ticket';
import { withTransaction } from '@courierdesk/platform-db';
import type { Identity } from '@courierdesk/platform-auth';
import { callerOutlet, canSeeTicket, partyOutletIds } from '../common/access';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import type { SlaDesk } from '../sla/sla-desk';
import { referenceArg, textArg } from '@courierdesk/platform-subgraph';
import type {
  AssignTicketInput,
  ChangeTicketStatusInput,
  MergeTicketsInput,
  ReopenTicketInput,
  ResolveTicketInput,
  SetTicketPriorityInput,
} from './ticket.input';
import type { TicketRow } from './ticket.row';
import { lockTicket, saveChange, type Actor, type TicketEventInput } from './ticket.store';

/** A change a use case makes to a locked, checked ticket. */
export interface TicketChange {
  changes: Partial<TicketRow>;
  type: string;
  extra?: TicketEventInput[];
}

/**
 * Changing tickets (工单流转): each use case locks the ticket, checks the caller may act on it and
 * that the version it read is still current, asks the domain rule, writes the change with its audit
 * lines and recomputes the clocks — one transaction. The loser of two same-version edits gets
 * CONFLICT (TICKET_VERSION_CONFLICT), never a silent overwrite.
 */
export class TicketWorkflowService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly sla: SlaDesk,
  ) {}

  /** Locks a ticket the caller may act on, at the version the caller read. */
  async lockForChange(manager: EntityManager, identity: Identity, ticketId: string, version: number | null): Promise<TicketRow> {
    const id = referenceArg(ticketId, 'ticketId') as string;
    const row = await lockTicket(manager, id);
    if (!row || !canSeeTicket(identity, row)) throw ticketsError('TICKET_NOT_FOUND', `No ticket ${ticketId}`);
    if (row.mergedIntoId) throw ticketsError('TICKET_MERGED', `Ticket ${row.number} was merged into another ticket; act on that one`);
    if (version !== null && row.version !== version) {
      throw ticketsError('TICKET_VERSION_CONFLICT', `Ticket ${row.number} is at version ${row.version}, not ${version}: someone changed it; reload and try again`);
    }
    return row;
  }

  /** Runs one change on one ticket (see the class comment); `decide` may write rows of its own in the same transaction. */
  async change(
    identity: Identity,
    ticketId: string,
    version: number | null,
    decide: (row: TicketRow, actor: Actor, manager: EntityManager) => TicketChange | Promise<TicketChange>,
  ): Promise<TicketRow> {
    const actor: Actor = { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
    return withTransaction(this.ds, async (manager) => {
      const before = await this.lockForChange(manager, identity, ticketId, version);
      const { changes, type, extra } = await decide(before, actor, manager);
      const after = await saveChange(manager, before, changes, actor, type, extra);
      return this.sla.recompute(manager, after, actor.at, actor);
    });
  }

  changeStatus(identity: Identity, input: ChangeTicketStatusInput): Promise<TicketRow> {
    return this.change(identity, input.ticketId, input.version, (row, actor) => {
      const to = input.status as TicketStatus;
      if (to === 'RESOLVED') throw ticketsError('USE_RESOLVE', 'Resolve a ticket with resolveTicket: it needs a resolution code');
      assertStatusChange({ from: row.status as TicketStatus, to, resolvedAt: row.resolvedAt, now: actor.at });
      const changes: Partial<TicketRow> = { status: to };
      if (to === 'CLOSED') changes.closedAt = actor.at;
      if (row.status === 'RESOLVED' && to !== 'CLOSED') Object.assign(changes, { resolvedAt: null, resolutionCode: null, resolutionNote: null });
      const note = textArg(input.note, 'note', MAX_TEXT_LENGTH);
      return { changes, type: row.status === 'RESOLVED' ? 'REOPENED' : 'STATUS_CHANGED', extra: note ? [{ type: 'NOTE', detail: { note } }] : [] };
    });
  }

  assign(identity: Identity, input: AssignTicketInput): Promise<TicketRow> {
    return this.change(identity, input.ticketId, input.version, () => ({
      changes: { assignee: textArg(input.assignee, 'assignee', MAX_SHORT_TEXT_LENGTH) },
      type: 'ASSIGNED',
    }));
  }

  setPriority(identity: Identity, input: SetTicketPriorityInput): Promise<TicketRow> {
    return this.change(identity, input.ticketId, input.version, () => ({ changes: { priority: input.priority }, type: 'PRIORITY_CHANGED' }));
  }

  resolve(identity: Identity, input: ResolveTicketInput): Promise<TicketRow> {
    return this.change(identity, input.ticketId, input.version, (row, actor) => {
      assertStatusChange({ from: row.status as TicketStatus, to: 'RESOLVED', resolvedAt: row.resolvedAt, now: actor.at });
      if (input.resolutionCode === 'MERGED') throw ticketsError('RESOLUTION_RESERVED', 'MERGED is set by mergeTickets; pick the resolution that says how the case ended');
      return {
        // Resolving answers the customer: it is the first reply when none came before (the clock and the figures agree).
        changes: {
          status: 'RESOLVED',
          resolvedAt: actor.at,
          firstReplyAt: row.firstReplyAt ?? actor.at,
          resolutionCode: input.resolutionCode,
          resolutionNote: textArg(input.note, 'note', MAX_TEXT_LENGTH),
        },
        type: 'RESOLVED',
      };
    });
  }

  reopen(identity: Identity, input: ReopenTicketInput): Promise<TicketRow> {
    const why = textArg(input.reason, 'reason', MAX_TEXT_LENGTH, true);
    return this.change(identity, input.ticketId, input.version, (row, actor) => {
      assertStatusChange({ from: row.status as TicketStatus, to: 'IN_PROGRESS', resolvedAt: row.resolvedAt, now: actor.at });
      return {
        changes: { status: 'IN_PROGRESS', resolvedAt: null, closedAt: null, resolutionCode: null, resolutionNote: null },
        type: 'REOPENED',
        extra: [{ type: 'REOPENED', detail: { reason: why } }],
      };
    });
  }

  /**
   * Merges one ticket into another (合并): both locked in id order (two merges crossing each other
   * cannot deadlock), both versions checked; the target takes the higher priority, both urge counts
   * and the earlier deadline; the source closes as MERGED and points at the target. Comments,
   * evidence and audit trails stay where they were written: the target lists its merged tickets.
   */
  async merge(identity: Identity, input: MergeTicketsInput): Promise<{ source: TicketRow; target: TicketRow }> {
    const sourceId = referenceArg(input.sourceTicketId, 'sourceTicketId') as string;
    const targetId = referenceArg(input.targetTicketId, 'targetTicketId') as string;
    const actor: Actor = { subject: identity.subject, outletId: callerOutlet(identity), at: this.clock() };
    return withTransaction(this.ds, async (manager) => {
      if (sourceId === targetId) {
        const row = await this.lockForChange(manager, identity, sourceId, input.sourceVersion);
        mergeOutcome(mergeView(row), mergeView(row), actor.at);
      }
      const [first, second] = [sourceId, targetId].sort();
      const locked = new Map<string, TicketRow>();
      for (const id of [first, second]) {
        locked.set(id, await this.lockForChange(manager, identity, id, id === sourceId ? input.sourceVersion : input.targetVersion));
      }
      const source = locked.get(sourceId) as TicketRow;
      const target = locked.get(targetId) as TicketRow;
      // An outlet merges its own cases; joining cases of different parties decides between outlets: HQ's.
      if (actor.outletId && partyOutletIds(source).sort().join() !== partyOutletIds(target).sort().join()) {
        throw ticketsError('HQ_ONLY', 'Only headquarters may merge tickets of different outlets');
      }
      const outcome = mergeOutcome(mergeView(source), mergeView(target), actor.at);
      const closedSource = await saveChange(
        manager,
        source,
        { status: 'CLOSED', closedAt: actor.at, resolutionCode: 'MERGED', mergedIntoId: target.id },
        actor,
        'MERGED_INTO',
        [{ type: 'MERGED_INTO', detail: { into: target.number } }],
      );
      const grownTarget = await saveChange(
        manager,
        target,
        {
          priority: outcome.target.priority,
          urgeCount: outcome.target.urgeCount,
          waybillNo: outcome.target.waybillNo,
          regulatorCaseNo: outcome.target.regulatorCase?.caseNo ?? target.regulatorCaseNo,
          regulatorDeadline: outcome.target.regulatorCase?.dueAt ?? target.regulatorDeadline,
        },
        actor,
        'MERGED_FROM',
        [{ type: 'MERGED_FROM', detail: { from: source.number } }],
      );
      return {
        source: await this.sla.recompute(manager, closedSource, actor.at, actor),
        target: await this.sla.recompute(manager, grownTarget, actor.at, actor),
      };
    });
  }
}

const mergeView = (row: TicketRow) => ({
  id: row.id,
  kind: row.kind as TicketKind,
  status: row.status as TicketStatus,
  waybillNo: row.waybillNo,
  priority: row.priority as never,
  urgeCount: row.urgeCount,
  dueAt: row.slaDueAt,
  regulatorCase: row.regulatorCaseNo && row.regulatorDeadline ? { caseNo: row.regulatorCaseNo, dueAt: row.regulatorDeadline } : null,
});
