import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startGateway } from '@courierdesk/gateway';
import { startNetworkSubgraph, type RunningNetworkSubgraph } from '@courierdesk/network';
import { CallerTokenIssuer, callerTokenSettings, CallerTokenVerifier, Role, type SigningKey } from '@courierdesk/platform-auth';
import { repoRoot, type Logger, type RunningService } from '@courierdesk/platform-subgraph';
import { generateNetworkDemo, loadNetworkDemo, networkIsEmpty, type NetworkDemoOptions, type NetworkLoadCounts } from '@courierdesk/seed';

/** Everything `npm start` runs, in one process: each service on its own port, as in production. */
export interface StackOptions {
  readonly databaseUrl: string;
  readonly keys: { readonly issuer: SigningKey; readonly internal: SigningKey };
  readonly logger: Logger;
  /** 0 = any free port (tests). */
  readonly gatewayPort?: number;
  readonly networkPort?: number;
  readonly host?: string;
  /** Demo data to load when the directory is empty; false = never. */
  readonly demo?: NetworkDemoOptions | false;
  readonly supergraphSdl?: string;
}

/** Ready-made tokens printed for a newcomer (and used by end-to-end tests). */
export interface DemoTokens {
  readonly agent: string;
  readonly analyst: string;
  readonly admin: string;
  readonly partner: string;
  readonly partnerOutlet: { id: string; code: string; name: string };
}

/** The running graph. */
export interface RunningStack {
  readonly gatewayUrl: string;
  readonly network: RunningNetworkSubgraph;
  readonly seeded: NetworkLoadCounts | null;
  readonly tokens: DemoTokens;
  stop(): Promise<void>;
}

/** Loads demo data the first time (empty directory); later starts skip it. */
async function seedIfEmpty(ds: DataSource, demo: NetworkDemoOptions | false | undefined, logger: Logger): Promise<NetworkLoadCounts | null> {
  if (demo === false || !(await networkIsEmpty(ds))) return null;
  const started = Date.now();
  const counts = await loadNetworkDemo(ds, generateNetworkDemo(demo ?? {}));
  logger.info({ counts, ms: Date.now() - started }, 'loaded demo network');
  return counts;
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
    partnerOutlet: outlet,
  };
}

/** Starts the network subgraph (migrating and seeding on first start) and the gateway in front of it. */
export async function startStack(opts: StackOptions): Promise<RunningStack> {
  const { logger } = opts;
  const network = await startNetworkSubgraph({
    databaseUrl: opts.databaseUrl,
    port: opts.networkPort ?? 4001,
    host: opts.host,
    internalJwks: opts.keys.internal.publicJwks,
    logger: logger.child({ service: 'network' }),
  });
  const services: RunningService[] = [network];
  try {
    const seeded = await seedIfEmpty(network.dataSource, opts.demo, logger);
    const tokens = await mintDemoTokens(opts.keys.issuer, await demoPartnerOutlet(network.dataSource));
    const gateway = await startGateway({
      supergraphSdl: opts.supergraphSdl ?? readFileSync(join(repoRoot(), 'supergraph.graphql'), 'utf8'),
      subgraphUrls: { network: network.url },
      callerVerifier: new CallerTokenVerifier({ jwks: opts.keys.issuer.publicJwks }, callerTokenSettings()),
      internalKey: opts.keys.internal,
      logger: logger.child({ service: 'gateway' }),
      port: opts.gatewayPort ?? 4000,
      host: opts.host,
    });
    services.unshift(gateway);
    return {
      gatewayUrl: gateway.url,
      network,
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
