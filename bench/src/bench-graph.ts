import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { startGateway } from '@courierdesk/gateway';
import { buildNetworkSchema, startNetworkSubgraph, type RunningNetworkSubgraph } from '@courierdesk/network';
import {
  CallerTokenIssuer,
  callerTokenSettings,
  CallerTokenVerifier,
  DEFAULT_ROLE_SCOPES,
  generateSigningKey,
  InternalTokenMinter,
  Role,
  Scope,
  type Identity,
} from '@courierdesk/platform-auth';
import { TypeormPinoLogger } from '@courierdesk/platform-db';
import { cachedToken, composeSupergraph, GatewayGraphClient, type RunningService } from '@courierdesk/platform-subgraph';
import { buildClaimsSchema, CLAIMS_SUBGRAPH, GraphWaybillDirectory, startClaimsSubgraph, type RunningClaimsSubgraph, type WaybillDirectory } from '@courierdesk/claims';
import { buildTicketsSchema, startTicketsSubgraph, TICKETS_SUBGRAPH, type RunningTicketsSubgraph } from '@courierdesk/tickets';
import { buildTrackingSchema, DEFAULT_ANOMALY_SWEEP_MS, startTrackingSubgraph, TRACKING_SUBGRAPH, type RunningTrackingSubgraph } from '@courierdesk/tracking';

/** One SQL statement the tracking subgraph sent, with its parameters. */
export interface CapturedStatement {
  query: string;
  parameters: unknown[];
}

/**
 * The tracking subgraph's TypeORM logger in the benchmark: slow and failed queries go to pino as
 * usual; while `capturing`, every statement is also kept (to count statements per operation and
 * replay a lookup's statements as bare SQL).
 */
export class CapturingQueryLogger extends TypeormPinoLogger {
  capturing = false;
  readonly captured: CapturedStatement[] = [];

  override logQuery(query: string, parameters?: unknown[]): void {
    if (this.capturing) this.captured.push({ query, parameters: parameters ?? [] });
  }

  /** Runs `fn` and returns the statements sent meanwhile (with background work paused by `quiet`, when set). */
  async capture(fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
    const resume = this.quiet ? await this.quiet() : null;
    this.captured.length = 0;
    this.capturing = true;
    try {
      await fn();
      return [...this.captured];
    } finally {
      this.capturing = false;
      resume?.();
    }
  }

  /** Pauses the subgraph's background statements (tracking's anomaly sweeps) during a capture; returns how to resume them. */
  quiet: (() => Promise<() => void>) | null = null;
}

/** The graph under test: network and tracking subgraphs behind the gateway, with callers' tokens. */
export interface BenchGraph {
  gatewayUrl: string;
  network: RunningNetworkSubgraph;
  tracking: RunningTrackingSubgraph;
  /** The tickets subgraph, when asked for (its proactive consumer is not started: the tickets workload starts it). */
  tickets: RunningTicketsSubgraph | null;
  /** The claims subgraph, when asked for (the `--claims` workload). */
  claims: RunningClaimsSubgraph | null;
  /** Waybill facts read through the gateway as the claims subgraph reads them (its own service token): the decision's pre-fetched facts. */
  claimsFacts: WaybillDirectory | null;
  /** The tickets subgraph's SQL logger (captures on demand). */
  ticketsSql: CapturingQueryLogger;
  /** The tracking subgraph's SQL logger (captures on demand). */
  sql: CapturingQueryLogger;
  /** The network subgraph's: a lookup showing only place ids and types should send it nothing. */
  networkSql: CapturingQueryLogger;
  /** The claims manager is an HQ agent who asked for claims:decide (as tools/stack's demo token). */
  tokens: { scanner: string; agent: string; claimsManager: string };
  /** Posts a GraphQL operation to the gateway as `token`; throws on HTTP or GraphQL errors. */
  gateway<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Posts straight to the tracking subgraph with a context token, minted as the gateway mints them. */
  trackingDirect<T = any>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The same two with a request body serialised in advance (a client's own JSON work is not the server's). */
  gatewayBody<T = any>(token: string, body: string): Promise<T>;
  trackingDirectBody<T = any>(identity: Identity, body: string): Promise<T>;
  /** The identity a token stands for (as the gateway verifies it). */
  identityOf(token: string): Promise<Identity>;
  /** A caller token from the benchmark's issuer (e.g. a partner bound to an outlet). */
  mint(claims: Parameters<CallerTokenIssuer['mint']>[0]): Promise<string>;
  stop(): Promise<void>;
}

