import { NetworkRuleError } from './network.errors';

/** Who a contact is in the network, from the agent's point of view. */
export const ContactRole = {
  /** Courier (快递员、业务员) covering the area. */
  COURIER: 'COURIER',
  /** Arrival CS (到件客服) of the destination outlet: delivery exceptions, urges, signed-not-received. */
  ARRIVAL_CS: 'ARRIVAL_CS',
  /** Departure CS (出发客服) of the origin outlet: opens and follows the waybill on the sending side. */
  DEPARTURE_CS: 'DEPARTURE_CS',
  /** Outlet manager (网点负责人): decides for the outlet and answers for its fines. */
  OUTLET_MANAGER: 'OUTLET_MANAGER',
  /** Transit centre CS (分拨中心客服): parcels stalled or held at the hub. */
  TRANSIT_CENTRE_CS: 'TRANSIT_CENTRE_CS',
  /** HQ customer service (总部客服): cross-outlet escalation and arbitration (仲裁). */
  HQ_CS: 'HQ_CS',
} as const;
/** Who a contact is in the network, from the agent's point of view. */
export type ContactRole = (typeof ContactRole)[keyof typeof ContactRole];

/** All contact roles, in declaration order. */
export const CONTACT_ROLES: readonly ContactRole[] = Object.values(ContactRole);

/** What the customer's problem is about, which decides whom to call first. */
export const EscalationTopic = {
  /** Delivery problems (派送问题): late, failed, not delivered upstairs, not reaching the final outlet. */
  DELIVERY: 'DELIVERY',
  /** Signed but not received (签收未收到). */
  SIGNED_NOT_RECEIVED: 'SIGNED_NOT_RECEIVED',
  /** Pickup problems (揽收): missed pickup, no pickup scan. */
  PICKUP: 'PICKUP',
  /** Stalled at a transit centre (分拨中心滞留). */
  TRANSIT_STALL: 'TRANSIT_STALL',
  /** Complaint (投诉) about service or conduct. */
  COMPLAINT: 'COMPLAINT',
  /** Claim (理赔): loss, damage, delay compensation. */
  CLAIM: 'CLAIM',
} as const;
/** What the customer's problem is about, which decides whom to call first. */
export type EscalationTopic = (typeof EscalationTopic)[keyof typeof EscalationTopic];

/** All escalation topics, in declaration order. */
export const ESCALATION_TOPICS: readonly EscalationTopic[] = Object.values(EscalationTopic);

/**
 * Whom to call, in order, per topic (升级链). Each step is tried when the one before has run out of
 * authority or does not answer; HQ is last because it arbitrates between outlets.
 */
export const ESCALATION_ORDER: Readonly<Record<EscalationTopic, readonly ContactRole[]>> = {
  // A delivery problem may also be a parcel that never left the hub for the outlet.
  DELIVERY: ['ARRIVAL_CS', 'OUTLET_MANAGER', 'TRANSIT_CENTRE_CS', 'HQ_CS'],
  // The courier knows where the parcel was left (guard, locker, station); ask first.
  SIGNED_NOT_RECEIVED: ['COURIER', 'ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS'],
  PICKUP: ['DEPARTURE_CS', 'COURIER', 'OUTLET_MANAGER', 'HQ_CS'],
  // The departure CS follows the waybill end to end and chases the hub too.
  TRANSIT_STALL: ['TRANSIT_CENTRE_CS', 'DEPARTURE_CS', 'HQ_CS'],
  COMPLAINT: ['ARRIVAL_CS', 'OUTLET_MANAGER', 'HQ_CS'],
  // The shipper claims through the outlet it contracted with; money decisions rest with the manager.
  CLAIM: ['DEPARTURE_CS', 'OUTLET_MANAGER', 'HQ_CS'],
};

/** The least a contact needs for the chain: its role. Callers keep their own richer shape. */
export interface RoleContact {
  role: ContactRole;
}

/** A named person or desk to call (联系人). */
export interface Contact extends RoleContact {
  name: string;
  phone: string;
}

/** The contacts to call for a topic, in order, and the roles nobody fills. */
export interface EscalationChain<C extends RoleContact = Contact> {
  topic: EscalationTopic;
  /** Contacts in calling order; several contacts with one role keep the order they were given in. */
  chain: C[];
  /** Roles of the topic's order that have no contact, in order. */
  missingRoles: ContactRole[];
}

/** True when `topic` is an escalation topic. */
export const isEscalationTopic = (topic: string): topic is EscalationTopic =>
  (ESCALATION_TOPICS as readonly string[]).includes(topic);

/** Orders the contacts of an outlet (and its hub and HQ) for a topic. Throws UNKNOWN_ESCALATION_TOPIC. */
export function escalationChain<C extends RoleContact>(topic: EscalationTopic, contacts: readonly C[]): EscalationChain<C> {
  if (!isEscalationTopic(topic)) {
    throw new NetworkRuleError('UNKNOWN_ESCALATION_TOPIC', `unknown escalation topic "${topic}"`, { topic });
  }
  const chain: C[] = [];
  const missingRoles: ContactRole[] = [];
  for (const role of ESCALATION_ORDER[topic]) {
    const withRole = contacts.filter((contact) => contact.role === role);
    if (withRole.length === 0) missingRoles.push(role);
    chain.push(...withRole);
  }
  return { topic, chain, missingRoles };
}
