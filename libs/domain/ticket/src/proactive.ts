import { ANOMALY_CODES, type AnomalyCode } from '@courierdesk/domain-parcel';
import type { TicketReason } from './ticket-reason';
import { TicketRuleError } from './ticket.errors';
import type { TicketKind, TicketPriority } from './ticket.vocabulary';

/** A hub or outlet, as anomalies and scans name it. */
export interface NetworkPlace {
  kind: 'OUTLET' | 'TRANSIT_CENTRE';
  id: string;
}

/** The anomaly a proactive ticket is opened for (the strings of domain-parcel's AnomalyCode). */
export interface ProactiveAnomaly {
  code: AnomalyCode;
  location: NetworkPlace | null;
}

/** The waybill's two outlets. */
export interface ProactiveWaybill {
  originOutletId: string;
  destinationOutletId: string;
}

/** The ticket the system opens for an anomaly before the customer calls (主动预警工单). */
export interface ProactiveTicket {
  kind: TicketKind;
  reason: TicketReason;
  priority: TicketPriority;
  channel: 'PROACTIVE';
  /** Who must act on it. */
  responsible: NetworkPlace;
  /** Chinese title for the work queue. */
  title: string;
}

type Who = 'LOCATION_HUB' | 'LOCATION_OUTLET' | 'ORIGIN' | 'DESTINATION';

interface ProactiveRule {
  kind: TicketKind;
  reason: TicketReason;
  priority: TicketPriority;
  /** Who acts: the anomaly's location when it is of that kind, else the fallback outlet. */
  who: Who;
  fallback: 'ORIGIN' | 'DESTINATION';
  title: string;
}

/**
 * What each anomaly opens, and for whom (异常→工单). Stalls and missing scans are urges to the party
 * holding the parcel; sign-off problems are "signed but not received" checks at the outlet that
 * signed, HIGH because a drop without consent or a premature sign-off is a fineable violation.
 * A stall at an unknown hub falls to the origin outlet, whose departure CS chases the hub.
 */
export const PROACTIVE_RULES: Readonly<Record<AnomalyCode, ProactiveRule>> = {
  STALLED_AT_HUB: { kind: 'URGE', reason: 'NO_SCAN_UPDATE', priority: 'NORMAL', who: 'LOCATION_HUB', fallback: 'ORIGIN', title: '分拨中心滞留，请尽快发出' },
  STALLED_AT_OUTLET: { kind: 'URGE', reason: 'NO_SCAN_UPDATE', priority: 'NORMAL', who: 'LOCATION_OUTLET', fallback: 'DESTINATION', title: '网点滞留，请尽快处理' },
  NO_PICKUP_SCAN: { kind: 'URGE', reason: 'NO_PICKUP_SCAN', priority: 'NORMAL', who: 'ORIGIN', fallback: 'ORIGIN', title: '无揽收记录，请核实是否已揽收' },
  REPEATED_DELIVERY_FAILURE: {
    kind: 'URGE',
    reason: 'DELIVERY_FAILED_REPEATEDLY',
    priority: 'HIGH',
    who: 'LOCATION_OUTLET',
    fallback: 'DESTINATION',
    title: '多次派送失败，请联系收件人',
  },
  SIGNED_BY_OTHER: { kind: 'SIGNED_NOT_RECEIVED', reason: 'SIGNED_BY_OTHER', priority: 'HIGH', who: 'LOCATION_OUTLET', fallback: 'DESTINATION', title: '他人代签，请确认收件人已收到' },
  SIGNED_WITHOUT_OUT_FOR_DELIVERY: {
    kind: 'SIGNED_NOT_RECEIVED',
    reason: 'PREMATURE_SIGN_OFF',
    priority: 'HIGH',
    who: 'LOCATION_OUTLET',
    fallback: 'DESTINATION',
    title: '签收前无派送记录，疑似虚假签收',
  },
  NOT_ARRIVED_AT_FINAL_OUTLET: {
    kind: 'URGE',
    reason: 'NOT_ARRIVED_AT_FINAL_OUTLET',
    priority: 'NORMAL',
    who: 'DESTINATION',
    fallback: 'DESTINATION',
    title: '未到达派件网点，请核实收件信息',
  },
};

const outlet = (id: string): NetworkPlace => ({ kind: 'OUTLET', id });

function responsibleFor(rule: ProactiveRule, location: NetworkPlace | null, waybill: ProactiveWaybill): NetworkPlace {
  if (rule.who === 'LOCATION_HUB' && location?.kind === 'TRANSIT_CENTRE') return location;
  if (rule.who === 'LOCATION_OUTLET' && location?.kind === 'OUTLET') return location;
  const which = rule.who === 'ORIGIN' || rule.who === 'DESTINATION' ? rule.who : rule.fallback;
  return outlet(which === 'ORIGIN' ? waybill.originOutletId : waybill.destinationOutletId);
}

/** The proactive ticket a tracking anomaly opens: kind, reason, priority and who must act. Throws UNKNOWN_ANOMALY_CODE. */
export function proactiveTicketFor(anomaly: ProactiveAnomaly, waybill: ProactiveWaybill): ProactiveTicket {
  if (!(ANOMALY_CODES as readonly string[]).includes(anomaly.code)) {
    throw new TicketRuleError('UNKNOWN_ANOMALY_CODE', `no proactive ticket for anomaly "${anomaly.code}"`, { code: anomaly.code });
  }
  const rule = PROACTIVE_RULES[anomaly.code];
  return {
    kind: rule.kind,
    reason: rule.reason,
    priority: rule.priority,
    channel: 'PROACTIVE',
    responsible: responsibleFor(rule, anomaly.location, waybill),
    title: rule.title,
  };
}
