import { CallerTokenIssuer, CallerTokenVerifier, generateSigningKey, Role } from '@courierdesk/platform-auth';
import { createLogger, type RunningService } from '@courierdesk/platform-subgraph';
import { startGateway, type GatewayLimits } from '../gateway.server';
import { startFixtureSubgraphs, type Fixture } from './fixture-subgraphs';

const settings = { issuer: 'https://auth.test/', audience: 'courierdesk-graph' };

/** A real gateway over the fixture subgraphs, with a caller token per kind of caller. */
export interface TestGateway {
  readonly gateway: RunningService;
  readonly fixture: Fixture;
  /** Where the gateway serves `/`, the IDE and `/graphql`. */
  readonly origin: string;
  readonly tokens: Readonly<Record<'agent' | 'partner', string>>;
  stop(): Promise<void>;
}

export async function startTestGateway(limits: Partial<GatewayLimits> = {}): Promise<TestGateway> {
  const [callerKey, internalKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  const issuer = new CallerTokenIssuer(callerKey, settings);
  const fixture = await startFixtureSubgraphs(internalKey);
  const gateway = await startGateway({
    supergraphSdl: fixture.supergraphSdl,
    subgraphUrls: { depots: fixture.depots.url, parcels: fixture.parcels.url },
    callerVerifier: new CallerTokenVerifier({ jwks: callerKey.publicJwks }, settings),
    internalKey,
    logger: createLogger('gateway-test', 'silent'),
    limits,
  });
  return {
    gateway,
    fixture,
    origin: new URL(gateway.url).origin,
    tokens: {
      agent: await issuer.mint({ subject: 'agent-7', roles: [Role.AGENT] }),
      partner: await issuer.mint({ subject: 'partner-1', roles: [Role.OUTLET_PARTNER], outletId: 'o-9' }),
    },
    stop: async () => {
      await gateway.stop();
      await Promise.all([fixture.depots.stop(), fixture.parcels.stop()]);
    },
  };
}
