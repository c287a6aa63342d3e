import { CallerTokenIssuer, callerTokenSettings, mintInternalToken, Role, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { generateNetworkDemo } from '@courierdesk/seed';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph } from './testing/e2e-graph';

// The whole graph as `npm start` runs it (gateway → network subgraph → PostgreSQL with the
// Beijing demo network), called over HTTP with real tokens.
const DEMO = { provinces: ['11'], waybills: 400 };

describe('the running graph, end to end', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let issuerKey: SigningKey;
  let internalKey: SigningKey;
  const demo = generateNetworkDemo(DEMO);

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: DEMO,
    });
    ({ stack, issuerKey, internalKey } = e2e);
  });
  afterAll(() => e2e?.stop());

  const graphql = (...args: Parameters<E2eGraph['graphql']>) => e2e.graphql(...args);

  it('loads the demo network on the first start', () => {
    expect(stack.seeded.network).toMatchObject({ outlets: demo.outlets.length, couriers: demo.couriers.length, deliveryAreas: demo.deliveryAreas.length });
  });

  it('refuses a caller without a token: UNAUTHENTICATED', async () => {
    const res = await graphql('{ outlets(first: 1) { edges { node { code } } } }');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a scope the caller lacks: FORBIDDEN', async () => {
    const scanner = await new CallerTokenIssuer(issuerKey, callerTokenSettings()).mint({ subject: 'scanner-1', roles: [Role.SCANNER] });
    const res = await graphql('{ outlets(first: 1) { edges { node { code } } } }', scanner);
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(res.body.data?.outlets ?? null).toBeNull();
  });

  it('answers "who delivers here" with the seeded courier of each street', async () => {
    const sample = [0, 7, 42, 150].map((i) => demo.deliveryAreas[i % demo.deliveryAreas.length]);
    for (const area of sample) {
      const res = await graphql(
        'query($d: String!, $t: String!) { whoDeliversHere(districtCode: $d, text: $t) { matchedBy courier { id name } outlet { id } area { id } } }',
        stack.tokens.agent,
        { d: area.districtCode, t: area.streetName },
      );
      expect(res.body.errors).toBeUndefined();
      const best = res.body.data.whoDeliversHere[0];
      expect(best.area.id).toBe(area.id);
      expect(best.courier.id).toBe(area.courierId);
      expect(best.outlet.id).toBe(area.outletId);
    }
  });

  it('shows a partner its own couriers’ phones and masks other outlets’', async () => {
    const own = stack.tokens.partnerOutlet.id;
    const mine = demo.couriers.find((c) => c.outletId === own)!;
    const theirs = demo.couriers.find((c) => c.outletId !== own)!;
    const query = 'query($id: ID!) { courier(id: $id) { id phone } }';
    const a = await graphql(query, stack.tokens.partner, { id: mine.id });
    expect(a.body.data.courier.phone).toBe(mine.phone);
    const b = await graphql(query, stack.tokens.partner, { id: theirs.id });
    // Another outlet's courier is directory data: visible, with the phone masked.
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data.courier).toEqual({ id: theirs.id, phone: `${theirs.phone.slice(0, 3)}****${theirs.phone.slice(-4)}` });
    expect(b.text).not.toContain(theirs.phone);
    // The agent, with the personal-data scope, sees it.
    expect((await graphql(query, stack.tokens.agent, { id: theirs.id })).body.data.courier.phone).toBe(theirs.phone);
  });

  it('keeps another outlet’s couriers from a partner through _entities too', async () => {
    const theirs = demo.couriers.find((c) => c.outletId !== stack.tokens.partnerOutlet.id)!;
    const res = await graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Courier { id phone } } }',
      stack.tokens.partner,
      { r: [{ __typename: 'Courier', id: theirs.id }] },
      stack.network.url,
    );
    // Straight to the subgraph with a caller token: refused before GraphQL runs.
    expect(res.status).toBe(401);
    const internal = await mintInternalToken(internalKey, { subject: 'p', roles: [Role.OUTLET_PARTNER], scopes: [Scope.NETWORK_READ, Scope.PERSONAL_DATA], outletId: stack.tokens.partnerOutlet.id, tokenId: 'j' }, 'network');
    const viaContext = await graphql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Courier { id phone } } }', internal, { r: [{ __typename: 'Courier', id: theirs.id }] }, stack.network.url);
    expect(viaContext.text).not.toContain(theirs.phone);
  });

  it.each([
    ['an ordinary query', '{ outlets(first: 1) { edges { node { code } } } }'],
    ['_service', '{ _service { sdl } }'],
    ['_entities', '{ _entities(representations: [{ __typename: "Outlet", id: "00000000-0000-0000-0000-000000000000" }]) { __typename } }'],
  ])('refuses %s sent straight to the subgraph without the gateway’s signature', async (_name, query) => {
    const res = await graphql(query, stack.tokens.admin, undefined, stack.network.url);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('pages outlets with cursors and refuses oversized pages', async () => {
    const first = await graphql('{ outlets(first: 5) { edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }', stack.tokens.agent);
    expect(first.body.data.outlets.edges).toHaveLength(5);
    expect(first.body.data.outlets.pageInfo.hasNextPage).toBe(true);
    const next = await graphql('query($a: String) { outlets(first: 5, after: $a) { edges { node { code } } } }', stack.tokens.agent, { a: first.body.data.outlets.pageInfo.endCursor });
    const codes = [...first.body.data.outlets.edges, ...next.body.data.outlets.edges].map((e: { node: { code: string } }) => e.node.code);
    expect(new Set(codes).size).toBe(10);
    expect([...codes].sort()).toEqual(codes);
    // A page just over the maximum is the resolver's to refuse; an enormous one does not get
    // past the gateway's cost estimate.
    const over = await graphql('query($n: Int) { outlets(first: $n) { edges { node { code } } } }', stack.tokens.agent, { n: 101 });
    expect(over.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' });
    const huge = await graphql('query($n: Int) { outlets(first: $n) { edges { node { code } } } }', stack.tokens.agent, { n: 100000 });
    expect(huge.body.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT' });
  });
});
