import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

import { STATUS_CODES } from 'node:http';
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { GraphQLError, parse } from 'graphql';
import { Agent, request, type Dispatcher } from 'undici';
import type { InternalTokenMinter } from '@courierdesk/platform-auth';
import type { GatewayContext } from './gateway.context';
import { unavailableFieldErrors } from './subgraph-unavailable';

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
  /** Stop reading a response body beyond this many bytes (demand control's second wall). */
  readonly maxResponseBytes: number;
}

/**
 * A subgraph answer over the size cap: the caller asked for too much, the subgraph is fine (the
 * breaker ignores it). A GraphQLError, so the gateway reports it on the fields of that fetch.
 */
export class SubgraphResponseTooLargeError extends GraphQLError {
  constructor(readonly subgraph: string) {
    super('The response is too large: request smaller pages (`first`) or fewer fields', { extensions: { code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE' } });
    this.name = 'SubgraphResponseTooLargeError';
  }
}

/** The body as text, refusing to buffer more than `max` bytes (a declared length over it is refused unread). */
async function readCapped(body: Dispatcher.ResponseData['body'], contentLength: unknown, max: number, subgraph: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = Number(contentLength) > max ? max + 1 : 0;
  if (size === 0) {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) break;
      chunks.push(chunk);
    }
  }
  if (size > max) {
    // Abandoned on purpose: undici reports that as an abort on the body, which nobody awaits now.
    body.on('error', () => undefined);
    body.destroy();
    throw new SubgraphResponseTooLargeError(subgraph);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * The part of a fetch Response that @apollo/gateway reads (ok, status, headers, json/text), over a
 * body read in full by undici.
 */
class SubgraphResponse {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    rawHeaders: Record<string, string | string[] | undefined>,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
    this.headers = {
      get: (name: string) => {
        const value = rawHeaders[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

/**
 * A fetcher with a deadline and a circuit breaker over undici's request API on a keep-alive
 * connection pool. A subgraph that is down fails fast instead of holding every request for the
 * timeout. Nothing is retried: a retried mutation could run twice.
 *
 * Not Node's global fetch: its WHATWG Request/Response/stream objects and a timer-backed
 * AbortSignal per call were a tenth of the gateway's CPU per lookup (bench/REPORT.md). The
 * deadline is the pool's: the subgraph must start answering within `timeoutMs` (headers) and
 * never pause longer than that while sending the body.
 */
export function createSubgraphFetcher(subgraph: string, opts: SubgraphCallOptions): Fetcher & { close(): Promise<void> } {
  const breaker = circuitBreaker(handleWhen((err) => !(err instanceof SubgraphResponseTooLargeError)), {
    halfOpenAfter: opts.breakerHalfOpenAfterMs,
    breaker: new ConsecutiveBreaker(opts.breakerFailures),
  });
  const pool = new Agent({ headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs, connectTimeout: opts.timeoutMs });
  const fetcher = (async (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => {
    try {
      return await breaker.execute(async () => {
        const { statusCode, headers, body } = await request(url, {
          method: (init?.method ?? 'POST') as Dispatcher.HttpMethod,
          headers: init?.headers,
          body: init?.body,
          dispatcher: pool,
        });
        const res = new SubgraphResponse(url, statusCode, headers, await readCapped(body, headers['content-length'], opts.maxResponseBytes, subgraph));
        if (statusCode >= 500) throw Object.assign(new Error(`HTTP ${statusCode}`), { response: res });
        return res;
      });
    } catch (err) {
      if (err instanceof SubgraphResponseTooLargeError) throw err;
      const response = (err as { response?: SubgraphResponse }).response;
      if (response && !(err instanceof BrokenCircuitError)) return response;
      throw new SubgraphUnavailableError(subgraph, err);
    }
  }) as unknown as Fetcher;
  return Object.assign(fetcher, { close: () => pool.close() });
}

/**
 * Calls one subgraph on behalf of the verified caller: each request carries a fresh,
 * short-lived context token signed by the gateway with `aud` = this subgraph.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly pool: { close(): Promise<void> };

  constructor(
    readonly subgraph: string,
    url: string,
    private readonly minter: InternalTokenMinter,
    callOptions: SubgraphCallOptions,
  ) {
    const fetcher = createSubgraphFetcher(subgraph, callOptions);
    super({ url, fetcher });
    this.pool = fetcher;
  }

  /** Closes the connections to the subgraph (after the gateway stopped sending). */
  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * A subgraph that cannot be reached answers, in effect, with one SERVICE_UNAVAILABLE error per
   * field it was asked for (see unavailableFieldErrors): the gateway then gives each error the
   * path of the field the client is missing, instead of one error without a path.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (err) {
      // Only a client's operation has fields to account for (not a health check).
      if (!(err instanceof SubgraphUnavailableError) || !('incomingRequestContext' in options)) throw err;
      const document = options.document ?? parse(options.request.query ?? '{ __typename }');
      const representations = options.request.variables?.['representations'] as Array<{ __typename?: unknown }> | undefined;
      return { errors: unavailableFieldErrors(document, representations, { subgraph: err.subgraph, cause: err.cause }) };
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context.identity) throw new Error('gateway context has no verified identity');
    request.http?.headers.set('authorization', `Bearer ${await this.minter.mint(context.identity, this.subgraph)}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }
}