/** The JSON body of a GraphQL request. */
export const requestBody = (query: string, variables?: Record<string, unknown>): string => JSON.stringify({ query, variables });

const post = <T>(url: string, authorization: string, query: string, variables?: Record<string, unknown>): Promise<T> =>
  postBody(url, authorization, requestBody(query, variables));

// The benchmark's clients share one keep-alive pool over undici's request API: Node's global fetch
// costs ~0.7 ms of CPU per call more (WHATWG objects, an AbortSignal each), which would count
// as the graph's in this one process and in every lookup's latency. 64: the claims payouts run 32 clients.
const clientPool = new Agent({ connections: 64 });

async function postBody<T>(url: string, authorization: string, body: string): Promise<T> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body, dispatcher: clientPool });
  const reply = (await res.body.json()) as { data?: T; errors?: { message: string; extensions?: unknown }[] };
  if (res.statusCode !== 200 || reply.errors?.length) throw new Error(`GraphQL call failed (HTTP ${res.statusCode}): ${JSON.stringify(reply.errors ?? reply).slice(0, 500)}`);
  return reply.data as T;
}

/** What the tickets subgraph reads of the graph with its own token (as tools/stack grants it). */
const TICKETS_SERVICE_SCOPES: readonly Scope[] = [Scope.NETWORK_READ, Scope.TRACKING_READ, Scope.TRACKING_EVENTS, Scope.PERSONAL_DATA];

/** What the claims subgraph reads of the graph with its own token (tools/stack's CLAIMS_SERVICE_SCOPES). */
const CLAIMS_SERVICE_SCOPES: readonly Scope[] = [Scope.TRACKING_READ, Scope.TICKETS_READ, Scope.NETWORK_READ];

/** Which subgraphs to run besides network and tracking. */
export interface BenchGraphOptions {
  /** Also the tickets subgraph (the `--tickets` workload); off otherwise, so the other workloads run on the graph they always had. */
  tickets?: boolean;
  /** Also the claims subgraph (the `--claims` workload); off otherwise, likewise. */
  claims?: boolean;
}

/**
 * Starts the subgraphs and the gateway in this process, on 127.0.0.1 and free ports, with a
 * supergraph composed from the subgraphs' schemas (tracking is not in the committed file yet).
 */
