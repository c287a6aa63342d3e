import { ESCALATION_ORDER, type ContactRole, type EscalationTopic } from '@courierdesk/domain-network';
import { initialLevel, type EscalationLevel, type TicketChannel } from '@courierdesk/domain-sla';
import type { TicketRow } from '../ticket/ticket.row';

/** What a ticket's escalation topic is read from. */
export type TopicTicket = Pick<TicketRow, 'kind' | 'reason' | 'anomalyCode' | 'responsibleOutletId' | 'responsibleTransitCentreId'>;

// Urges about the sending side: the departure CS and the courier who should have collected it act first.
const PICKUP_REASONS: ReadonlySet<string> = new Set(['URGE_PICKUP', 'NO_PICKUP_SCAN', 'MISSED_PICKUP']);

/**
 * Which escalation chain (升级链) a ticket climbs: a complaint → COMPLAINT, signed but not received →
 * SIGNED_NOT_RECEIVED (the courier first), a parcel stalled at a hub (分拨中心滞留, the proactive
 * anomaly or a ticket only a transit centre answers for) → TRANSIT_STALL, a pickup urge → PICKUP,
 * everything else (urges, problem parcels, inquiries) → DELIVERY.
 */
export function escalationTopicOf(ticket: TopicTicket): EscalationTopic {
  if (ticket.kind === 'COMPLAINT') return 'COMPLAINT';
  if (ticket.kind === 'SIGNED_NOT_RECEIVED') return 'SIGNED_NOT_RECEIVED';
  if (ticket.anomalyCode === 'STALLED_AT_HUB' || (ticket.responsibleTransitCentreId !== null && ticket.responsibleOutletId === null)) return 'TRANSIT_STALL';
  if (PICKUP_REASONS.has(ticket.reason)) return 'PICKUP';
  return 'DELIVERY';
}

/**
 * The levels of a topic's chain, lowest first: the network's calling order (domain-network
 * ESCALATION_ORDER). domain-sla types its levels as the four desks of the default chain; the
 * topics' orders also hold COURIER and DEPARTURE_CS, which its functions handle alike (they only
 * look levels up by position), hence the widening cast in one place.
 */
export const escalationLevelsOf = (topic: EscalationTopic): readonly EscalationLevel[] => ESCALATION_ORDER[topic] as readonly ContactRole[] as readonly EscalationLevel[];

/** Where the ticket stands on its chain: its stored level, else where it started (the bottom; the top for 12305 cases). */
export function currentEscalationLevel(ticket: Pick<TicketRow, 'escalationLevel' | 'channel'>, levels: readonly EscalationLevel[]): EscalationLevel {
  return (ticket.escalationLevel as EscalationLevel | null) ?? initialLevel({ channel: ticket.channel as TicketChannel }, levels);
}
