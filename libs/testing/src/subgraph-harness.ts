import type { DataSource, Logger as TypeormLogger } from 'typeorm';
import type { JSONWebKeySet } from 'jose';
import { generateSigningKey, mintInternalToken, type Identity, type Role, type Scope } from '@courierdesk/platform-auth';
import { QueryCounter } from '@courierdesk/platform-db';
import { createLogger, type Logger, type RunningService } from '@courierdesk/platform-subgraph';
import { createTestDatabase } from './test-database';

/** A GraphQL response as a subgraph sends it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; reason?: string } }[];
}

/** What every subgraph's start function takes (and the harness passes). */
export interface HarnessStartOptions {
  databaseUrl: string;
  internalJwks: JSONWebKeySet;
  logger: Logger;
  queryLogger: TypeormLogger;
  poolMax: number;
}

/** A subgraph on a database of its own, with a client that signs as the gateway would. */
export interface SubgraphHarness<S extends RunningService & { dataSource: DataSource }> {
  ds: DataSource;
  service: S;
  /** Counts every SQL statement the subgraph sends. */
  queries: QueryCounter;
  /** Sends one operation as `identity`, over HTTP, with a freshly minted internal token. */
  gql<T = any>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Starts a subgraph for one test file (call in beforeAll, `stop` in afterAll). */
export async function startSubgraphHarness<S extends RunningService & { dataSource: DataSource }>(
  subgraph: string,
  start: (options: HarnessStartOptions) => Promise<S>,
): Promise<SubgraphHarness<S>> {
  const db = await createTestDatabase();
  const key = await generateSigningKey();
  const queries = new QueryCounter();
  const service = await start({ databaseUrl: db.url, internalJwks: key.publicJwks, logger: createLogger(`${subgraph}-test`, 'silent'), queryLogger: queries, poolMax: 4 }).catch(async (err) => {
    await db.drop();
    throw err;
  });
  return {
    ds: service.dataSource,
    service,
    queries,
    async gql(identity, query, variables) {
      const res = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintInternalToken(key, identity, subgraph)}` },
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

/** A verified caller as a subgraph would receive it from the gateway. */
export const testIdentity = (subject: string, roles: Role[], scopes: Scope[], outletId: string | null = null): Identity => ({
  subject,
  roles,
  scopes,
  outletId,
  tokenId: `jti-${subject}`,
});
