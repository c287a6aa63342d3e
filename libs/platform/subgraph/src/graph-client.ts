/*
 * A subgraph calling the graph on its own behalf (tickets reading a waybill's live status for a
 * canned reply, reading tracking's anomaly feed, asking network for an escalation chain; claims
 * reading a waybill's facts). It goes through the gateway like any client, with a token of its own
 * (role `service`, minted by the identity provider's client-credentials grant; locally by the demo
 * issuer), so the owner subgraph applies its own rules and no subgraph reads another's tables.
 */

/** One GraphQL error as the gateway returns it. */
export interface GraphErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; reason?: string; [key: string]: unknown };
}

/** A response: data (possibly partial) and errors. */
export interface GraphResponse<T> {
  data: T | null;
  errors: readonly GraphErrorEntry[];
}

/** Calls the graph. Throws {@link GraphUnavailableError} when no answer came (down, timeout, 5xx without body). */
export interface GraphClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphResponse<T>>;
}

/** The graph did not answer: the caller decides whether to retry later or fail the request. */
export class GraphUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphUnavailableError';
  }
}

/** How a {@link GatewayGraphClient} reaches the gateway. */
export interface GatewayGraphClientOptions {
  /** The gateway's URL; null while it is not up yet (a subgraph starts before the gateway). */
  url: () => string | null;
  /** The service's bearer token (cached and renewed by the provider). */
  token: () => Promise<string>;
  /** Per-call timeout (default 5 s). */
  timeoutMs?: number;
}

/** The graph through the gateway's HTTP endpoint. */
export class GatewayGraphClient implements GraphClient {
  constructor(private readonly options: GatewayGraphClientOptions) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphResponse<T>> {
    const url = this.options.url();
    if (!url) throw new GraphUnavailableError('the gateway is not up yet');
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.options.token()}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new GraphUnavailableError(`the gateway did not answer: ${(err as Error).name}`);
    }
    const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphErrorEntry[] } | null;
    if (!body || (body.data === undefined && !body.errors)) throw new GraphUnavailableError(`the gateway answered HTTP ${response.status} without a GraphQL body`);
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }
}

/** A token minted on demand and reused until shortly before it expires. */
export function cachedToken(mint: () => Promise<string>, lifetimeMs: number): () => Promise<string> {
  let current: { token: Promise<string>; renewAt: number } | null = null;
  return () => {
    const now = Date.now();
    if (!current || now >= current.renewAt) {
      const token = mint();
      current = { token, renewAt: now + lifetimeMs * 0.8 };
      token.catch(() => {
        current = null;
      });
    }
    return current.token;
  };
}
