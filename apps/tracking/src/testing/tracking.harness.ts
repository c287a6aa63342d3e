import { generateSigningKey, mintInternalToken, type Identity, type SigningKey } from '@courierdesk/platform-auth';
import { QueryCounter } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import type { DataSource } from 'typeorm';
import { createTrackingServices, type TrackingServices } from '../tracking.services';
import { startTrackingSubgraph, TRACKING_SUBGRAPH, type RunningTrackingSubgraph } from '../tracking.subgraph';

/** A GraphQL response as the subgraph sends it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; reason?: string } }[];
}

/** A tracking subgraph on a database of its own, with a client that signs as the gateway would. */
export interface TrackingHarness {
  ds: DataSource;
  service: RunningTrackingSubgraph;
  /** The same services on the same clock, for building rows without GraphQL. */
  services: TrackingServices;
  /** Counts every SQL statement the subgraph sends. */
  queries: QueryCounter;
  /** Sends one operation as `identity`, over HTTP, with a freshly minted internal token. */
  gql<T = any>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock. */
export async function startTrackingHarness(options: { now?: () => Date } = {}): Promise<TrackingHarness> {
  const db: TestDatabase = await createTestDatabase();
  const key: SigningKey = await generateSigningKey();
  const queries = new QueryCounter();
  const service = await startTrackingSubgraph({
    databaseUrl: db.url,
    internalJwks: key.publicJwks,
    logger: createLogger('tracking-test', 'silent'),
    queryLogger: queries,
    poolMax: 4,
    now: options.now,
  });
  return {
    ds: service.dataSource,
    service,
    services: createTrackingServices(service.dataSource, { now: options.now }),
    queries,
    async gql(identity, query, variables) {
      const res = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintInternalToken(key, identity, TRACKING_SUBGRAPH)}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}

/** The `extensions` of the first error, for `toEqual({ code, reason })`. */
export const firstError = (res: GraphQLResponse): { code?: string; reason?: string } | undefined => res.errors?.[0]?.extensions;
