import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { DEFAULT_DEMAND_LIMITS, estimateCost, readCostDirectives, startGateway } from '@courierdesk/gateway';
import { CallerTokenIssuer, callerTokenSettings, CallerTokenVerifier, Role, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { QueryCounter, repoRoot } from '@courierdesk/platform-db';
import { createLogger, type RunningService } from '@courierdesk/platform-subgraph';
import { countObjects, randomOperations, type Entry } from './random-operation.test-helper';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph } from './testing/e2e-graph';

// Issue 8 §1: a small query must not produce a huge answer. Through the real gateway and
// subgraphs on the Beijing demo network with waybill histories.
const SUPERGRAPH = readFileSync(join(repoRoot(), 'supergraph.graphql'), 'utf8');
const directives = readCostDirectives(SUPERGRAPH);
type Caller = 'partner' | 'scanner' | 'agent' | 'analyst' | 'admin';
const READERS: Caller[] = ['partner', 'agent', 'analyst', 'admin'];
const ROLE_OF: Record<Caller, Role> = { partner: Role.OUTLET_PARTNER, scanner: Role.SCANNER, agent: Role.AGENT, analyst: Role.ANALYST, admin: Role.ADMIN };
const budget = (caller: Caller) => DEFAULT_DEMAND_LIMITS.costByRole[ROLE_OF[caller]];

