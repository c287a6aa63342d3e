import { CallerTokenIssuer, CallerTokenVerifier, generateSigningKey, Role, type SigningKey } from '@courierdesk/platform-auth';
import { createLogger, type RunningService } from '@courierdesk/platform-subgraph';
import { startGateway } from './gateway.server';
import { GRAPHIQL_ASSET_PATHS } from './ide/graphiql';
import { startFixtureSubgraphs, type Fixture } from './testing/fixture-subgraphs';

const settings = { issuer: 'https://auth.test/', audience: 'courierdesk-graph' };

describe('gateway', () => {
  let callerKey: SigningKey;
  let internalKey: SigningKey;
  let issuer: CallerTokenIssuer;
  let fixture: Fixture;
  let gateway: RunningService;
  let tokens: Record<'agent' | 'analyst' | 'partner', string>;

  beforeAll(async () => {
    [callerKey, internalKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    issuer = new CallerTokenIssuer(callerKey, settings);
    fixture = await startFixtureSubgraphs(internalKey);
    gateway = await startGateway({
      supergraphSdl: fixture.supergraphSdl,
      subgraphUrls: { depots: fixture.depots.url, parcels: fixture.parcels.url },
      callerVerifier: new CallerTokenVerifier({ jwks: callerKey.publicJwks }, settings),
      internalKey,
      logger: createLogger('gateway-test', 'silent'),
      subgraphCalls: { timeoutMs: 800, breakerFailures: 1000 },
      limits: { maxBodyBytes: '64kb' },
    });
    tokens = {
      agent: await issuer.mint({ subject: 'agent-7', roles: [Role.AGENT] }),
      analyst: await issuer.mint({ subject: 'analyst-1', roles: [Role.ANALYST] }),
      partner: await issuer.mint({ subject: 'partner-1', roles: [Role.OUTLET_PARTNER], outletId: 'o-9' }),
    };
  });
  afterAll(async () => {
    await gateway?.stop();
    await fixture?.depots.stop();
    await fixture?.parcels.stop();
  });

  const post = async (body: unknown, token?: string, contentType = 'application/json') => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: any[] } };
  };

  it('refuses a request without a token (401, UNAUTHENTICATED)', async () => {
    const res = await post({ query: '{ depots { name } }' });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' });
  });

  it('refuses a forged token', async () => {
    const forged = await new CallerTokenIssuer(await generateSigningKey(), settings).mint({ subject: 'x', roles: [Role.ADMIN] });
    const res = await post({ query: '{ depots { name } }' }, forged);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('joins entities across subgraphs and passes the verified identity on', async () => {
    const res = await post({ query: '{ whoAmI parcels { no depot { name parcelCount } } }' }, tokens.partner);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.whoAmI).toBe('partner-1|outlet_partner|o-9');
    expect(res.body.data.parcels).toEqual([
      { no: 'P1', depot: { name: 'North', parcelCount: 3 } },
      { no: 'P2', depot: { name: 'South', parcelCount: 1 } },
    ]);
  });

  it('passes FORBIDDEN from a subgraph through, with partial data', async () => {
    const res = await post({ query: '{ depots { name phone } }' }, tokens.analyst);
    expect(res.body.data.depots).toEqual([{ name: 'North', phone: null }, { name: 'South', phone: null }]);
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
  });

  it('lets analysts introspect and refuses partners', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await post({ query }, tokens.analyst)).body.data.__schema.queryType.name).toBe('Query');
    const refused = await post({ query }, tokens.partner);
    expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.body.data).toBeUndefined();
    expect((await post({ query: '{ __typename }' }, tokens.partner)).body.data).toEqual({ __typename: 'Query' });
  });

  it('enforces depth and alias limits without telling them', async () => {
    const nested = (hops: number) => `{ depots { ${'next { '.repeat(hops)} name ${'}'.repeat(hops)} } }`;
    const atLimit = await post({ query: nested(8) }, tokens.agent);
    expect(atLimit.body.errors).toBeUndefined();
    expect(atLimit.body.data.depots).toHaveLength(2);
    const overLimit = await post({ query: nested(9) }, tokens.agent);
    expect(overLimit.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(overLimit.body.data).toBeUndefined();
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: whoAmI`).join(' ');
    const refused = await post({ query: `{ ${aliases} }` }, tokens.agent);
    expect(refused.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.text).not.toMatch(/15|16/);
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: whoAmI`).join(' ');
    expect((await post({ query: `{ ${fifteen} }` }, tokens.agent)).body.errors).toBeUndefined();
    // Fragments do not hide depth.
    const viaFragments = `query { depots { ...A } } fragment A on Depot { next { ...B } } fragment B on Depot { ${'next { '.repeat(8)} name ${'}'.repeat(8)} }`;
    expect((await post({ query: viaFragments }, tokens.agent)).body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses documents over the token limit', async () => {
    const fields = (n: number) => `{ ${Array.from({ length: n }, () => '__typename').join(' ')} }`;
    expect((await post({ query: fields(100) }, tokens.agent)).body.errors).toBeUndefined();
    const refused = await post({ query: fields(2100) }, tokens.agent);
    expect(refused.body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED', reason: 'TOKEN_LIMIT' });
    expect(refused.text).not.toMatch(/2000|2100/);
  });

  it('never suggests names, in fields or enum-like typos', async () => {
    const res = await post({ query: '{ depots { nam } }' }, tokens.agent);
    expect(res.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.text).not.toMatch(/Did you mean|"name"/);
  });

  it('refuses batching, text/plain and oversized bodies', async () => {
    expect((await post([{ query: '{ whoAmI }' }, { query: '{ whoAmI }' }], tokens.agent)).status).toBe(400);
    expect((await post(JSON.stringify({ query: '{ whoAmI }' }), tokens.agent, 'text/plain')).status).toBe(400);
    const huge = await post({ query: `{ whoAmI } # ${'x'.repeat(70_000)}` }, tokens.agent);
    expect(huge.status).toBe(413);
  });

  it('hides subgraph internals of an unexpected error', async () => {
    const res = await post({ query: '{ crash }' }, tokens.agent);
    expect(res.body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.text).not.toMatch(/ECONNREFUSED|10\.0\.0\.9|password|parcels|127\.0\.0\.1|serviceName|stacktrace/);
  });

  it('times out a hanging subgraph and keeps the other half of the answer', async () => {
    const started = Date.now();
    const res = await post({ query: '{ slow(ms: 5000) parcels { no } }' }, tokens.agent);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.body.data.parcels).toHaveLength(2);
    expect(res.body.errors).toEqual([{ message: expect.any(String), path: ['slow'], extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', retryable: true } }]);
    expect(res.text).not.toMatch(/127\.0\.0\.1|depots|abort/i);
  });

  it('answers from the remaining subgraphs when one is down', async () => {
    await fixture.parcels.stop();
    const res = await post({ query: '{ depots { name } parcels { no } }' }, tokens.agent);
    expect(res.body.data?.depots).toEqual([{ name: 'North' }, { name: 'South' }]);
    expect(res.body.errors).toEqual([{ message: expect.any(String), path: ['parcels'], extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', retryable: true } }]);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|parcels\.invalid|fetch failed/);
    // Fields the dead subgraph adds to live entities: one error per missing field, list index included.
    const joined = await post({ query: '{ depots { name parcelCount } }' }, tokens.agent);
    expect(joined.body.data.depots).toEqual([{ name: 'North', parcelCount: null }, { name: 'South', parcelCount: null }]);
    expect(joined.body.errors?.map((e: { path: unknown }) => e.path)).toEqual([['depots', 0, 'parcelCount'], ['depots', 1, 'parcelCount']]);
    // Nothing came back, and only for a passing reason: 503, and the request may be resent.
    const nothing = await post({ query: '{ parcels { no } }' }, tokens.agent);
    expect(nothing.status).toBe(503);
    expect(nothing.body.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', retryable: true });
  });

  it('serves the IDE with only local assets', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('graphiql');
    expect(page).not.toMatch(/https?:\/\//);
    for (const path of GRAPHIQL_ASSET_PATHS) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });
});
