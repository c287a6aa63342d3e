import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startClaimsSubgraph, type RunningClaimsSubgraph } from '@courierdesk/claims';
import type { LiabilityPolicies } from '@courierdesk/domain-liability';
import { startGateway } from '@courierdesk/gateway';
import { startNetworkSubgraph, type RunningNetworkSubgraph } from '@courierdesk/network';
import { startTicketsSubgraph, type RunningTicketsSubgraph } from '@courierdesk/tickets';
import { startTrackingSubgraph, type RunningTrackingSubgraph } from '@courierdesk/tracking';
import { CallerTokenIssuer, callerTokenSettings, CallerTokenVerifier, DEFAULT_ROLE_SCOPES, Role, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { repoRoot } from '@courierdesk/platform-db';
import { cachedToken, GatewayGraphClient, type Logger, type OwnedSubgraphOptions, type RunningService } from '@courierdesk/platform-subgraph';
import {
  claimsIsEmpty,
  generateNetworkDemo,
  generateTrackingDemo,
  loadClaimsDemo,
  loadNetworkDemo,
  loadTicketsDemo,
  loadTrackingDemo,
  loadOverchargeDemo,
  loadHeadlessDemo,
  loadOverchargeClaimDemo,
  planClaimsDemo,
  type HeadlessDemoCounts,
  loadRuleVersions,
  networkIsEmpty,
  readClaimDemoTickets,
  readClaimDemoWaybills,
  readTicketDemoWaybills,
  TicketRowsDirectory,
  TrackingRowsWaybillDirectory,
  ticketsIsEmpty,
  trackingIsEmpty,
  type ClaimsLoadCounts,
  type NetworkDemoOptions,
  type NetworkLoadCounts,
  type TicketsLoadCounts,
  type TrackingLoadCounts,
} from '@courierdesk/seed';
import type { Logger as TypeormLogger } from 'typeorm';

/** Everything `npm start` runs, in one process: each service on its own port, as in production. */
export interface StackOptions {
  readonly databaseUrl: string;
  readonly keys: { readonly issuer: SigningKey; readonly internal: SigningKey };
  readonly logger: Logger;
  /** 0 = any free port (tests). */
  readonly gatewayPort?: number;
  readonly networkPort?: number;
  readonly trackingPort?: number;
  readonly ticketsPort?: number;
  readonly claimsPort?: number;
  readonly host?: string;
  /** Demo data to load when a subgraph's tables are empty; false = never. */
  readonly demo?: DemoOptions | false;
  readonly supergraphSdl?: string;
  /** SQL loggers per subgraph (statement counters in tests). */
  readonly queryLoggers?: { readonly network?: TypeormLogger; readonly tracking?: TypeormLogger; readonly tickets?: TypeormLogger; readonly claims?: TypeormLogger };
  /** The tracking, tickets and claims subgraphs' clock (tests fix it). */
  readonly now?: () => Date;
  /** Period of tracking's anomaly sweep in ms (0: no sweeps nor nudges; tests call services.anomalies.sweep). Default DEFAULT_ANOMALY_SWEEP_MS. */
  readonly anomalySweepMs?: number;
  /** Period of the tickets subgraph's proactive consumer in ms (0: never; tests call services.proactive.drain). Default DEFAULT_PROACTIVE_MS. */
  readonly proactiveMs?: number;
  /** Period of the tickets subgraph's breach sweep (超时自动升级) in ms (0: never; tests call services.escalationSweeper.sweep). Default 60 000. */
  readonly escalationSweepMs?: number;
  /**
   * The claims subgraph's liability policy versions (理赔规则), read on every decision (default: the
   * library's). Tests pass a function over a variable to add a version while the stack runs.
   */
  readonly claimsPolicies?: () => LiabilityPolicies | undefined;
}

/** The demo network's provinces, and how many waybills with scan histories to add to it. */
export interface DemoOptions extends NetworkDemoOptions {
  readonly waybills?: number;
}

/** Rows loaded on this start (null: the data was already there). */
export interface SeededCounts {
  readonly network: NetworkLoadCounts | null;
  readonly tracking: TrackingLoadCounts | null;
  readonly tickets: TicketsLoadCounts | null;
  readonly claims: ClaimsLoadCounts | null;
  /** The everyday answers' rules and cases: tariff and catalogue versions added, the overcharged waybill and its complaint. */
  readonly everyday: EverydayLoadCounts | null;
}

/** What the everyday-answers demo added on this start. */
export interface EverydayLoadCounts {
  readonly tariffs: number;
  readonly catalogues: number;
  readonly overcharged: { waybillNo: string; ticketNumber: string; ticketId: string } | null;
  /** Headless parcels registered around the demo's lost parcel, and its recorded search. */
  readonly headless: HeadlessDemoCounts | null;
  /** The overcharged waybill's refund claim, decided and paid. */
  readonly overchargeClaim: { number: string; paidFen: number } | null;
}

/** Default demo size: enough waybills for every anomaly to show in the work queues. */
export const DEFAULT_DEMO_WAYBILLS = 3000;

/** Ready-made tokens printed for a newcomer (and used by end-to-end tests). */
export interface DemoTokens {
  readonly agent: string;
  readonly analyst: string;
  readonly admin: string;
  readonly partner: string;
  /** An HQ agent who asked for claims:decide (理赔审批) on top of the agent's default scopes. */
  readonly claimsManager: string;
  readonly partnerOutlet: { id: string; code: string; name: string };
}

/** The running graph. */
export interface RunningStack {
  readonly gatewayUrl: string;
  readonly network: RunningNetworkSubgraph;
  readonly tracking: RunningTrackingSubgraph;
  readonly tickets: RunningTicketsSubgraph;
  readonly claims: RunningClaimsSubgraph;
  readonly seeded: SeededCounts;
  readonly tokens: DemoTokens;
  stop(): Promise<void>;
}

/**
 * Loads demo data the first time (empty tables); later starts skip it. Waybills are generated
 * on the network that is actually loaded: its provinces are read back, and the generator's ids
 * depend only on codes, so they match. The desk's demo tickets are opened through the tickets
 * services on the waybills tracking holds, with the demo partner outlet party to some of them.
 * The demo claims are filed, decided and (one) paid through the claims services, on facts read from
 * tracking's and tickets' tables in process (the gateway is not up yet), and the partner outlet's
 * fine is disputed.
 */
async function seedIfEmpty(
  sources: { network: DataSource; tracking: DataSource; tickets: DataSource; claims: DataSource },
  demo: DemoOptions | false | undefined,
  now: Date,
  logger: Logger,
): Promise<SeededCounts> {
  if (demo === false) return { network: null, tracking: null, tickets: null, claims: null, everyday: null };
  const { network, tracking, tickets, claims } = sources;
  let networkCounts: NetworkLoadCounts | null = null;
  if (await networkIsEmpty(network)) {
    const started = Date.now();
    networkCounts = await loadNetworkDemo(network, generateNetworkDemo(demo ?? {}));
    logger.info({ counts: networkCounts, ms: Date.now() - started }, 'loaded the demo network');
  }
  let trackingCounts: TrackingLoadCounts | null = null;
  if (await trackingIsEmpty(tracking)) {
    const provinces = ((await network.query('SELECT DISTINCT province_code FROM network.outlet ORDER BY 1')) as { province_code: string }[]).map((r) => r.province_code);
    if (provinces.length > 0) {
      const started = Date.now();
      const histories = generateTrackingDemo(generateNetworkDemo({ ...demo, provinces }), { waybills: demo?.waybills ?? DEFAULT_DEMO_WAYBILLS, now: new Date() });
      trackingCounts = await loadTrackingDemo(tracking, histories);
      logger.info({ counts: trackingCounts, ms: Date.now() - started }, 'loaded demo waybills and scan histories');
    }
  }
  let ticketCounts: TicketsLoadCounts | null = null;
  if (await ticketsIsEmpty(tickets)) {
    const waybills = await readTicketDemoWaybills(tracking);
    if (waybills.length > 0) {
      const started = Date.now();
      ticketCounts = await loadTicketsDemo(tickets, waybills, { partnerOutlet: await demoPartnerOutlet(network), now });
      logger.info({ counts: ticketCounts, ms: Date.now() - started }, 'loaded the demo desk (tickets)');
    }
  }
  // Published versions are never replaced: a restart adds only versions it does not have yet.
  const rules = await loadRuleVersions(tracking);
  const overcharged = ticketCounts ? await loadOverchargeDemo({ tracking, tickets, network }, now, (await demoPartnerOutlet(network)).id) : null;
  let claimCounts: ClaimsLoadCounts | null = null;
  let headless: HeadlessDemoCounts | null = null;
  let overchargeClaim: { number: string; paidFen: number } | null = null;
  if (await claimsIsEmpty(claims)) {
    const waybills = await readClaimDemoWaybills(tracking);
    if (waybills.length > 0) {
      const started = Date.now();
      const partnerOutlet = await demoPartnerOutlet(network);
      const claimTickets = await readClaimDemoTickets(tickets);
      const facts = { waybills: new TrackingRowsWaybillDirectory(tracking), tickets: new TicketRowsDirectory(tickets, now) };
      // The lost parcel's headless-parcel search is made before its claim is filed, so the claim shows it.
      const planned = planClaimsDemo(waybills, claimTickets, { partnerOutletId: partnerOutlet.id, now }).claims;
      const lost = planned.find((c) => c.label === 'LOSS:INSURED') ?? planned.find((c) => c.label === 'LOSS:UNINSURED');
      headless = lost?.input.waybillNo ? await loadHeadlessDemo(tracking, lost.input.waybillNo, now) : null;
      claimCounts = await loadClaimsDemo(claims, waybills, claimTickets, { partnerOutlet, now, ...facts });
      if (overcharged) overchargeClaim = await loadOverchargeClaimDemo(claims, overcharged.ticketId, { now, ...facts });
      logger.info({ counts: claimCounts, headless, overchargeClaim, ms: Date.now() - started }, 'loaded the demo claims');
    }
  }
  const everyday = rules.tariffs + rules.catalogues > 0 || overcharged || headless ? { ...rules, overcharged, headless, overchargeClaim } : null;
  return { network: networkCounts, tracking: trackingCounts, tickets: ticketCounts, claims: claimCounts, everyday };
}

/** Picks a deterministic partner outlet with couriers for the demo partner token. */
async function demoPartnerOutlet(ds: DataSource): Promise<{ id: string; code: string; name: string }> {
  const [row] = (await ds.query(
    `SELECT o.id, o.code, o.name FROM network.outlet o
      WHERE o.kind = 'FRANCHISE' AND EXISTS (SELECT 1 FROM network.courier c WHERE c.outlet_id = o.id)
      ORDER BY o.code LIMIT 1`,
  )) as { id: string; code: string; name: string }[];
  if (!row) throw new Error('no franchise outlet with couriers: load the demo data first');
  return row;
}

/** Mints the demo tokens from the local issuer. */
export async function mintDemoTokens(issuerKey: SigningKey, outlet: { id: string; code: string; name: string }): Promise<DemoTokens> {
  const issuer = new CallerTokenIssuer(issuerKey, callerTokenSettings());
  return {
    agent: await issuer.mint({ subject: 'demo-agent', roles: [Role.AGENT], name: 'HQ agent' }),
    analyst: await issuer.mint({ subject: 'demo-analyst', roles: [Role.ANALYST] }),
    admin: await issuer.mint({ subject: 'demo-admin', roles: [Role.ADMIN] }),
    partner: await issuer.mint({ subject: `partner-${outlet.code}`, roles: [Role.OUTLET_PARTNER], outletId: outlet.id }),
    // Deciding claims moves money: never an agent's default, so this token asks for it by name.
    claimsManager: await issuer.mint({
      subject: 'demo-claims-manager',
      roles: [Role.AGENT],
      scopes: [...DEFAULT_ROLE_SCOPES[Role.AGENT], Scope.CLAIMS_DECIDE],
      name: 'HQ claims manager',
    }),
    partnerOutlet: outlet,
  };
}

/**
 * What the desk reads of the graph: waybills and their couriers (canned replies quote the courier's
 * name and phone to the customer, whose parcel it is: pii:read), the anomaly feed, escalation chains.
 */
export const TICKETS_SERVICE_SCOPES: readonly Scope[] = [Scope.NETWORK_READ, Scope.TRACKING_READ, Scope.TRACKING_EVENTS, Scope.PERSONAL_DATA];

/** What claims reads of the graph: waybills' facts and scans (tracking), the ticket a claim starts from, outlets. No pii:read. */
export const CLAIMS_SERVICE_SCOPES: readonly Scope[] = [Scope.TRACKING_READ, Scope.TICKETS_READ, Scope.NETWORK_READ];

/** How long a service token lives; it is re-minted before it runs out. */
const SERVICE_TOKEN_LIFETIME_MS = 15 * 60_000;

/** A subgraph's own token for calling the graph (role service), minted by the local issuer. */
export function serviceToken(issuerKey: SigningKey, service: string, scopes: readonly Scope[]): () => Promise<string> {
  const issuer = new CallerTokenIssuer(issuerKey, callerTokenSettings());
  return cachedToken(
    () => issuer.mint({ subject: `service:${service}`, roles: [Role.SERVICE], scopes, name: `${service} subgraph` }, { expiresIn: `${SERVICE_TOKEN_LIFETIME_MS / 60_000}m` }),
    SERVICE_TOKEN_LIFETIME_MS,
  );
}

/** Starts every subgraph (migrating, and seeding on a first start) and the gateway in front of them. */
export async function startStack(opts: StackOptions): Promise<RunningStack> {
  const { logger } = opts;
  /** What every subgraph of the stack is started with: the database, its port, the gateway's keys, its logs. */
  const owned = (service: 'network' | 'tracking' | 'tickets' | 'claims', port: number): OwnedSubgraphOptions => ({
    databaseUrl: opts.databaseUrl,
    port,
    host: opts.host,
    internalJwks: opts.keys.internal.publicJwks,
    logger: logger.child({ service }),
    queryLogger: opts.queryLoggers?.[service],
  });
  const network = await startNetworkSubgraph(owned('network', opts.networkPort ?? 4001));
  const services: RunningService[] = [network];
  try {
    const tracking = await startTrackingSubgraph({
      ...owned('tracking', opts.trackingPort ?? 4002),
      now: opts.now,
      anomalySweepMs: opts.anomalySweepMs,
    });
    services.push(tracking);
    // The desk reads waybills, the anomaly feed and escalation chains through the gateway, with a
    // service token of its own (in production an identity provider's client-credentials grant).
    let gatewayUrl: string | null = null;
    const graph = new GatewayGraphClient({ url: () => gatewayUrl, token: serviceToken(opts.keys.issuer, 'tickets', TICKETS_SERVICE_SCOPES) });
    const tickets = await startTicketsSubgraph({
      ...owned('tickets', opts.ticketsPort ?? 4003),
      now: opts.now,
      graph,
      proactiveMs: opts.proactiveMs,
      escalationSweepMs: opts.escalationSweepMs,
    });
    services.push(tickets);
    // Claims are decided on the waybill's facts read through the gateway with claims' own token, never the client's values.
    const claimsGraph = new GatewayGraphClient({ url: () => gatewayUrl, token: serviceToken(opts.keys.issuer, 'claims', CLAIMS_SERVICE_SCOPES) });
    const claims = await startClaimsSubgraph({
      ...owned('claims', opts.claimsPort ?? 4004),
      now: opts.now,
      graph: claimsGraph,
      policies: opts.claimsPolicies,
    });
    services.push(claims);
    const seeded = await seedIfEmpty({ network: network.dataSource, tracking: tracking.dataSource, tickets: tickets.dataSource, claims: claims.dataSource }, opts.demo, opts.now?.() ?? new Date(), logger);
    const tokens = await mintDemoTokens(opts.keys.issuer, await demoPartnerOutlet(network.dataSource));
    const gateway = await startGateway({
      supergraphSdl: opts.supergraphSdl ?? readFileSync(join(repoRoot(), 'supergraph.graphql'), 'utf8'),
      subgraphUrls: { network: network.url, tracking: tracking.url, tickets: tickets.url, claims: claims.url },
      callerVerifier: new CallerTokenVerifier({ jwks: opts.keys.issuer.publicJwks }, callerTokenSettings()),
      internalKey: opts.keys.internal,
      logger: logger.child({ service: 'gateway' }),
      port: opts.gatewayPort ?? 4000,
      host: opts.host,
    });
    services.unshift(gateway);
    gatewayUrl = gateway.url;
    return {
      gatewayUrl: gateway.url,
      network,
      tracking,
      tickets,
      claims,
      seeded,
      tokens,
      // Gateway first, so no request reaches a subgraph that is already closing.
      stop: async () => {
        for (const service of services) await service.stop();
      },
    };
  } catch (err) {
    for (const service of services) await service.stop().catch(() => undefined);
    throw err;
  }
}
