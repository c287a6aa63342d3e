import { CallerTokenIssuer, callerTokenSettings, generateSigningKey, type SigningKey, type TokenClaims } from '@courierdesk/platform-auth';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { startStack, type RunningStack, type StackOptions } from '../stack';

/** What a client gets back: the HTTP status, the raw text (to look for leaks) and the parsed body. */
export interface GraphResponse {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> }[] };
}

/** The whole graph as `npm start` runs it, on a database of its own, for end-to-end specs. */
export interface E2eGraph {
  readonly stack: RunningStack;
  readonly db: TestDatabase;
  readonly issuerKey: SigningKey;
  readonly internalKey: SigningKey;
  /** POSTs an operation to the gateway (or `url`) as a client would. */
  graphql(query: string, token?: string, variables?: Record<string, unknown>, url?: string): Promise<GraphResponse>;
  /** A caller token from the stack's issuer. */
  mint(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

/** Starts gateway and subgraphs on free ports over a fresh database, with fresh keys and silent logs. */
export async function startE2eGraph(options: Omit<StackOptions, 'databaseUrl' | 'keys' | 'logger'>): Promise<E2eGraph> {
  const db = await createTestDatabase();
  const [issuerKey, internalKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  let stack: RunningStack;
  try {
    stack = await startStack({
      gatewayPort: 0,
      networkPort: 0,
      trackingPort: 0,
      ticketsPort: 0,
      claimsPort: 0,
      ...options,
      databaseUrl: db.url,
      keys: { issuer: issuerKey, internal: internalKey },
      logger: createLogger('e2e', 'silent'),
    });
  } catch (err) {
    await db.drop();
    throw err;
  }
  const issuer = new CallerTokenIssuer(issuerKey, callerTokenSettings());
  return {
    stack,
    db,
    issuerKey,
    internalKey,
    async graphql(query, token, variables, url = stack.gatewayUrl) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) as GraphResponse['body'] };
    },
    mint: (claims) => issuer.mint(claims),
    async stop() {
      await stack.stop();
      await db.drop();
    },
  };
}