export async function startBenchGraph(databaseUrl: string, logger: Logger, options: BenchGraphOptions = {}): Promise<BenchGraph> {
  const [issuerKey, internalKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  const host = '127.0.0.1';
  const sql = new CapturingQueryLogger(logger.child({ component: 'tracking-sql' }));
  const networkSql = new CapturingQueryLogger(logger.child({ component: 'network-sql' }));
  const ticketsSql = new CapturingQueryLogger(logger.child({ component: 'tickets-sql' }));
  const issuer = new CallerTokenIssuer(issuerKey, callerTokenSettings());
  const services: RunningService[] = [];
  try {
    const network = await startNetworkSubgraph({
      databaseUrl,
      port: 0,
      host,
      internalJwks: internalKey.publicJwks,
      logger: logger.child({ service: 'network' }),
      queryLogger: networkSql,
    });
    services.unshift(network);
    const tracking = await startTrackingSubgraph({
      databaseUrl,
      port: 0,
      host,
      internalJwks: internalKey.publicJwks,
      logger: logger.child({ service: 'tracking' }),
      queryLogger: sql,
    });
    services.unshift(tracking);
    // The anomaly detector sweeps in the background (after a volume load, for minutes): its statements
    // must not be taken for a request's, so every capture waits for a sweep under way and pauses the schedule.
    const sweepLogger = logger.child({ service: 'tracking', component: 'anomaly-outbox' });
    sql.quiet = async () => {
      await tracking.services.anomalies.stop();
      return () => tracking.services.anomalies.start({ intervalMs: DEFAULT_ANOMALY_SWEEP_MS, logger: sweepLogger });
    };
    // The desk reads the graph through the gateway with a service token of its own, as in tools/stack.
    let gatewayUrl: string | null = null;
    let tickets: RunningTicketsSubgraph | null = null;
    if (options.tickets) {
      const serviceToken = cachedToken(
        () => issuer.mint({ subject: `service:${TICKETS_SUBGRAPH}`, roles: [Role.SERVICE], scopes: TICKETS_SERVICE_SCOPES, name: 'tickets subgraph' }, { expiresIn: '15m' }),
        15 * 60_000,
      );
      tickets = await startTicketsSubgraph({
        databaseUrl,
        port: 0,
        host,
        internalJwks: internalKey.publicJwks,
        logger: logger.child({ service: 'tickets' }),
        queryLogger: ticketsSql,
        graph: new GatewayGraphClient({ url: () => gatewayUrl, token: serviceToken }),
        // The tickets workload starts the consumer (at its default pace) once the volume is in place.
        proactiveMs: 0,
      });
      services.unshift(tickets);
    }
    // Claims decides on the waybill's facts read through the gateway with its own token, as in tools/stack.
    let claims: RunningClaimsSubgraph | null = null;
    let claimsFacts: WaybillDirectory | null = null;
    if (options.claims) {
      const serviceToken = cachedToken(
        () => issuer.mint({ subject: `service:${CLAIMS_SUBGRAPH}`, roles: [Role.SERVICE], scopes: CLAIMS_SERVICE_SCOPES, name: 'claims subgraph' }, { expiresIn: '15m' }),
        15 * 60_000,
      );
      const claimsGraph = new GatewayGraphClient({ url: () => gatewayUrl, token: serviceToken });
      claims = await startClaimsSubgraph({
        databaseUrl,
        port: 0,
        host,
        internalJwks: internalKey.publicJwks,
        logger: logger.child({ service: 'claims' }),
        graph: claimsGraph,
      });
      services.unshift(claims);
      claimsFacts = new GraphWaybillDirectory(claimsGraph);
    }
    const supergraphSdl = composeSupergraph([
      { name: 'network', url: network.url, schema: await buildNetworkSchema() },
      { name: TRACKING_SUBGRAPH, url: tracking.url, schema: await buildTrackingSchema() },
      ...(tickets ? [{ name: TICKETS_SUBGRAPH, url: tickets.url, schema: await buildTicketsSchema() }] : []),
      ...(claims ? [{ name: CLAIMS_SUBGRAPH, url: claims.url, schema: await buildClaimsSchema() }] : []),
    ]);
    const verifier = new CallerTokenVerifier({ jwks: issuerKey.publicJwks }, callerTokenSettings());
    const gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: { network: network.url, [TRACKING_SUBGRAPH]: tracking.url, ...(tickets ? { [TICKETS_SUBGRAPH]: tickets.url } : {}), ...(claims ? { [CLAIMS_SUBGRAPH]: claims.url } : {}) },
      callerVerifier: verifier,
      internalKey,
      logger: logger.child({ service: 'gateway' }),
      port: 0,
      host,
    });
    services.unshift(gateway);
    gatewayUrl = gateway.url;
    // Context tokens as the gateway makes them (reused for half their life), so "subgraph alone" differs from the gateway path only by the gateway.
    const minter = new InternalTokenMinter(internalKey);
    const tokens = {
      // A hub sorter's fleet: scans anywhere in the network, which a scanner must ask for explicitly.
      scanner: await issuer.mint({ subject: 'bench-scanner', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] }),
      agent: await issuer.mint({ subject: 'bench-agent', roles: [Role.AGENT], name: 'bench agent' }),
      // Deciding and paying claims moves money: never an agent's default scope, so this token asks for it by name.
      claimsManager: await issuer.mint({
        subject: 'bench-claims-manager',
        roles: [Role.AGENT],
        scopes: [...DEFAULT_ROLE_SCOPES[Role.AGENT], Scope.CLAIMS_DECIDE],
        name: 'bench claims manager',
      }),
    };
    return {
      gatewayUrl: gateway.url,
      network,
      tracking,
      tickets,
      claims,
      claimsFacts,
      ticketsSql,
      sql,
      networkSql,
      tokens,
      gateway: (token, query, variables) => post(gateway.url, `Bearer ${token}`, query, variables),
      trackingDirect: async (identity, query, variables) =>
        post(tracking.url, `Bearer ${await minter.mint(identity, TRACKING_SUBGRAPH)}`, query, variables),
      gatewayBody: (token, body) => postBody(gateway.url, `Bearer ${token}`, body),
      trackingDirectBody: async (identity, body) => postBody(tracking.url, `Bearer ${await minter.mint(identity, TRACKING_SUBGRAPH)}`, body),
      identityOf: (token) => verifier.verify(token),
      mint: (claims) => issuer.mint(claims),
      stop: async () => {
        for (const service of services) await service.stop();
      },
    };
  } catch (err) {
    for (const service of services) await service.stop().catch(() => undefined);
    throw err;
  }
}
