import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel';
import type { InternalTokenMinter } from '@courierdesk/platform-auth';
import type { GatewayContext } from './gateway.context';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Raised when a subgraph cannot be reached in time; reported to clients without its URL. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly subgraph: string,
    override readonly cause: unknown,
  ) {
    super(`Subgraph ${subgraph} is unavailable`);
    this.name = 'SubgraphUnavailableError';
  }
}

/** Per-subgraph call settings. */
export interface SubgraphCallOptions {
  /** Abort a call after this long: `@apollo/gateway` itself never times out. */
  readonly timeoutMs: number;
  /** Open the circuit after this many consecutive failures… */
  readonly breakerFailures: number;
  /** …and try again after this long. */
  readonly breakerHalfOpenAfterMs: number;
}

/**
 * A fetcher with a deadline and a circuit breaker over Node's fetch (undici keeps connections
 * alive). A subgraph that is down fails fast instead of holding every request for the timeout.
 * Nothing is retried: a retried mutation could run twice.
 */
export function createSubgraphFetcher(subgraph: string, opts: SubgraphCallOptions): Fetcher {
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: opts.breakerHalfOpenAfterMs,
    breaker: new ConsecutiveBreaker(opts.breakerFailures),
  });
  return (async (url: string, init?: RequestInit) => {
    try {
      return await breaker.execute(async () => {
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
        if (res.status >= 500) throw Object.assign(new Error(`HTTP ${res.status}`), { response: res });
        return res;
      });
    } catch (err) {
      const response = (err as { response?: Response }).response;
      if (response && !(err instanceof BrokenCircuitError)) return response;
      throw new SubgraphUnavailableError(subgraph, err);
    }
  }) as unknown as Fetcher;
}

/**
 * Calls one subgraph on behalf of the verified caller: each request carries a fresh,
 * short-lived context token signed by the gateway with `aud` = this subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    private readonly minter: InternalTokenMinter,
    callOptions: SubgraphCallOptions,
  ) {
    super({ url, fetcher: createSubgraphFetcher(subgraph, callOptions) });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context.identity) throw new Error('gateway context has no verified identity');
    request.http?.headers.set('authorization', `Bearer ${await this.minter.mint(context.identity, this.subgraph)}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}
