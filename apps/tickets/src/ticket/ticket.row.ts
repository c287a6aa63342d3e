import { selectList, withDates, type ColumnTable } from '@courierdesk/platform-subgraph';

/** A stored ticket (工单), as every read returns it. Never exposed as such: ticket.type.ts is the contract. */
export interface TicketRow {
  id: string;
  number: string;
  kind: string;
  reason: string;
  channel: string;
  priority: string;
  status: string;
  version: number;
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
  urgeCount: number;
  lastUrgedAt: Date | null;
  mergedIntoId: string | null;
  resolutionCode: string | null;
  resolutionNote: string | null;
  openedAt: Date;
  openedBy: string;
  openedByOutletId: string | null;
  firstReplyAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  slaPolicyVersion: string;
  slaDueAt: Date | null;
  slaBreachedAt: Date | null;
  problemAnswerDueAt: Date | null;
  problemAnsweredAt: Date | null;
  problemAnsweredBy: string | null;
  problemAnswer: string | null;
  problemFirstUnreachableAt: Date | null;
  anomalyCode: string | null;
  anomalySince: Date | null;
  anomalySeq: string | null;
  anomalyDetectedAt: Date | null;
}

type P = keyof TicketRow;

const COLUMNS: ColumnTable<P> = [
  ['id', 'id'], ['number', 'number'], ['kind', 'kind'], ['reason', 'reason'], ['channel', 'channel'], ['priority', 'priority'],
  ['status', 'status'], ['version', 'version'], ['title', 'title'], ['description', 'description'], ['waybill_no', 'waybillNo'],
  ['caller_name', 'callerName'], ['caller_phone', 'callerPhone'], ['caller_role', 'callerRole'],
  ['responsible_outlet_id', 'responsibleOutletId'], ['responsible_transit_centre_id', 'responsibleTransitCentreId'],
  ['counterpart_outlet_id', 'counterpartOutletId'], ['assignee', 'assignee'], ['escalation_level', 'escalationLevel'],
  ['regulator_case_no', 'regulatorCaseNo'], ['regulator_deadline', 'regulatorDeadline'], ['urge_count', 'urgeCount'],
  ['last_urged_at', 'lastUrgedAt'], ['merged_into_id', 'mergedIntoId'], ['resolution_code', 'resolutionCode'],
  ['resolution_note', 'resolutionNote'], ['opened_at', 'openedAt'], ['opened_by', 'openedBy'], ['opened_by_outlet_id', 'openedByOutletId'],
  ['first_reply_at', 'firstReplyAt'], ['resolved_at', 'resolvedAt'], ['closed_at', 'closedAt'], ['updated_at', 'updatedAt'],
  ['sla_policy_version', 'slaPolicyVersion'], ['sla_due_at', 'slaDueAt'], ['sla_breached_at', 'slaBreachedAt'],
  ['problem_answer_due_at', 'problemAnswerDueAt'], ['problem_answered_at', 'problemAnsweredAt'], ['problem_answered_by', 'problemAnsweredBy'],
  ['problem_answer', 'problemAnswer'], ['problem_first_unreachable_at', 'problemFirstUnreachableAt'], ['anomaly_code', 'anomalyCode'],
  ['anomaly_since', 'anomalySince'], ['anomaly_seq::text', 'anomalySeq'], ['anomaly_detected_at', 'anomalyDetectedAt'],
];

const TIMESTAMPS = new Set<P>([
  'regulatorDeadline', 'lastUrgedAt', 'openedAt', 'firstReplyAt', 'resolvedAt', 'closedAt', 'updatedAt', 'slaDueAt', 'slaBreachedAt',
  'problemAnswerDueAt', 'problemAnsweredAt', 'problemFirstUnreachableAt', 'anomalySince', 'anomalyDetectedAt',
]);

/**
 * The select list of a whole ticket row under alias `t`. Timestamps travel as epoch milliseconds
 * (made Dates by {@link ticketRowOf}): pg's parsing of timestamptz text is most of a page's driver time.
 */
export const TICKET_COLUMNS = selectList('t', COLUMNS, { epochMs: TIMESTAMPS });

/** A raw row selected with TICKET_COLUMNS, made a TicketRow. */
export const ticketRowOf = (raw: Record<string, unknown>): TicketRow => withDates<TicketRow>(raw, TIMESTAMPS);

/** Columns of the ticket table by row property (for UPDATE … SET built from a change set). */
export const COLUMN_OF: Readonly<Record<P, string>> = Object.fromEntries(COLUMNS.map(([column, property]) => [property, column.replace('::text', '')])) as Record<P, string>;
