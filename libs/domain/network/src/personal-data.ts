import { maskDatum, type PersonalDatum } from './masking';

/** Whose datum it is: a customer (寄件人、收件人、签收人), a courier (快递员), or staff (网点负责人、客服). */
export type PersonSubject = 'CUSTOMER' | 'COURIER' | 'STAFF';

/** What a caller gets of a datum: all of it, its masked form (脱敏), or nothing (null). */
export type Disclosure = 'FULL' | 'MASKED' | 'HIDDEN';

/**
 * Whose record holds the datum: the outlet(s) it belongs to — a courier's or manager's outlet, the
 * origin and destination outlets (始发、派件网点) of a waybill's customers — or the whole network,
 * for the desks of transit centres and HQ that every outlet escalates to.
 */
export type RecordOwner = { readonly outletIds: readonly string[] } | 'NETWORK';

/** A record of no outlet the caller could own (an unknown owner is never the caller's). */
export const NO_OUTLET: RecordOwner = { outletIds: [] };

/** The caller as the policy sees it; platform-auth derives it from the verified identity. */
export interface Viewer {
  readonly roles: readonly string[];
  /** Holds pii:read (unmasked personal data). */
  readonly personalDataScope: boolean;
  /** Confined to one outlet (partners, outlet agents). */
  readonly outletBound: boolean;
  readonly outletId: string | null;
}

/** How a role reads people's data: working cases, statistics only, or not at all. */
export type RoleReading = 'CASEWORK' | 'STATISTICS' | 'NONE';

/**
 * Every role of the graph, classified. A role missing here reads nothing of anyone (NONE), so a
 * new role sees no personal data until someone decides what it may see.
 */
export const ROLE_READING: Readonly<Record<string, RoleReading>> = {
  agent: 'CASEWORK',
  outlet_partner: 'CASEWORK',
  admin: 'CASEWORK',
  analyst: 'STATISTICS',
  scanner: 'NONE',
  // A service (the tickets subgraph's reply renderer) works cases for agents: whole only with pii:read, which it asks for.
  service: 'CASEWORK',
};

/** The caller's standing towards one record. */
export type Audience =
  /** pii:read and not outlet-bound: HQ agents (总部客服), admins. */
  | 'HEADQUARTERS'
  /** pii:read, outlet-bound, and the record is its outlet's. */
  | 'OWN_OUTLET'
  /** pii:read, outlet-bound, and the record is a desk published to the network (hub, HQ). */
  | 'PUBLISHED_DESK'
  /** pii:read, outlet-bound, and the record is another outlet's. */
  | 'OTHER_OUTLET'
  /** A casework role whose token does not carry pii:read. */
  | 'WITHOUT_SCOPE'
  /** Analysts: statistics, never a person. */
  | 'STATISTICS'
  /** No role that reads people (scanners, systems, roles not classified). */
  | 'NONE';

/**
 * The personal-data policy (个人信息保护), as data: what each audience gets of each subject's
 * name, phone, address and notes. docs/personal-data.md explains every row.
 */
export const PERSONAL_DATA_POLICY: Readonly<Record<Audience, Readonly<Record<PersonSubject, Disclosure>>>> = {
  HEADQUARTERS: { CUSTOMER: 'FULL', COURIER: 'FULL', STAFF: 'FULL' },
  OWN_OUTLET: { CUSTOMER: 'FULL', COURIER: 'FULL', STAFF: 'FULL' },
  // Hub and HQ desks are published so every outlet can escalate; only staff desks are ever published.
  PUBLISHED_DESK: { CUSTOMER: 'MASKED', COURIER: 'MASKED', STAFF: 'FULL' },
  // Franchise outlets are separate businesses: they learn that a person exists, not who it is.
  OTHER_OUTLET: { CUSTOMER: 'MASKED', COURIER: 'MASKED', STAFF: 'MASKED' },
  WITHOUT_SCOPE: { CUSTOMER: 'MASKED', COURIER: 'MASKED', STAFF: 'MASKED' },
  STATISTICS: { CUSTOMER: 'MASKED', COURIER: 'MASKED', STAFF: 'MASKED' },
  NONE: { CUSTOMER: 'HIDDEN', COURIER: 'HIDDEN', STAFF: 'HIDDEN' },
};

/** How the viewer's roles read people: the widest reading among them. */
function readingOf(roles: readonly string[]): RoleReading {
  const readings = roles.map((role) => ROLE_READING[role] ?? 'NONE');
  if (readings.includes('CASEWORK')) return 'CASEWORK';
  return readings.includes('STATISTICS') ? 'STATISTICS' : 'NONE';
}

/** The viewer's standing towards a record owned by `owner`. */
export function audienceOf(viewer: Viewer, owner: RecordOwner): Audience {
  const reading = readingOf(viewer.roles);
  if (reading !== 'CASEWORK') return reading;
  if (!viewer.personalDataScope) return 'WITHOUT_SCOPE';
  if (!viewer.outletBound) return 'HEADQUARTERS';
  if (owner === 'NETWORK') return 'PUBLISHED_DESK';
  return viewer.outletId !== null && owner.outletIds.includes(viewer.outletId) ? 'OWN_OUTLET' : 'OTHER_OUTLET';
}

/** One personal datum of a record: whose it is, what kind, and whose record holds it. */
export interface PersonalDatumOf {
  subject: PersonSubject;
  datum: PersonalDatum;
  owner: RecordOwner;
}

/** What the viewer may see of this datum (the decision, without the value). */
export const decidePersonalData = (viewer: Viewer, { subject, owner }: PersonalDatumOf): Disclosure =>
  PERSONAL_DATA_POLICY[audienceOf(viewer, owner)][subject];

/** The value as the viewer may see it: whole, masked, or null. An absent or empty value is null. */
export function disclose(viewer: Viewer, of: PersonalDatumOf, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (decidePersonalData(viewer, of)) {
    case 'FULL':
      return value;
    case 'MASKED':
      return maskDatum(of.datum, value);
    case 'HIDDEN':
      return null;
  }
}
