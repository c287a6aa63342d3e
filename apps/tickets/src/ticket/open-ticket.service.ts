import type { DataSource, EntityManager } from 'typeorm';
import { parsePhone } from '@courierdesk/domain-network';
import { parseWaybillNo } from '@courierdesk/domain-parcel';
import {
  assertProblemParcelOutlets,
  assertReasonForKind,
  assertRegulatorCase,
  defaultPriority,
  formatTicketNumber,
  urgePriority,
  type TicketChannel,
  type TicketKind,
} from '@courierdesk/domain-ticket';
import { newId, referenceArg, textArg } from '@courierdesk/platform-subgraph';
import { withTransaction } from '@courierdesk/platform-db';
import type { Identity } from '@courierdesk/platform-auth';
import { assertHeadquarters, callerOutlet, partyOutletIds } from '../common/access';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../common/list-bounds';
import { ticketsError } from '../common/tickets.errors';
import type { WaybillDirectory, WaybillFacts } from '../graph/waybill-facts';
import type { SlaDesk } from '../sla/sla-desk';
import type { OpenTicketInput } from './ticket.input';
import { TICKET_COLUMNS, ticketRowOf, type TicketRow } from './ticket.row';
import { appendEvents, saveChange, type Actor } from './ticket.store';

/** A ticket to insert, decided and checked. */
export interface NewTicket {
  kind: TicketKind;
  reason: string;
  channel: TicketChannel;
  priority: string;
  title: string;
  description: string | null;
  waybillNo: string | null;
  callerName: string | null;
  callerPhone: string | null;
  callerRole: string | null;
  responsibleOutletId: string | null;
  responsibleTransitCentreId: string | null;
  counterpartOutletId: string | null;
  assignee: string | null;
  escalationLevel: string | null;
  regulatorCaseNo: string | null;
  regulatorDeadline: Date | null;
  anomaly: { code: string; since: Date; seq: string; detectedAt: Date } | null;
}

/**
 * Opening tickets (开工单): checks the input with the desk's rules, reads the waybill through the
 * graph (it must exist; its outlets are the default parties), and inserts the ticket with its
 * number, clocks and first audit line in one transaction. A repeat urge on a waybill whose urge is
 * still open is counted on that ticket instead (one partial unique index decides, so two urges
 * arriving together still make one case).
 */
