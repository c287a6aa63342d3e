import { registerEnumType } from 'type-graphql';
import {
  CommentVisibility,
  EvidenceKind,
  ResolutionCode,
  TicketChannel,
  TicketKind,
  TicketPriority,
  TicketReason,
  TicketStatus,
} from '@courierdesk/domain-ticket';

// The GraphQL enums are the domain's vocabularies, registered once; values never drift from the rules.
registerEnumType(TicketKind, { name: 'TicketKind', description: 'What the ticket is (工单类型): 咨询 INQUIRY, 催件 URGE, 投诉 COMPLAINT, 问题件 PROBLEM_PARCEL, 签收未收到 SIGNED_NOT_RECEIVED.' });
registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where the ticket stands; it moves only by the allowed transitions (domain-ticket TICKET_TRANSITIONS). WAITING_FOR_CUSTOMER pauses the SLA clocks.',
});
registerEnumType(TicketChannel, { name: 'TicketChannel', description: 'Where the case came from: phone, chat, app, e-commerce platform, outlet counter, the regulator (12305), an outlet (problem parcels) or the graph itself (PROACTIVE, from a tracking anomaly).' });
registerEnumType(TicketPriority, { name: 'TicketPriority', description: 'Urgency: LOW, NORMAL, HIGH, URGENT.' });
registerEnumType(TicketReason, { name: 'TicketReason', description: 'Why (原因): each kind allows its own reasons (domain-ticket REASONS_BY_KIND); problem parcels use the problem-parcel types.' });
registerEnumType(ResolutionCode, { name: 'ResolutionCode', description: 'How a ticket was resolved (处理结果).' });
registerEnumType(CommentVisibility, {
  name: 'CommentVisibility',
  description: 'INTERNAL: the author’s side only (HQ, or one outlet); SHARED: the outlets working the case; CUSTOMER: a reply to the customer.',
});
registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'Kind of evidence (证据): photo, recording, document, signature image, locker pick-up record.' });

/** Who the caller of a ticket is to the parcel. */
export const CallerRole = { SENDER: 'SENDER', RECIPIENT: 'RECIPIENT', OTHER: 'OTHER' } as const;
export type CallerRole = (typeof CallerRole)[keyof typeof CallerRole];
registerEnumType(CallerRole, { name: 'CallerRole', description: 'Who called: the sender (寄件人), the recipient (收件人) or someone else.' });

/** What openTicket did. */
export const OpenOutcome = { OPENED: 'OPENED', COUNTED_AS_REPEAT_URGE: 'COUNTED_AS_REPEAT_URGE' } as const;
export type OpenOutcome = (typeof OpenOutcome)[keyof typeof OpenOutcome];
registerEnumType(OpenOutcome, { name: 'OpenOutcome', description: 'OPENED a new ticket, or COUNTED_AS_REPEAT_URGE on the waybill’s open urge (催件合并).' });
