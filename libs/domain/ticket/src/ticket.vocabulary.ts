// The words of the ticket desk (工单). Values are API (GraphQL enums, stored columns): add, never rename.
// Kind, status, channel and priority are defined once, in domain-sla, whose clocks read them (a
// rules library below this one); this file re-exports them with their labels and helpers.
import { TicketChannel, TicketKind, TicketPriority, TicketStatus } from '@courierdesk/domain-sla';

export { TicketChannel, TicketKind, TicketPriority, TicketStatus };

/** A name for humans: English, and the Chinese term agents use. */
export interface Label {
  en: string;
  zh: string;
}

/** All ticket kinds, in declaration order. */
export const TICKET_KINDS: readonly TicketKind[] = Object.values(TicketKind);
/** Names of the ticket kinds (工单类型). */
export const TICKET_KIND_LABELS: Readonly<Record<TicketKind, Label>> = {
  INQUIRY: { en: 'Inquiry', zh: '咨询' },
  URGE: { en: 'Urge', zh: '催件' },
  COMPLAINT: { en: 'Complaint', zh: '投诉' },
  PROBLEM_PARCEL: { en: 'Problem parcel', zh: '问题件' },
  SIGNED_NOT_RECEIVED: { en: 'Signed but not received', zh: '签收未收到' },
};

/** All ticket statuses, in declaration order. */
export const TICKET_STATUSES: readonly TicketStatus[] = Object.values(TicketStatus);
/** Statuses of a ticket someone still has to work (未完结): all but RESOLVED and CLOSED. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => s !== 'RESOLVED' && s !== 'CLOSED');
/** True while someone still has to work the ticket (not RESOLVED, not CLOSED). */
export const isOpenStatus = (status: TicketStatus): boolean => OPEN_STATUSES.includes(status);
/** Names of the ticket statuses (工单状态). */
export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, Label>> = {
  OPEN: { en: 'Open', zh: '待处理' },
  IN_PROGRESS: { en: 'In progress', zh: '处理中' },
  WAITING_FOR_CUSTOMER: { en: 'Waiting for customer', zh: '待客户回复' },
  WAITING_FOR_OUTLET: { en: 'Waiting for outlet', zh: '待网点回复' },
  ESCALATED: { en: 'Escalated', zh: '已升级' },
  RESOLVED: { en: 'Resolved', zh: '已解决' },
  CLOSED: { en: 'Closed', zh: '已关闭' },
};

/** All channels, in declaration order. */
export const TICKET_CHANNELS: readonly TicketChannel[] = Object.values(TicketChannel);
/** Names of the channels (来源渠道). */
export const TICKET_CHANNEL_LABELS: Readonly<Record<TicketChannel, Label>> = {
  PHONE: { en: 'Phone', zh: '电话' },
  ONLINE_CHAT: { en: 'Online chat', zh: '在线客服' },
  APP: { en: 'App', zh: 'APP/小程序' },
  ECOMMERCE_PLATFORM: { en: 'E-commerce platform', zh: '电商平台' },
  OUTLET_COUNTER: { en: 'Outlet counter', zh: '网点柜台' },
  REGULATOR_12305: { en: 'Postal regulator (12305)', zh: '12305申诉' },
  OUTLET: { en: 'Registered by an outlet', zh: '网点登记' },
  PROACTIVE: { en: 'Proactive (tracking anomaly)', zh: '主动预警' },
};

/** All priorities, lowest first. */
export const TICKET_PRIORITIES: readonly TicketPriority[] = Object.values(TicketPriority);
/** Rank of each priority (higher is more urgent), for sorting queues and picking the higher of two. */
export const PRIORITY_RANK: Readonly<Record<TicketPriority, number>> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };
/** Names of the priorities (优先级). */
export const TICKET_PRIORITY_LABELS: Readonly<Record<TicketPriority, Label>> = {
  LOW: { en: 'Low', zh: '低' },
  NORMAL: { en: 'Normal', zh: '普通' },
  HIGH: { en: 'High', zh: '高' },
  URGENT: { en: 'Urgent', zh: '紧急' },
};
/** The more urgent of two priorities. */
export const higherPriority = (a: TicketPriority, b: TicketPriority): TicketPriority => (PRIORITY_RANK[b] > PRIORITY_RANK[a] ? b : a);

/**
 * The priority a new ticket starts with (初始优先级). A 12305 case is the most serious escalation
 * there is; complaints and "signed but not received" carry fines for the outlet; inquiries wait.
 */
export function defaultPriority(kind: TicketKind, channel: TicketChannel): TicketPriority {
  if (channel === 'REGULATOR_12305') return 'URGENT';
  if (kind === 'COMPLAINT' || kind === 'SIGNED_NOT_RECEIVED') return 'HIGH';
  if (kind === 'INQUIRY') return 'LOW';
  return 'NORMAL';
}