describe('demand control through the gateway', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let issuerKey: SigningKey;
  let internalKey: SigningKey;
  let tokens: Record<Caller, string>;
  const ids: Record<string, string> = {};
  const sql = { network: new QueryCounter(), tracking: new QueryCounter() };

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 600 },
      queryLoggers: sql,
      // Statements are counted per request: no background sweep or feed consumer may add its own.
      anomalySweepMs: 0,
      proactiveMs: 0,
      escalationSweepMs: 0,
    });
    ({ stack, issuerKey, internalKey } = e2e);
    // A hub's scanner (network-wide ingest).
    const scanner = await new CallerTokenIssuer(issuerKey, callerTokenSettings()).mint({ subject: 'scanner-1', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
    tokens = { ...stack.tokens, scanner };
    const net = (q: string, p: unknown[] = []) => stack.network.dataSource.query(q, p) as Promise<Record<string, string>[]>;
    const own = stack.tokens.partnerOutlet.id;
    const [outlet] = await net('SELECT id, transit_centre_id FROM network.outlet WHERE id = $1', [own]);
    const [courier] = await net('SELECT id FROM network.courier WHERE outlet_id = $1 LIMIT 1', [own]);
    const [area] = await net('SELECT id, district_code, street_name FROM network.delivery_area WHERE outlet_id = $1 LIMIT 1', [own]);
    const [waybill] = (await stack.tracking.dataSource.query('SELECT waybill_no FROM tracking.waybill WHERE destination_outlet_id = $1 LIMIT 1', [own])) as { waybill_no: string }[];
    Object.assign(ids, { outlet: own, centre: outlet.transit_centre_id, courier: courier.id, area: area.id, district: area.district_code, street: area.street_name, waybill: waybill.waybill_no });
  });
  afterAll(() => e2e?.stop());

  const graphql = (...args: Parameters<E2eGraph['graphql']>) => e2e.graphql(...args);
  const reasons = (res: { body: { errors?: { extensions: Record<string, unknown> }[] } }) => (res.body.errors ?? []).map((e) => e.extensions.reason);

  describe('the issue’s probe is refused for every role, before any subgraph is called', () => {
    const hops = (n: number, inner: string) => 'transitCentre { outlets { edges { node { '.repeat(n) + inner + ' } } } }'.repeat(n);
    const probes: [string, (i: Record<string, string>) => string, RegExp][] = [
      // As sent in the issue: `outlets` is a connection now, so it no longer even validates.
      ['as sent (a list of outlets four times over)', (i) => `{ outlet(id: "${i.outlet}") { transitCentre { outlets { transitCentre { outlets { transitCentre { outlets { transitCentre { outlets { id } } } } } } } } } }`, /./],
      ['through the connections, four hops', (i) => `{ outlet(id: "${i.outlet}") { ${hops(4, 'id')} } }`, /./],
      ['within the depth limit: 100 outlets × 100 parcels × timelines', (i) => `{ transitCentre(id: "${i.centre}") { outlets(first: 100) { edges { node { inboundWaybills(first: 100) { edges { node { timeline { id } } } } } } } } }`, /^COST_LIMIT$/],
      ['with page sizes in variables: outlets × couriers × areas × landmarks', (i) => `query($n: Int) { transitCentre(id: "${i.centre}") { outlets(first: $n) { edges { node { couriers(first: $n) { edges { node { areas { landmarks { name } } } } } } } } } }`, /^COST_LIMIT$/],
    ];
    const cases = probes.flatMap(([name, query, reason]) => [...READERS, 'scanner' as const].map((caller) => [name, caller, query, reason] as const));

    it.each(cases)('%s, as %s', async (_name, caller, query, reason) => {
      sql.network.reset();
      sql.tracking.reset();
      const res = await graphql(query(ids), tokens[caller], { n: 100 });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(String(res.body.errors?.[0].extensions.reason ?? '-')).toMatch(reason);
      expect(sql.network.count + sql.tracking.count).toBe(0);
      // Neither the budget nor the estimate is told.
      expect(`${res.body.errors?.[0].message} ${JSON.stringify(res.body.errors?.[0].extensions)}`).not.toMatch(/\d/);
    });
  });

  describe('legitimate operations pass for every role that may run them', () => {
    const WAYBILL_PAGE = `query($n: Int) { waybills(first: $n) { edges { node { waybillNo status
      timeline { type eventTime location { __typename ... on Outlet { name } ... on TransitCentre { name } } courier { name } }
      originOutlet { name transitCentre { name } } destinationOutlet { name transitCentre { name } } anomalies { code reason } eta { expectedAt } } } } }`;
    const legit: [string, string, (i: Record<string, string>) => Record<string, unknown>, Caller[]][] = [
      ['README: the outlet directory', '{ outlets(first: 3) { edges { node { code name kind } } } }', () => ({}), READERS],
      ['README: a waybill with ETA, timeline and anomalies', '{ waybills(first: 1) { edges { node { waybillNo status eta { expectedAt source } timeline { type eventTime location { __typename ... on Outlet { name } ... on TransitCentre { name } } } anomalies { code reason } } } } }', () => ({}), READERS],
      ['one waybill with everything', 'query($no: String!) { waybill(waybillNo: $no) { waybillNo sender { name } recipient { name phone } timeline { type location { id } courier { name } signer { kind } } currentLocation { id } currentHolder { name } anomalies { code location { id } } eta { expectedAt } lastScan { type } } }', (i) => ({ no: i.waybill }), READERS],
      ['a page of 50 waybills with timelines (tracking e2e)', WAYBILL_PAGE, () => ({ n: 50 }), READERS],
      ['a page of 100 waybills with timelines', WAYBILL_PAGE, () => ({ n: 100 }), READERS],
      ['100 outlets with their couriers', '{ outlets(first: 100) { edges { node { code transitCentre { name } couriers { edges { node { code name phone } } } } } } }', () => ({}), READERS],
      ['the work queue of an outlet', 'query($o: ID!) { anomalousWaybills(outletId: $o, first: 100) { edges { node { waybillNo anomalies { code since reason } lastScan { type eventTime } } } } }', (i) => ({ o: i.outlet }), READERS],
      ['an escalation chain', 'query($o: ID!) { escalationChain(outletId: $o, topic: DELIVERY) { steps { position role name phone courier { name } } missingRoles } }', (i) => ({ o: i.outlet }), READERS],
      ['who delivers here', 'query($d: String!, $t: String!) { whoDeliversHere(districtCode: $d, text: $t, limit: 50) { courier { name } outlet { name } area { name landmarks { name } } } }', (i) => ({ d: i.district, t: i.street }), READERS],
      [
        'an upload of 1,000 scans with every result and reason',
        'mutation($e: [ScanEventInput!]) { recordScans(input: { events: $e }) { accepted duplicates rejected results { index eventId status scanEventId reasons { field code message } } } }',
        () => ({ e: Array.from({ length: 1000 }, (_, k) => ({ eventId: `legit-${k}`, waybillNo: 'CD000000000000', type: 'PICKED_UP', eventTime: '2020-01-01T00:00:00Z' })) }),
        ['scanner', 'admin'],
      ],
    ];
    const cases = legit.flatMap(([name, query, variables, callers]) => callers.map((caller) => [name, caller, query, variables] as const));

    it.each(cases)('%s, as %s', async (_name, caller, query, variables) => {
      const res = await graphql(query, tokens[caller], variables(ids));
      expect(res.status).toBe(200);
      expect(reasons(res)).not.toContain('COST_LIMIT');
      expect(reasons(res)).not.toContain('RESPONSE_TOO_LARGE');
      expect(res.body.errors).toBeUndefined();
      expect(Object.values(res.body.data).every((v) => v !== null)).toBe(true);
      expect(Buffer.byteLength(res.text)).toBeLessThan(DEFAULT_DEMAND_LIMITS.maxResponseBytes);
    });
  });

  it.each([
    // 1 + 100 × (3 + 100 × 3): over a partner's budget, within an agent's.
    ['20,000 < estimate ≤ 40,000', 'outlet { name }', ['partner'], ['agent', 'analyst', 'admin']],
    // 1 + 100 × (3 + 100 × 4): over an agent's, within an analyst's.
    ['40,000 < estimate ≤ 100,000', 'outlet { transitCentre { name } }', ['partner', 'agent'], ['analyst', 'admin']],
  ] as const)('keeps partners tightest, agents in between, analysts widest: %s', async (_what, inner, refused, allowed) => {
    const query = `{ outlets(first: 100) { edges { node { couriers(first: 100) { edges { node { code ${inner} } } } } } } }`;
    for (const caller of refused) expect(reasons(await graphql(query, tokens[caller]))).toEqual(['COST_LIMIT']);
    for (const caller of allowed) {
      const res = await graphql(query, tokens[caller]);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.outlets.edges.length).toBeGreaterThan(0);
    }
  });

  describe('the estimate against reality: random valid queries never return more than estimated', () => {
    // The supergraph's types as the gateway serves them (the walk starts from Query, so the
    // federation bookkeeping types in the file are never reached).
    const schema = buildSchema(SUPERGRAPH, { assumeValidSDL: true });
    const entries = (i: Record<string, string>): Entry[] => [
      { field: 'outlet', args: `id: "${i.outlet}"` },
      { field: 'transitCentre', args: `id: "${i.centre}"` },
      { field: 'courier', args: `id: "${i.courier}"` },
      { field: 'deliveryArea', args: `id: "${i.area}"` },
      { field: 'waybill', args: `waybillNo: "${i.waybill}"` },
      { field: 'outlets' },
      { field: 'waybills' },
      { field: 'couriersOfOutlet', args: `outletId: "${i.outlet}"` },
      { field: 'anomalousWaybills', args: `outletId: "${i.outlet}"` },
      { field: 'transitCentres', args: 'cityCode: "1101"' },
      { field: 'whoDeliversHere', args: `districtCode: "${i.district}", text: "${i.street}"` },
      { field: 'escalationChain', args: `outletId: "${i.outlet}", topic: DELIVERY` },
    ];
    // Ids are only known once the stack runs: the walk draws entry indexes, the test fills them in.
    const placeholders = Object.fromEntries(['outlet', 'centre', 'courier', 'area', 'waybill', 'district', 'street'].map((k) => [k, `%${k}%`]));
    const operations = randomOperations(schema, entries(placeholders), 60, 202_608).map((op, k) => [k, k % 2 === 0 ? 'agent' : 'partner', op] as const);
    const seen = { accepted: 0, refused: 0, objects: 0 };

    it.each(operations)('operation %i, as %s', async (_k, caller, op) => {
      const query = op.query.replace(/%(\w+)%/g, (_m, key: string) => ids[key]);
      const estimate = estimateCost(schema, directives, { document: parse(query), variables: op.variables }) as number;
      const res = await graphql(query, tokens[caller], op.variables);
      if (estimate > budget(caller)) {
        expect(reasons(res)).toEqual(['COST_LIMIT']);
        seen.refused++;
        return;
      }
      expect(res.status).toBe(200);
      expect(reasons(res).filter((r) => r === 'COST_LIMIT' || r === 'RESPONSE_TOO_LARGE')).toEqual([]);
      const objects = countObjects(res.body.data);
      expect(objects).toBeLessThanOrEqual(estimate);
      seen.accepted++;
      seen.objects += objects;
    });

    it('exercised both sides with real data (or the walk proves nothing)', () => {
      expect(seen.accepted).toBeGreaterThan(20);
      expect(seen.refused).toBeGreaterThan(2);
      expect(seen.objects).toBeGreaterThan(1000);
    });
  });

  describe('the response cap, the second wall', () => {
    const gateways: RunningService[] = [];
    const gatewayWith = async (caps: { response: number; subgraph: number }) => {
      const gateway = await startGateway({
        supergraphSdl: SUPERGRAPH,
        subgraphUrls: { network: stack.network.url, tracking: stack.tracking.url },
        callerVerifier: new CallerTokenVerifier({ jwks: issuerKey.publicJwks }, callerTokenSettings()),
        internalKey,
        logger: createLogger('e2e-gateway', 'silent'),
        port: 0,
        demand: { maxResponseBytes: caps.response },
        // One failure would open the breaker: a response over the cap must not count as one.
        subgraphCalls: { maxResponseBytes: caps.subgraph, breakerFailures: 1 },
      });
      gateways.push(gateway);
      return gateway.url;
    };
    afterAll(async () => {
      for (const gateway of gateways) await gateway.stop();
    });
    const PAGE = '{ outlets(first: 100) { edges { node { code name address districtName } } } }';
    const CAP = 1_000;

    it('has a page bigger than the cap these tests set (precondition)', async () => {
      expect(Buffer.byteLength((await graphql(PAGE, tokens.agent)).text)).toBeGreaterThan(2 * CAP);
    });

    it('replaces a response over the cap with RESPONSE_TOO_LARGE', async () => {
      const url = await gatewayWith({ response: CAP, subgraph: 10_000_000 });
      const res = await graphql(PAGE, tokens.agent, undefined, url);
      expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE' } }] });
      expect((await graphql('{ outlets(first: 2) { edges { node { code } } } }', tokens.agent, undefined, url)).body.data.outlets.edges).toHaveLength(2);
    });

    it('stops reading a subgraph answer over the cap, without opening the breaker', async () => {
      const url = await gatewayWith({ response: 10_000_000, subgraph: CAP });
      const res = await graphql(PAGE, tokens.agent, undefined, url);
      expect(res.body.data?.outlets ?? null).toBeNull();
      expect(res.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE' });
      expect(res.text).not.toMatch(/127\.0\.0\.1|network|serviceName/);
      const after = await graphql('{ outlets(first: 2) { edges { node { code } } } }', tokens.agent, undefined, url);
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data.outlets.edges).toHaveLength(2);
    });
  });
});