export class OpenTicketService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date,
    private readonly waybills: WaybillDirectory,
    private readonly sla: SlaDesk,
    /** Runs in the opening transaction after a new ticket is inserted (a 12305 case's first escalation step). */
    private readonly onOpened: (manager: EntityManager, row: TicketRow, actor: Actor) => Promise<void> = async () => undefined,
  ) {}

  async open(identity: Identity, input: OpenTicketInput): Promise<{ row: TicketRow; repeat: boolean }> {
    const kind = input.kind as TicketKind;
    const channel = input.channel as TicketChannel;
    if (channel === 'PROACTIVE') throw ticketsError('CHANNEL_RESERVED', 'PROACTIVE tickets are opened by the graph from tracking anomalies, not by callers');
    const reason = assertReasonForKind(kind, input.reason);
    const regulator = assertRegulatorCase(channel, { caseNo: input.regulatorCaseNo, dueAt: input.regulatorDeadline });
    if (channel === 'REGULATOR_12305') assertHeadquarters(identity, 'register a postal regulator (12305) case');
    const waybillNo = input.waybillNo?.trim() ? parseWaybillNo(input.waybillNo) : null;
    if (!waybillNo && kind !== 'INQUIRY') throw ticketsError('WAYBILL_REQUIRED', `A ${kind} ticket is about a waybill: give waybillNo`);
    const callerPhone = input.callerPhone?.trim() ? parsePhone(input.callerPhone).normalized : null;
    const facts = waybillNo ? await this.waybill(waybillNo) : null;

    const own = callerOutlet(identity);
    let responsibleOutletId = referenceArg(input.responsibleOutletId, 'responsibleOutletId');
    const responsibleTransitCentreId = referenceArg(input.responsibleTransitCentreId, 'responsibleTransitCentreId');
    let counterpartOutletId = referenceArg(input.counterpartOutletId, 'counterpartOutletId');
    if (kind === 'PROBLEM_PARCEL') {
      // The registering outlet owns the order; the other outlet is notified and answers.
      responsibleOutletId ??= own;
      if (!counterpartOutletId) throw ticketsError('COUNTERPART_REQUIRED', 'A problem parcel is registered with the other outlet: give counterpartOutletId');
      if (!responsibleOutletId) throw ticketsError('RESPONSIBLE_PLACE_REQUIRED', 'A problem parcel needs the registering outlet: give responsibleOutletId');
      assertProblemParcelOutlets(responsibleOutletId, counterpartOutletId);
    } else {
      if (counterpartOutletId) throw ticketsError('COUNTERPART_ONLY_FOR_PROBLEM_PARCELS', 'Only problem parcels name another outlet');
      counterpartOutletId = null;
      responsibleOutletId ??= responsibleTransitCentreId ? null : (facts?.destinationOutletId ?? own);
    }
    // Neither: HQ's own desk works the case (an inquiry about prices or prohibited items needs no outlet).
    if (own && own !== responsibleOutletId && own !== counterpartOutletId) {
      throw ticketsError('OUTLET_NOT_PARTY', 'An outlet opens tickets its own outlet is party to');
    }
    // An outlet opens tickets on the waybills it sees (tracking's rule: it originated, delivers or holds
    // the parcel) — naming itself responsible is no way in: the ticket would be its window on another
    // outlet's waybill (canned replies quote its courier, status and scans). The same answer as for a
    // number that names no waybill: no existence oracle.
    if (own && facts && ![facts.originOutletId, facts.destinationOutletId, facts.holderOutletId].includes(own)) {
      throw ticketsError('WAYBILL_NOT_FOUND', `No waybill ${waybillNo}`);
    }
    const ticket: NewTicket = {
      kind,
      reason,
      channel,
      priority: input.priority ?? defaultPriority(kind, channel),
      title: textArg(input.title, 'title', MAX_SHORT_TEXT_LENGTH, true) as string,
      description: textArg(input.description, 'description', MAX_TEXT_LENGTH),
      waybillNo,
      callerName: textArg(input.callerName, 'callerName', MAX_SHORT_TEXT_LENGTH),
      callerPhone,
      callerRole: input.callerRole ?? null,
      responsibleOutletId,
      responsibleTransitCentreId,
      counterpartOutletId,
      assignee: textArg(input.assignee, 'assignee', MAX_SHORT_TEXT_LENGTH),
      // A 12305 case starts its escalation at the top (总部客服).
      escalationLevel: channel === 'REGULATOR_12305' ? 'HQ_CS' : null,
      regulatorCaseNo: regulator?.caseNo ?? null,
      regulatorDeadline: regulator?.dueAt ?? null,
      anomaly: null,
    };
    if (channel === 'REGULATOR_12305') ticket.priority = 'URGENT';
    const actor: Actor = { subject: identity.subject, outletId: own, at: this.clock() };
    return withTransaction(this.ds, (manager) => this.insert(manager, ticket, actor));
  }

  /** Inserts a checked ticket (also the proactive consumer's way in); a repeat urge is counted instead. */
  async insert(manager: EntityManager, ticket: NewTicket, actor: Actor): Promise<{ row: TicketRow; repeat: boolean }> {
    const [{ seq }] = (await manager.query(`SELECT nextval('ticket_number_seq')::float8 AS seq`)) as { seq: number }[];
    const id = newId();
    const clocks = this.sla.initial(ticket, actor.at);
    const conflict =
      ticket.anomaly !== null
        ? `ON CONFLICT (waybill_no, anomaly_code, anomaly_since) WHERE anomaly_code IS NOT NULL DO NOTHING`
        : ticket.kind === 'URGE'
          ? `ON CONFLICT (waybill_no) WHERE kind = 'URGE' AND status NOT IN ('RESOLVED', 'CLOSED') AND merged_into_id IS NULL AND waybill_no IS NOT NULL AND anomaly_code IS NULL DO NOTHING`
          : '';
    const inserted = (await manager.query(
      `INSERT INTO ticket AS t (id, number, kind, reason, channel, priority, status, title, description, waybill_no, caller_name, caller_phone,
         caller_role, responsible_outlet_id, responsible_transit_centre_id, counterpart_outlet_id, assignee, escalation_level,
         regulator_case_no, regulator_deadline, urge_count, last_urged_at, opened_at, opened_by, opened_by_outlet_id, updated_at,
         sla_policy_version, sla_due_at, sla_breached_at, problem_answer_due_at, anomaly_code, anomaly_since, anomaly_seq, anomaly_detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 1, $20, $21, $22, $23, $21,
         $24, $25, $26, $27, $28, $29, $30, $31)
       ${conflict}
       RETURNING ${TICKET_COLUMNS}`,
      [
        id, formatTicketNumber(actor.at, seq), ticket.kind, ticket.reason, ticket.channel, ticket.priority, ticket.title, ticket.description,
        ticket.waybillNo, ticket.callerName, ticket.callerPhone, ticket.callerRole, ticket.responsibleOutletId, ticket.responsibleTransitCentreId,
        ticket.counterpartOutletId, ticket.assignee, ticket.escalationLevel, ticket.regulatorCaseNo, ticket.regulatorDeadline,
        ticket.kind === 'URGE' ? actor.at : null, actor.at, actor.subject, actor.outletId, clocks.policyVersion, clocks.dueAt, clocks.breachedAt,
        clocks.problemAnswerDueAt, ticket.anomaly?.code ?? null, ticket.anomaly?.since ?? null, ticket.anomaly?.seq ?? null, ticket.anomaly?.detectedAt ?? null,
      ],
    )) as Record<string, unknown>[];
    if (inserted.length === 1) {
      const row = ticketRowOf(inserted[0]);
      await appendEvents(manager, row.id, actor, [
        { type: 'CREATED', to: row.status, detail: { number: row.number, kind: row.kind, reason: row.reason, channel: row.channel, priority: row.priority } },
      ]);
      await this.onOpened(manager, row, actor);
      return { row, repeat: false };
    }
    if (ticket.anomaly) {
      const [existing] = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM ticket t WHERE t.waybill_no = $1 AND t.anomaly_code = $2 AND t.anomaly_since = $3`, [
        ticket.waybillNo, ticket.anomaly.code, ticket.anomaly.since,
      ])) as Record<string, unknown>[];
      return { row: ticketRowOf(existing), repeat: true };
    }
    return this.countRepeatUrge(manager, ticket, actor);
  }

  private async countRepeatUrge(manager: EntityManager, ticket: NewTicket, actor: Actor): Promise<{ row: TicketRow; repeat: boolean }> {
    const [raw] = (await manager.query(
      `SELECT ${TICKET_COLUMNS} FROM ticket t
        WHERE t.waybill_no = $1 AND t.kind = 'URGE' AND t.status NOT IN ('RESOLVED', 'CLOSED') AND t.merged_into_id IS NULL AND t.anomaly_code IS NULL
        FOR UPDATE`,
      [ticket.waybillNo],
    )) as Record<string, unknown>[];
    // The open urge was resolved between our insert and this read: a rare race; the caller retries.
    if (!raw) throw ticketsError('TICKET_VERSION_CONFLICT', 'The waybill’s open urge changed just now; send the urge again');
    const before = ticketRowOf(raw);
    // The open urge may be another outlet's case (an HQ or hub urge, or one the destination works):
    // an outlet-bound caller neither counts on it nor gets it back — it does not exist for them.
    if (actor.outletId && !partyOutletIds(before).includes(actor.outletId)) {
      throw ticketsError('OUTLET_NOT_PARTY', `The open urge on ${ticket.waybillNo} is not your outlet's case: headquarters counts repeat urges on it`);
    }
    const urgeCount = before.urgeCount + 1;
    const row = await saveChange(manager, before, { urgeCount, lastUrgedAt: actor.at, priority: urgePriority(before.priority as never, urgeCount) }, actor, 'URGED', [
      { type: 'URGED', detail: { channel: ticket.channel, callerRole: ticket.callerRole, description: ticket.description } },
    ]);
    return { row: await this.sla.recompute(manager, row, actor.at, actor), repeat: true };
  }

  private async waybill(waybillNo: string): Promise<WaybillFacts> {
    const facts = (await this.waybills.facts([waybillNo])).get(waybillNo);
    if (!facts) throw ticketsError('WAYBILL_NOT_FOUND', `No waybill ${waybillNo}`);
    return facts;
  }
}
