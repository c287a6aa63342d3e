import { PROBLEM_CODES, PROBLEM_CODE_NAMES, ProblemCode } from '@courierdesk/domain-parcel';
import { TicketRuleError } from './ticket.errors';
import type { Label, TicketKind } from './ticket.vocabulary';

// Reasons the desk adds to the problem-parcel registry. A problem-parcel reason IS its ProblemCode
// (one term per concept): DAMAGED and LOST are the same words in a complaint as in the registry.
const DESK_REASONS = {
  /** Where is my parcel (查件). */
  STATUS_QUERY: 'STATUS_QUERY',
  /** How long will it take (时效咨询). */
  DELIVERY_TIME_QUERY: 'DELIVERY_TIME_QUERY',
  /** What does it cost (价格咨询). */
  PRICE_QUERY: 'PRICE_QUERY',
  /** Do you deliver there (服务范围咨询). */
  SERVICE_AREA_QUERY: 'SERVICE_AREA_QUERY',
  /** Remote-area delivery and surcharge (偏远地区咨询). */
  REMOTE_AREA_QUERY: 'REMOTE_AREA_QUERY',
  /** May I send this (禁寄物品咨询). */
  PROHIBITED_ITEM_QUERY: 'PROHIBITED_ITEM_QUERY',
  /** Any other question (其他咨询). */
  OTHER_QUERY: 'OTHER_QUERY',
  /** Deliver it faster (催派送). */
  URGE_DELIVERY: 'URGE_DELIVERY',
  /** Come and collect it (催揽收). */
  URGE_PICKUP: 'URGE_PICKUP',
  /** Tracking has not moved (物流信息不更新), also a stall found by the anomaly rules. */
  NO_SCAN_UPDATE: 'NO_SCAN_UPDATE',
  /** Handed in but no pickup scan (无揽收记录). */
  NO_PICKUP_SCAN: 'NO_PICKUP_SCAN',
  /** Delivery failed again and again (多次派送失败). */
  DELIVERY_FAILED_REPEATEDLY: 'DELIVERY_FAILED_REPEATEDLY',
  /** Never reached the destination outlet after transport (未到达派件网点). */
  NOT_ARRIVED_AT_FINAL_OUTLET: 'NOT_ARRIVED_AT_FINAL_OUTLET',
  /** Later than promised (延误). */
  DELAY: 'DELAY',
  /** Courier's attitude or conduct (服务态度). */
  COURIER_CONDUCT: 'COURIER_CONDUCT',
  /** Not delivered upstairs (不上楼): lost by the outlet unless it has evidence in time. */
  NOT_DELIVERED_UPSTAIRS: 'NOT_DELIVERED_UPSTAIRS',
  /** Charged more than the rules allow (乱收费). */
  OVERCHARGED: 'OVERCHARGED',
  /** Signed before it was delivered (虚假签收): a violation, often to dodge late-delivery fines. */
  PREMATURE_SIGN_OFF: 'PREMATURE_SIGN_OFF',
  /** Left in a locker or station without the recipient's consent (未经同意投放快递柜/驿站). */
  UNCONSENTED_LOCKER_DROP: 'UNCONSENTED_LOCKER_DROP',
  /** Pickup appointment missed (未按约上门揽收). */
  MISSED_PICKUP: 'MISSED_PICKUP',
  /** Any other complaint (其他投诉). */
  OTHER_COMPLAINT: 'OTHER_COMPLAINT',
  /** Signed by someone other than the recipient (他人代签). */
  SIGNED_BY_OTHER: 'SIGNED_BY_OTHER',
  /** Signed but not received, cause still to be found (原因待核实). */
  CAUSE_UNKNOWN: 'CAUSE_UNKNOWN',
} as const;

/** Why a ticket was opened (工单原因): the desk's reasons plus every problem-parcel type (问题件类型). */
export const TicketReason = { ...ProblemCode, ...DESK_REASONS } as const;
/** Why a ticket was opened (工单原因). */
export type TicketReason = (typeof TicketReason)[keyof typeof TicketReason];
/** All reasons: the problem-parcel registry first, then the desk's. */
export const TICKET_REASONS: readonly TicketReason[] = Object.values(TicketReason);

/**
 * The reasons each kind may carry (各类工单原因). A problem parcel carries exactly the registry's
 * types; a reason may serve several kinds (a delay is urged or complained about).
 */
export const REASONS_BY_KIND: Readonly<Record<TicketKind, readonly TicketReason[]>> = {
  INQUIRY: ['STATUS_QUERY', 'DELIVERY_TIME_QUERY', 'PRICE_QUERY', 'SERVICE_AREA_QUERY', 'REMOTE_AREA_QUERY', 'PROHIBITED_ITEM_QUERY', 'OTHER_QUERY'],
  URGE: ['URGE_DELIVERY', 'URGE_PICKUP', 'NO_SCAN_UPDATE', 'NO_PICKUP_SCAN', 'DELAY', 'DELIVERY_FAILED_REPEATEDLY', 'NOT_ARRIVED_AT_FINAL_OUTLET'],
  COMPLAINT: [
    'DELAY',
    'DAMAGED',
    'LOST',
    'COURIER_CONDUCT',
    'NOT_DELIVERED_UPSTAIRS',
    'OVERCHARGED',
    'PREMATURE_SIGN_OFF',
    'UNCONSENTED_LOCKER_DROP',
    'MISSED_PICKUP',
    'OTHER_COMPLAINT',
  ],
  PROBLEM_PARCEL: PROBLEM_CODES,
  SIGNED_NOT_RECEIVED: ['CAUSE_UNKNOWN', 'SIGNED_BY_OTHER', 'UNCONSENTED_LOCKER_DROP', 'PREMATURE_SIGN_OFF'],
};

