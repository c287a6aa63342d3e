import { Arg, Authorized, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { generateSigningKey, InternalTokenVerifier, mintInternalToken, Role, Scope, type Identity, type SigningKey } from '@courierdesk/platform-auth';
import { createLogger } from './logger';
import { keyedLoader } from './loaders';
import { buildFederatedSchema } from './schema';
import { startSubgraphServer, type RunningService } from './server';
import { AppError } from './errors';
import type { SubgraphContext } from './context';

@Directive('@key(fields: "id")')
@ObjectType()
class Depot {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Authorized(Scope.PERSONAL_DATA)
  @Field({ nullable: true })
  phone?: string;
}

const DEPOTS = new Map([
  ['d1', { id: 'd1', name: 'North', phone: '13800000001' }],
  ['d2', { id: 'd2', name: 'South', phone: '13800000002' }],
]);
let batches: string[][] = [];
type Loaders = { depot: ReturnType<typeof keyedLoader<string, { id: string; name: string; phone: string }>> };

@Resolver(() => Depot)
class DepotResolver {
  @Authorized(Scope.NETWORK_READ)
  @Query(() => Depot)
  async depot(@Arg('id', () => ID) id: string): Promise<Depot> {
    const row = DEPOTS.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'DEPOT_NOT_FOUND', `No depot ${id}`);
    return row;
  }

  @Query(() => String)
  boom(): string {
    throw new Error('relation "secret_table" does not exist at postgres://internal:5432');
  }
}

const agent: Identity = { subject: 'a', roles: [Role.AGENT], scopes: [Scope.NETWORK_READ, Scope.PERSONAL_DATA], outletId: null, tokenId: 't' };
const analyst: Identity = { subject: 'b', roles: [Role.ANALYST], scopes: [Scope.NETWORK_READ], outletId: null, tokenId: 't2' };

describe('subgraph server', () => {
  let key: SigningKey;
  let service: RunningService;

  beforeAll(async () => {
    key = await generateSigningKey();
    const schema = await buildFederatedSchema(
      { resolvers: [DepotResolver], orphanedTypes: [Depot] },
      { Depot: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext<Loaders>) => ctx.loaders.depot.load(ref.id) } },
    );
    service = await startSubgraphServer<Loaders>({
      name: 'depots',
      schema,
      verifier: new InternalTokenVerifier(key.publicJwks, 'depots'),
      createLoaders: () => ({
        depot: keyedLoader(async (ids) => {
          batches.push([...ids]);
          return ids.flatMap((id) => (DEPOTS.has(id) ? [DEPOTS.get(id)!] : []));
        }, (d) => d.id),
      }),
      logger: createLogger('test', 'silent'),
    });
  });
  afterAll(() => service.stop());

  const post = async (body: unknown, token?: string | null, headers: Record<string, string> = {}) => {
    const res = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };
  const as = (identity: Identity, audience = 'depots') => mintInternalToken(key, identity, audience);

  it.each([
    ['an ordinary query', '{ depot(id: "d1") { name } }'],
    ['_service', '{ _service { sdl } }'],
    ['_entities', '{ _entities(representations: [{ __typename: "Depot", id: "d1" }]) { ... on Depot { name } } }'],
  ])('refuses %s without the gateway context (401)', async (_n, query) => {
    const res = await post({ query });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('refuses a context minted for another subgraph', async () => {
    const res = await post({ query: '{ _service { sdl } }' }, await as(agent, 'tracking'));
    expect(res.status).toBe(401);
  });

  it('serves the Federation 2 SDL with the key', async () => {
    const res = await post({ query: '{ _service { sdl } }' }, await as(agent));
    expect(res.body.data._service.sdl).toContain('@key(fields: "id")');
    expect(res.body.data._service.sdl).toContain('federation/v2.9');
  });

  it('resolves many references with one batch', async () => {
    batches = [];
    const res = await post({ query: '{ _entities(representations: [{ __typename: "Depot", id: "d1" }, { __typename: "Depot", id: "zz" }, { __typename: "Depot", id: "d2" }]) { ... on Depot { id name } } }' }, await as(agent));
    expect(res.body.data._entities).toEqual([{ id: 'd1', name: 'North' }, null, { id: 'd2', name: 'South' }]);
    expect(batches).toEqual([['d1', 'zz', 'd2']]);
  });

  it('authorises fields by scope with FORBIDDEN', async () => {
    const res = await post({ query: '{ depot(id: "d1") { name phone } }' }, await as(analyst));
    expect(res.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
    // The nullable field alone is withheld; the rest of the answer stands.
    expect(res.body.data).toEqual({ depot: { name: 'North', phone: null } });
    const ok = await post({ query: '{ depot(id: "d1") { name phone } }' }, await as(agent));
    expect(ok.body.data.depot).toEqual({ name: 'North', phone: '13800000001' });
  });

  it('maps app errors to stable codes', async () => {
    const res = await post({ query: '{ depot(id: "nope") { name } }' }, await as(agent));
    expect(res.body.errors?.[0]).toMatchObject({ message: 'No depot nope', extensions: { code: 'NOT_FOUND', reason: 'DEPOT_NOT_FOUND' } });
  });

  it('hides internal errors (no SQL, URL or stack)', async () => {
    const res = await post({ query: '{ boom }' }, await as(agent));
    const text = JSON.stringify(res.body);
    expect(res.body.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/secret_table|postgres:|stacktrace|at /);
  });

  it('never suggests field names', async () => {
    const res = await post({ query: '{ depot(id: "d1") { nam } }' }, await as(agent));
    expect(res.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('refuses batched HTTP requests and text/plain (CSRF)', async () => {
    const batch = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }], await as(agent));
    expect(batch.status).toBe(400);
    const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${await as(agent)}` }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(400);
  });

  it('answers health probes without a token', async () => {
    const base = service.url.replace('/graphql', '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });
});
