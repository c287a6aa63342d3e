/** Who is calling: the roles the graph knows. */
export enum Role {
  /** HQ or outlet customer-service agent (客服). */
  AGENT = 'agent',
  /** A partner/franchise outlet holding a scoped token (加盟网点): sees only its own outlet's data. */
  OUTLET_PARTNER = 'outlet_partner',
  /** Read-only ad-hoc queries and statistics; no personal data. */
  ANALYST = 'analyst',
  /** Scanners and systems feeding scan events. */
  SCANNER = 'scanner',
  /** Operators of the network directory and the platform. */
  ADMIN = 'admin',
  /**
   * Another subgraph or an internal system acting on its own behalf (服务账号), e.g. the tickets
   * subgraph's anomaly consumer and canned-reply renderer: reads, never writes through the graph.
   */
  SERVICE = 'service',
}

/** Fine-grained permissions carried in the token's `scope` claim (RFC 9068 style). */
export const Scope = {
  NETWORK_READ: 'network:read',
  /** Create/update outlets, couriers, areas. A partner holding it acts on its own outlet only (outlet manager). */
  NETWORK_WRITE: 'network:write',
  /** Unmasked personal data: phone numbers, addresses. */
  PERSONAL_DATA: 'pii:read',
  TRACKING_READ: 'tracking:read',
  /** Record scans and create waybills; an outlet-bound caller records scans at its own outlet only. */
  TRACKING_INGEST: 'tracking:ingest',
  /**
   * Record scans anywhere in the network (hub sorters, HQ systems), with tracking:ingest. Never
   * inferred from a token without an outlet; never widens an outlet-bound caller. Scanner and
   * admin roles only, and a scanner gets it only by asking for it (not a role default).
   */
  TRACKING_INGEST_ANY: 'tracking:ingest:any',
  /** Read the anomaly-event feed (异常事件流): services consuming tracking's outbox, and admins. */
  TRACKING_EVENTS: 'tracking:events',
  TICKETS_READ: 'tickets:read',
  TICKETS_WRITE: 'tickets:write',
  CLAIMS_READ: 'claims:read',
  CLAIMS_WRITE: 'claims:write',
  /**
   * Decide claims: approve, reject, pay, uphold or overturn a fine in arbitration (理赔审批). HQ
   * agents and admins only, and an agent gets it only by asking for it (not a role default); an
   * outlet-bound token never decides, whatever it holds.
   */
  CLAIMS_DECIDE: 'claims:decide',
  /**
   * Publish versions of the network's rules that every caller reads: tariffs (资费) and the
   * prohibited-items catalogue (禁寄目录). HQ only: admins hold it; an outlet-bound token never
   * publishes, whatever it holds. Versions are added, never edited.
   */
  RULES_PUBLISH: 'rules:publish',
  /** Schema introspection (GraphQL IDE); apps and partners do without. */
  INTROSPECT: 'graph:introspect',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);

/**
 * The most each role may hold. A token asks for scopes; it gets the intersection with its
 * roles' ceiling, so a mis-minted token can never lift a scanner to an agent.
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  [Role.AGENT]: [
    Scope.NETWORK_READ, Scope.PERSONAL_DATA, Scope.TRACKING_READ, Scope.TICKETS_READ,
    Scope.TICKETS_WRITE, Scope.CLAIMS_READ, Scope.CLAIMS_WRITE, Scope.CLAIMS_DECIDE, Scope.INTROSPECT,
  ],
  [Role.OUTLET_PARTNER]: [
    Scope.NETWORK_READ, Scope.NETWORK_WRITE, Scope.PERSONAL_DATA, Scope.TRACKING_READ,
    Scope.TICKETS_READ, Scope.TICKETS_WRITE, Scope.CLAIMS_READ,
  ],
  [Role.ANALYST]: [Scope.NETWORK_READ, Scope.TRACKING_READ, Scope.TICKETS_READ, Scope.CLAIMS_READ, Scope.INTROSPECT],
  [Role.SCANNER]: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY],
  [Role.ADMIN]: [...ALL_SCOPES],
  [Role.SERVICE]: [
    Scope.NETWORK_READ, Scope.TRACKING_READ, Scope.TRACKING_EVENTS, Scope.TICKETS_READ, Scope.CLAIMS_READ, Scope.PERSONAL_DATA,
  ],
};

/**
 * Scopes a role gets when the token names none: the partner default leaves out network:write, the
 * scanner default leaves out tracking:ingest:any (network-wide reach is asked for, never assumed),
 * the service default leaves out pii:read (a service sees personal data only when it asks).
 */
export const DEFAULT_ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  ...ROLE_SCOPES,
  [Role.OUTLET_PARTNER]: ROLE_SCOPES[Role.OUTLET_PARTNER].filter((s) => s !== Scope.NETWORK_WRITE),
  [Role.SCANNER]: [Scope.TRACKING_INGEST],
  [Role.SERVICE]: ROLE_SCOPES[Role.SERVICE].filter((s) => s !== Scope.PERSONAL_DATA),
  // Deciding claims moves money: an agent's token asks for it, it is never assumed.
  [Role.AGENT]: ROLE_SCOPES[Role.AGENT].filter((s) => s !== Scope.CLAIMS_DECIDE),
};

const ROLE_VALUES = new Set<string>(Object.values(Role));
const SCOPE_VALUES = new Set<string>(ALL_SCOPES);

/** Keeps only known roles. */
export function parseRoles(raw: unknown): Role[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((r): r is Role => typeof r === 'string' && ROLE_VALUES.has(r)))];
}

/**
 * The scopes a caller really has: those requested (space-separated `scope` claim, or the
 * roles' defaults when absent) that at least one of its roles allows.
 */
export function effectiveScopes(roles: readonly Role[], requested: string | undefined): Scope[] {
  const ceiling = new Set<Scope>(roles.flatMap((r) => ROLE_SCOPES[r]));
  const wanted =
    requested === undefined
      ? roles.flatMap((r) => DEFAULT_ROLE_SCOPES[r])
      : requested.split(/\s+/).filter((s): s is Scope => SCOPE_VALUES.has(s));
  return [...new Set(wanted.filter((s) => ceiling.has(s)))].sort();
}
