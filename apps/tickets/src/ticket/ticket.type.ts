import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { REASON_LABELS, type TicketReason as TicketReasonValue } from '@courierdesk/domain-ticket';
import { ticketOwner, type TicketParties } from '../common/access';
import { CallerRole, OpenOutcome } from '../common/enums';
import { TicketChannel, TicketKind, TicketPriority, TicketReason, TicketStatus, ResolutionCode } from '@courierdesk/domain-ticket';
import type { TicketRow } from './ticket.row';

/** A work order (工单): every inquiry, urge, complaint and problem parcel, owned, timed and followed until resolved. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A ticket (工单): an inquiry, urge, complaint or problem parcel that someone owns, with deadlines, followed until resolved.' })
export class Ticket implements TicketParties {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human number (工单号), e.g. TK20261202-000123: unique, never reused; numbers may skip.' })
  number: string;

  @Field(() => TicketKind)
  kind: string;

  @Field(() => TicketReason)
  reason: string;

  @Field({ description: 'The reason in words (English and Chinese).' })
  reasonLabel: string;

  @Field(() => TicketChannel)
  channel: string;

  @Field(() => TicketPriority)
  priority: string;

  @Field(() => TicketStatus)
  status: string;

  @Field(() => Int, { description: 'Optimistic lock: send it back with every change; a change by someone else in between is CONFLICT (TICKET_VERSION_CONFLICT).' })
  version: number;

  @Field({ description: 'One line saying what the case is about.' })
  title: string;

  @PersonalData<Ticket>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (ticket) => ticketOwner(ticket) })
  @Field(() => String, { nullable: true, description: 'What the customer or outlet reported; long numbers masked without pii:read.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'The waybill (运单号) the case is about; the Waybill itself is `waybill`.' })
  waybillNo: string | null;

  @PersonalData<Ticket>({ subject: 'CUSTOMER', datum: 'NAME', owner: (ticket) => ticketOwner(ticket) })
  @Field(() => String, { nullable: true, description: 'Who called; 张* when masked.' })
  callerName: string | null;

  @PersonalData<Ticket>({ subject: 'CUSTOMER', datum: 'PHONE', owner: (ticket) => ticketOwner(ticket) })
  @Field(() => String, { nullable: true, description: 'How to reach the caller; 138****1234 when masked.' })
  callerPhone: string | null;

  @Field(() => CallerRole, { nullable: true })
  callerRole: string | null;

  @Field(() => String, { nullable: true, description: 'The agent (subject of their token) working the ticket.' })
  assignee: string | null;

  @Field(() => String, { nullable: true, description: 'Where the case stands on its escalation chain (ARRIVAL_CS → OUTLET_MANAGER → TRANSIT_CENTRE_CS → HQ_CS); null before any escalation.' })
  escalationLevel: string | null;

  @Field(() => String, { nullable: true, description: 'The postal regulator’s case number (12305), for REGULATOR_12305 tickets.' })
  regulatorCaseNo: string | null;

  @Field(() => Date, { nullable: true, description: 'The regulator’s deadline for the network’s answer.' })
  regulatorDeadline: Date | null;

  @Field(() => Int, { description: 'How many times the customer urged (催件次数): a repeat urge counts here, not as a new ticket.' })
  urgeCount: number;

  @Field(() => Date, { nullable: true })
  lastUrgedAt: Date | null;

  @Field(() => ResolutionCode, { nullable: true })
  resolutionCode: string | null;

  @PersonalData<Ticket>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (ticket) => ticketOwner(ticket) })
  @Field(() => String, { nullable: true, description: 'How it ended, in the agent’s words; long numbers masked without pii:read.' })
  resolutionNote: string | null;

  @Field()
  openedAt: Date;

  @Field({ description: 'Who opened it: an agent’s subject, an outlet’s, or `service:tickets` for proactive tickets.' })
  openedBy: string;

  @Field(() => Date, { nullable: true, description: 'The first reply to the customer.' })
  firstReplyAt: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field()
  updatedAt: Date;

  responsibleOutletId: string | null;
  responsibleTransitCentreId: string | null;
  counterpartOutletId: string | null;
  mergedIntoId: string | null;
  /** The stored row, for the fields computed from it (clocks, problem-parcel state). */
  row: TicketRow;
}

/** A reason in words, `English (中文)`; an unknown stored code as itself. */
const labelOf = (reason: string): string => {
  const label = REASON_LABELS[reason as TicketReasonValue];
  return label ? `${label.en} (${label.zh})` : reason;
};

/** The schema's view of a ticket row. */
export function toTicket(row: TicketRow): Ticket {
  return Object.assign(new Ticket(), {
    id: row.id,
    number: row.number,
    kind: row.kind,
    reason: row.reason,
    reasonLabel: labelOf(row.reason),
    channel: row.channel,
    priority: row.priority,
    status: row.status,
    version: row.version,
    title: row.title,
    description: row.description,
    waybillNo: row.waybillNo,
    callerName: row.callerName,
    callerPhone: row.callerPhone,
    callerRole: row.callerRole,
    assignee: row.assignee,
    escalationLevel: row.escalationLevel,
    regulatorCaseNo: row.regulatorCaseNo,
    regulatorDeadline: row.regulatorDeadline,
    urgeCount: row.urgeCount,
    lastUrgedAt: row.lastUrgedAt,
    resolutionCode: row.resolutionCode,
    resolutionNote: row.resolutionNote,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    firstReplyAt: row.firstReplyAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    updatedAt: row.updatedAt,
    responsibleOutletId: row.responsibleOutletId,
    responsibleTransitCentreId: row.responsibleTransitCentreId,
    counterpartOutletId: row.counterpartOutletId,
    mergedIntoId: row.mergedIntoId,
    row,
  });
}

/** What openTicket did: a new ticket, or a repeat urge counted on the open one. */
@ObjectType({ description: 'The ticket, and whether it was opened now or a repeat urge was counted on it.' })
export class OpenTicketPayload {
  @Field(() => Ticket)
  ticket: Ticket;

  @Field(() => OpenOutcome)
  outcome: OpenOutcome;
}
