import { createHash } from 'node:crypto';
import { startTestGateway, type TestGateway } from './testing/test-gateway';

// One request per probe through the real gateway: every client mistake at the HTTP or document
// level answers 4xx with a stable code and reason, never 500, and never a limit's number.

interface Probe {
  readonly method?: string;
  /** A JSON value (sent as JSON), or raw text. */
  readonly body?: unknown;
  /** Search parameters for GET. */
  readonly search?: Record<string, string>;
  /** null: no content-type at all. */
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const nested = (hops: number) => `{ depots { ${'next { '.repeat(hops)} name ${'}'.repeat(hops)} } }`;
const many = (n: number, selection: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => selection(i)).join(' ')} }`;
const GET = { method: 'GET', contentType: null, headers: { 'apollo-require-preflight': 'true' } } as const;
const MAX_BODY_BYTES = 64 * 1024;

describe('client errors at the gateway', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ maxBodyBytes: '64kb' });
  });
  afterAll(() => t?.stop());

  const send = async (probe: Probe) => {
    const url = new URL(t.gateway.url);
    for (const [k, v] of Object.entries(probe.search ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${t.tokens.agent}`, ...probe.headers };
    if (probe.contentType !== null) headers['content-type'] = probe.contentType ?? 'application/json';
    const body = probe.body === undefined ? undefined : typeof probe.body === 'string' ? probe.body : JSON.stringify(probe.body);
    const res = await fetch(url, { method: probe.method ?? 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  };

  it.each<[string, number, string, string | undefined, Probe]>([
    ['a syntax error', 400, 'GRAPHQL_PARSE_FAILED', undefined, { body: { query: '{' } }],
    ['a syntax error (graphql-response+json)', 400, 'GRAPHQL_PARSE_FAILED', undefined, { body: { query: '{' }, headers: { accept: 'application/graphql-response+json' } }],
    ['a document over the token limit', 400, 'GRAPHQL_PARSE_FAILED', 'TOKEN_LIMIT', { body: { query: many(2100, () => '__typename') } }],
    ['a query over the depth limit', 400, 'GRAPHQL_VALIDATION_FAILED', 'DEPTH_LIMIT', { body: { query: nested(9) } }],
    ['a query over the alias limit', 400, 'GRAPHQL_VALIDATION_FAILED', 'ALIAS_LIMIT', { body: { query: many(16, (i) => `a${i}: whoAmI`) } }],
    ['a query over the directive limit', 400, 'GRAPHQL_VALIDATION_FAILED', 'DIRECTIVE_LIMIT', { body: { query: many(51, () => '__typename @include(if: true)') } }],
    ['a body over the size limit', 413, 'BAD_REQUEST', 'BODY_TOO_LARGE', { body: { query: `{ whoAmI } # ${'x'.repeat(MAX_BODY_BYTES)}` } }],
    ['a persisted-query hash that does not match its query', 400, 'PERSISTED_QUERY_HASH_MISMATCH', undefined, { body: { query: '{ whoAmI }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ depots { name } }') } } } }],
    ['an unknown persisted-query version', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: { query: '{ whoAmI }', extensions: { persistedQuery: { version: 2, sha256Hash: sha256('{ whoAmI }') } } } }],
    ['an operationName the document lacks', 400, 'OPERATION_RESOLUTION_FAILURE', 'OPERATION_NOT_FOUND', { body: { query: 'query A { whoAmI }', operationName: 'B' } }],
    ['two operations and no operationName', 400, 'OPERATION_RESOLUTION_FAILURE', 'OPERATION_NAME_REQUIRED', { body: { query: 'query A { whoAmI } query B { whoAmI }' } }],
    ['a subscription on a graph without subscriptions', 400, 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_TYPE_UNSUPPORTED', { body: { query: 'subscription { __typename }' } }],
    ['a content type other than JSON', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: '{ whoAmI }', contentType: 'application/graphql' }],
    ['a text/plain body (CSRF prevention)', 400, 'BAD_REQUEST', 'CSRF_PREVENTION', { body: { query: '{ whoAmI }' }, contentType: 'text/plain' }],
    ['no content type (CSRF prevention)', 400, 'BAD_REQUEST', 'CSRF_PREVENTION', { body: { query: '{ whoAmI }' }, contentType: null }],
    ['a charset JSON is never sent in', 415, 'BAD_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', { body: { query: '{ whoAmI }' }, contentType: 'application/json; charset=latin1' }],
    ['a body that is not JSON', 400, 'BAD_REQUEST', 'MALFORMED_JSON', { body: '{"query": "{ whoAmI }"' }],
    ['a JSON body that is not an object', 400, 'BAD_REQUEST', 'MALFORMED_JSON', { body: '"{ whoAmI }"' }],
    ['a body without a query', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: {} }],
    ['an empty query', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: { query: '' } }],
    ['a query that is not a string', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: { query: { whoAmI: true } } }],
    ['variables that are not an object', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { body: { query: '{ whoAmI }', variables: '{}' } }],
    ['a batch', 400, 'BAD_REQUEST', 'BATCHING_DISABLED', { body: [{ query: '{ whoAmI }' }, { query: '{ whoAmI }' }] }],
    ['a mutation over GET', 405, 'BAD_REQUEST', 'METHOD_NOT_ALLOWED', { ...GET, search: { query: 'mutation { touchDepot(id: "d1") }' } }],
    ['a GET without a preflight header (CSRF prevention)', 400, 'BAD_REQUEST', 'CSRF_PREVENTION', { method: 'GET', contentType: null, search: { query: '{ whoAmI }' } }],
    ['GET variables that are not JSON', 400, 'BAD_REQUEST', 'MALFORMED_REQUEST', { ...GET, search: { query: '{ whoAmI }', variables: '{' } }],
    ['a PUT', 405, 'BAD_REQUEST', 'METHOD_NOT_ALLOWED', { method: 'PUT', body: { query: '{ whoAmI }' } }],
    ['an Accept header the gateway cannot answer', 406, 'BAD_REQUEST', 'NOT_ACCEPTABLE', { body: { query: '{ whoAmI }' }, headers: { accept: 'application/xml' } }],
  ])('%s → %d %s %s', async (_name, status, code, reason, probe) => {
    const res = await send(probe);
    expect(res.status).toBe(status);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions).toEqual(reason ? { code, reason } : { code });
    expect(res.text).not.toMatch(/stacktrace|node_modules|\n\s+at |Internal server error/);
    // A limit is named, never measured: no number an attacker could tune to.
    if (reason && /_LIMIT$|_TOO_LARGE$/.test(reason)) expect(res.body.errors?.[0].message).not.toMatch(/\d|Syntax Error/);
  });

  it('runs what is just inside the limits, and a mutation over POST', async () => {
    for (const query of [nested(8), many(15, (i) => `a${i}: whoAmI`), many(50, () => '__typename @include(if: true)'), many(1900, () => '__typename')]) {
      const res = await send({ body: { query } });
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
    }
    const write = await send({ body: { query: 'mutation { touchDepot(id: "d1") }' } });
    expect(write.body).toEqual({ data: { touchDepot: 'd1' } });
  });

  it('accepts a persisted query whose hash matches, then runs it by hash alone', async () => {
    const query = '{ whoAmI }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    expect((await send({ body: { query, extensions: { persistedQuery } } })).body.data).toEqual({ whoAmI: 'agent-7|agent|-' });
    expect((await send({ body: { extensions: { persistedQuery } } })).body.data).toEqual({ whoAmI: 'agent-7|agent|-' });
  });
});