/** True when `reason` may be given for a ticket of `kind`. */
export const isReasonForKind = (kind: TicketKind, reason: string): reason is TicketReason =>
  (REASONS_BY_KIND[kind] as readonly string[] | undefined)?.includes(reason) ?? false;

/** Throws REASON_NOT_FOR_KIND unless `reason` may be given for `kind` (e.g. 不上楼 is a complaint, not an urge). */
export function assertReasonForKind(kind: TicketKind, reason: string): TicketReason {
  if (!isReasonForKind(kind, reason)) {
    throw new TicketRuleError('REASON_NOT_FOR_KIND', `reason ${reason} is not a reason for a ${kind} ticket`, {
      kind,
      reason,
      allowed: REASONS_BY_KIND[kind] ?? [],
    });
  }
  return reason;
}

const PROBLEM_CODE_EN: Readonly<Record<ProblemCode, string>> = {
  DUE_NOT_ARRIVED: 'Due but not arrived',
  LABEL_DAMAGED: 'Label damaged or invalid',
  HEADLESS: 'Headless parcel (label lost)',
  CONTAMINATED: 'Contaminated',
  DOUBLE_LABEL: 'Double label',
  NON_COMPLIANT_PACKING: 'Non-compliant packing',
  SCHOOL_PARCEL: 'School parcel',
  LABEL_DATA_LOST: 'Label data lost',
  NO_SUCH_PERSON: 'No such person',
  OVERSIZE_OVERWEIGHT: 'Oversize or overweight',
  HOLIDAY_NOBODY_HOME: 'Holiday, nobody home',
  LOST: 'Lost',
  ADDRESS_UNCLEAR: 'Address unclear or incomplete',
  ADDRESS_CHANGE: 'Change of address',
  DELIVER_LATER: 'Deliver later',
  OUT_OF_AREA: 'Outside the delivery area',
  NO_CAPACITY: 'Not enough capacity',
  RECIPIENT_UNREACHABLE: 'Recipient unreachable',
  MISSORTED: 'Mis-sorted',
  COD_REFUSED: 'Cash on delivery refused',
  REFUSED: 'Refused',
  DAMAGED: 'Damaged',
  PROHIBITED_ITEM: 'Prohibited item',
  SELF_PICKUP: 'Self pick-up',
  RETURN: 'Return to sender',
};

const DESK_REASON_LABELS: Readonly<Record<keyof typeof DESK_REASONS, Label>> = {
  STATUS_QUERY: { en: 'Status query', zh: '查件' },
  DELIVERY_TIME_QUERY: { en: 'Delivery time query', zh: '时效咨询' },
  PRICE_QUERY: { en: 'Price query', zh: '价格咨询' },
  SERVICE_AREA_QUERY: { en: 'Service area query', zh: '服务范围咨询' },
  REMOTE_AREA_QUERY: { en: 'Remote area query', zh: '偏远地区咨询' },
  PROHIBITED_ITEM_QUERY: { en: 'Prohibited item query', zh: '禁寄物品咨询' },
  OTHER_QUERY: { en: 'Other query', zh: '其他咨询' },
  URGE_DELIVERY: { en: 'Urge delivery', zh: '催派送' },
  URGE_PICKUP: { en: 'Urge pickup', zh: '催揽收' },
  NO_SCAN_UPDATE: { en: 'No tracking update', zh: '物流信息不更新' },
  NO_PICKUP_SCAN: { en: 'No pickup scan', zh: '无揽收记录' },
  DELIVERY_FAILED_REPEATEDLY: { en: 'Delivery failed repeatedly', zh: '多次派送失败' },
  NOT_ARRIVED_AT_FINAL_OUTLET: { en: 'Not arrived at the destination outlet', zh: '未到达派件网点' },
  DELAY: { en: 'Delay', zh: '延误' },
  COURIER_CONDUCT: { en: 'Courier conduct', zh: '服务态度' },
  NOT_DELIVERED_UPSTAIRS: { en: 'Not delivered upstairs', zh: '不上楼' },
  OVERCHARGED: { en: 'Overcharged', zh: '乱收费' },
  PREMATURE_SIGN_OFF: { en: 'Premature sign-off', zh: '虚假签收' },
  UNCONSENTED_LOCKER_DROP: { en: 'Locker or station drop without consent', zh: '未经同意投放快递柜/驿站' },
  MISSED_PICKUP: { en: 'Missed pickup', zh: '未按约揽收' },
  OTHER_COMPLAINT: { en: 'Other complaint', zh: '其他投诉' },
  SIGNED_BY_OTHER: { en: 'Signed by someone else', zh: '他人代签' },
  CAUSE_UNKNOWN: { en: 'Cause to be found', zh: '原因待核实' },
};

/** English and Chinese name of every reason (工单原因名称); problem types keep the registry's Chinese names. */
export const REASON_LABELS: Readonly<Record<TicketReason, Label>> = {
  ...(Object.fromEntries(PROBLEM_CODES.map((code) => [code, { en: PROBLEM_CODE_EN[code], zh: PROBLEM_CODE_NAMES[code] }])) as Record<ProblemCode, Label>),
  ...DESK_REASON_LABELS,
};
