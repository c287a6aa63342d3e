import type { DataSource, EntityManager } from 'typeorm';
import { nextEscalationLevel } from '@courierdesk/domain-sla';
import { assertTransition, type TicketStatus } from '@courierdesk/domain-ticket';
import type { Identity } from '@courierdesk/platform-auth';
import { canSeeTicket } from '../common/access';
import { MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import type { EscalationChains, EscalationContact } from '../graph/escalation-chains';
import { referenceArg, textArg } from '@courierdesk/platform-subgraph';
import type { TicketWorkflowService } from '../ticket/ticket-workflow.service';
import type { EscalateTicketInput } from '../ticket/ticket.input';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from '../ticket/ticket.row';
import { appendEvents, type Actor } from '../ticket/ticket.store';
import { currentEscalationLevel, escalationLevelsOf, escalationTopicOf } from './escalation-topic';
import { contactFor, escalationChange, insertEscalations, REGULATOR_STEP_KEY } from './escalation.store';

/**
 * Escalating tickets (升级) by hand: one level up the chain of the ticket's topic at its responsible
 * outlet, with the person to call there read live from the network through the graph. The step,
 * the new level, the status and the audit lines are one transaction under the ticket's version.
 */
export class EscalationService {
  constructor(
    private readonly ds: DataSource,
    private readonly chains: EscalationChains,
    private readonly workflow: TicketWorkflowService,
  ) {}

  /** Escalates one level; ESCALATION_AT_TOP (CONFLICT) at the top, TRANSITION_NOT_ALLOWED when resolved or closed. */
  async escalate(identity: Identity, input: EscalateTicketInput): Promise<TicketRow> {
    const reason = textArg(input.reason, 'reason', MAX_TEXT_LENGTH, true) as string;
    const id = referenceArg(input.ticketId, 'ticketId') as string;
    // The contacts are read before the transaction: no row stays locked while the graph answers.
    const contacts = await this.contactsOf(await this.visible(identity, id));
    return this.workflow.change(identity, id, input.version, async (row, actor, manager) => {
      if (row.status !== 'ESCALATED') assertTransition(row.status as TicketStatus, 'ESCALATED');
      const levels = escalationLevelsOf(escalationTopicOf(row));
      const from = currentEscalationLevel(row, levels);
      const to = nextEscalationLevel(from, levels);
      if (to === null) throw ticketsError('ESCALATION_AT_TOP', `Ticket ${row.number} is at the top of its escalation chain (${from}) already`);
      const steps = await insertEscalations(manager, row.id, [{ level: to, fromLevel: from, cause: 'MANUAL', breachKey: null, reason, contact: contactFor(contacts, to) }], actor);
      return escalationChange(row, steps);
    });
  }

  /**
   * A 12305 case's first step, written with the ticket: it starts at the top (HQ answers the
   * regulator), so the record says so from the first minute. HQ registers these cases itself: the
   * step names no one to call.
   */
  async recordOpening(manager: EntityManager, row: TicketRow, actor: Actor): Promise<void> {
    if (row.channel !== 'REGULATOR_12305' || row.escalationLevel === null) return;
    const steps = await insertEscalations(
      manager,
      row.id,
      [{ level: row.escalationLevel, fromLevel: null, cause: 'REGULATOR', breachKey: REGULATOR_STEP_KEY, reason: `12305 case ${row.regulatorCaseNo}`, contact: null }],
      actor,
    );
    await appendEvents(manager, row.id, actor, escalationChange(row, steps).extra);
  }

  /** The responsible outlet's chain for the ticket's topic; none for a ticket only a transit centre answers for. */
  async contactsOf(row: TicketRow): Promise<EscalationContact[]> {
    return row.responsibleOutletId ? this.chains.chain(row.responsibleOutletId, escalationTopicOf(row)) : [];
  }

  private async visible(identity: Identity, id: string): Promise<TicketRow> {
    const [raw] = (await this.ds.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.id = $1`, [id])) as Record<string, unknown>[];
    const row = raw ? ticketRowOf(raw) : null;
    if (!row || !canSeeTicket(identity, row)) throw ticketsError('TICKET_NOT_FOUND', `No ticket ${id}`);
    return row;
  }
}