/** How a ticket ended (处理结果). */
export const ResolutionCode = {
  /** Question answered (已答复). */
  ANSWERED: 'ANSWERED',
  /** The parcel reached the recipient (已妥投). */
  DELIVERED: 'DELIVERED',
  /** Delivered again after a failure or complaint (已重新派送). */
  REDELIVERED: 'REDELIVERED',
  /** Address corrected, delivery goes on (地址已更正). */
  ADDRESS_CORRECTED: 'ADDRESS_CORRECTED',
  /** Sent back to the sender (已退回). */
  RETURNED_TO_SENDER: 'RETURNED_TO_SENDER',
  /** The customer was compensated (已赔付). */
  COMPENSATED: 'COMPENSATED',
  /** Handed to claims (转理赔). */
  CLAIM_OPENED: 'CLAIM_OPENED',
  /** Complaint upheld against the outlet or courier (投诉成立). */
  COMPLAINT_UPHELD: 'COMPLAINT_UPHELD',
  /** Checked, nobody at fault (核实无责). */
  NO_FAULT_FOUND: 'NO_FAULT_FOUND',
  /** Another ticket is the same case (重复工单). */
  DUPLICATE: 'DUPLICATE',
  /** Merged into another ticket, which carries on (已合并). */
  MERGED: 'MERGED',
  /** The customer withdrew it (客户撤销). */
  WITHDRAWN_BY_CUSTOMER: 'WITHDRAWN_BY_CUSTOMER',
  /** The customer never answered (客户未回复). */
  NO_RESPONSE_FROM_CUSTOMER: 'NO_RESPONSE_FROM_CUSTOMER',
} as const;
/** How a ticket ended (处理结果). */
export type ResolutionCode = (typeof ResolutionCode)[keyof typeof ResolutionCode];
/** All resolution codes, in declaration order. */
export const RESOLUTION_CODES: readonly ResolutionCode[] = Object.values(ResolutionCode);
/** Names of the resolution codes (处理结果). */
export const RESOLUTION_LABELS: Readonly<Record<ResolutionCode, Label>> = {
  ANSWERED: { en: 'Answered', zh: '已答复' },
  DELIVERED: { en: 'Delivered', zh: '已妥投' },
  REDELIVERED: { en: 'Redelivered', zh: '已重新派送' },
  ADDRESS_CORRECTED: { en: 'Address corrected', zh: '地址已更正' },
  RETURNED_TO_SENDER: { en: 'Returned to sender', zh: '已退回' },
  COMPENSATED: { en: 'Compensated', zh: '已赔付' },
  CLAIM_OPENED: { en: 'Handed to claims', zh: '转理赔' },
  COMPLAINT_UPHELD: { en: 'Complaint upheld', zh: '投诉成立' },
  NO_FAULT_FOUND: { en: 'No fault found', zh: '核实无责' },
  DUPLICATE: { en: 'Duplicate', zh: '重复工单' },
  MERGED: { en: 'Merged', zh: '已合并' },
  WITHDRAWN_BY_CUSTOMER: { en: 'Withdrawn by customer', zh: '客户撤销' },
  NO_RESPONSE_FROM_CUSTOMER: { en: 'No response from customer', zh: '客户未回复' },
};

/** Who may read a comment (备注可见范围); see canReadComment. */
export const CommentVisibility = {
  /** Own side only: the author's outlet, or HQ (内部备注). */
  INTERNAL: 'INTERNAL',
  /** Every outlet working the case (网点间共享). */
  SHARED: 'SHARED',
  /** A reply to the customer (回复客户). */
  CUSTOMER: 'CUSTOMER',
} as const;
/** Who may read a comment (备注可见范围). */
export type CommentVisibility = (typeof CommentVisibility)[keyof typeof CommentVisibility];
/** All comment visibilities, narrowest first. */
export const COMMENT_VISIBILITIES: readonly CommentVisibility[] = Object.values(CommentVisibility);
/** Names of the comment visibilities (可见范围). */
export const COMMENT_VISIBILITY_LABELS: Readonly<Record<CommentVisibility, Label>> = {
  INTERNAL: { en: 'Internal note', zh: '内部备注' },
  SHARED: { en: 'Shared with outlets', zh: '网点共享' },
  CUSTOMER: { en: 'Reply to customer', zh: '回复客户' },
};

/** Kind of evidence attached to a ticket (证据类型). */
export const EvidenceKind = {
  /** Photo, e.g. of the parcel at the door upstairs (照片). */
  PHOTO: 'PHOTO',
  /** Call recording, e.g. the recipient agreeing to a locker drop (通话录音). */
  RECORDING: 'RECORDING',
  /** A document: receipt, price list, statement (单据). */
  DOCUMENT: 'DOCUMENT',
  /** Image of the signature (签收底单/签名图片). */
  SIGNATURE_IMAGE: 'SIGNATURE_IMAGE',
  /** Locker or station pick-up record (快递柜/驿站取件记录). */
  LOCKER_RECORD: 'LOCKER_RECORD',
} as const;
/** Kind of evidence attached to a ticket (证据类型). */
export type EvidenceKind = (typeof EvidenceKind)[keyof typeof EvidenceKind];
/** All evidence kinds, in declaration order. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = Object.values(EvidenceKind);
/** Names of the evidence kinds (证据类型). */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, Label>> = {
  PHOTO: { en: 'Photo', zh: '照片' },
  RECORDING: { en: 'Call recording', zh: '通话录音' },
  DOCUMENT: { en: 'Document', zh: '单据' },
  SIGNATURE_IMAGE: { en: 'Signature image', zh: '签收底单' },
  LOCKER_RECORD: { en: 'Locker or station record', zh: '快递柜/驿站取件记录' },
};
