import { CallerTokenIssuer, callerTokenSettings, mintInternalToken, Role, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { QueryCounter } from '@courierdesk/platform-db';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph } from './testing/e2e-graph';

// Tracking through the whole graph: gateway → tracking + network subgraphs → PostgreSQL, with
// the Beijing demo network and generated waybill histories.
describe('tracking through the gateway', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let issuerKey: SigningKey;
  let internalKey: SigningKey;
  const networkSql = new QueryCounter();
  const trackingSql = new QueryCounter();

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 600 },
      queryLoggers: { network: networkSql, tracking: trackingSql },
      // Statements are counted per request: no background sweep or feed consumer may add its own.
      anomalySweepMs: 0,
      proactiveMs: 0,
      escalationSweepMs: 0,
    });
    ({ stack, issuerKey, internalKey } = e2e);
  });
  afterAll(() => e2e?.stop());

  const graphql = (...args: Parameters<E2eGraph['graphql']>) => e2e.graphql(...args);
  const rows = async <T>(sql: string, params: unknown[] = []) => (await stack.tracking.dataSource.query(sql, params)) as T[];

  it('loads waybills with scan histories on the first start', () => {
    expect(stack.seeded.tracking?.waybills).toBe(600);
    expect(stack.seeded.tracking?.events).toBeGreaterThan(600 * 3);
  });

  it('keeps SQL statements per subgraph constant from 5 to 50 waybills with timelines, outlets and transit centres', async () => {
    // Delivered parcels only: every page then holds outlets, transit centres and couriers, so both
    // pages need the same entity fetches (the newest 5 parcels may not have met a courier yet, and
    // a fetch with nothing to fetch is not sent at all).
    const query = `query($n: Int) { waybills(first: $n, filter: { statuses: [DELIVERED] }) { edges { node {
      waybillNo status timeline { type location { __typename ... on Outlet { name } ... on TransitCentre { name } } courier { name } }
      originOutlet { name transitCentre { name } } destinationOutlet { name transitCentre { name } } anomalies { code } eta { expectedAt } } } } }`;
    const measure = async (n: number) => {
      networkSql.reset();
      trackingSql.reset();
      const res = await graphql(query, stack.tokens.agent, { n });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.waybills.edges).toHaveLength(n);
      return { network: networkSql.count, tracking: trackingSql.count };
    };
    await measure(5); // warm-up: migrations, partitions and caches are not what we count
    const small = await measure(5);
    const large = await measure(50);
    expect(large).toEqual(small);
    expect(small.tracking).toBeLessThanOrEqual(8);
    expect(small.network).toBeLessThanOrEqual(8);
  });

  describe('a partner outlet', () => {
    let own: { waybill_no: string } | undefined;
    let foreign: { waybill_no: string; destination_outlet_id: string };

    beforeAll(async () => {
      const outletId = stack.tokens.partnerOutlet.id;
      [own] = await rows<{ waybill_no: string }>('SELECT waybill_no FROM tracking.waybill WHERE origin_outlet_id = $1 OR destination_outlet_id = $1 LIMIT 1', [outletId]);
      [foreign] = await rows<{ waybill_no: string; destination_outlet_id: string }>(
        `SELECT waybill_no, destination_outlet_id FROM tracking.waybill
          WHERE origin_outlet_id <> $1 AND destination_outlet_id <> $1 AND NOT (current_place_kind IS NOT DISTINCT FROM 'OUTLET' AND current_place_id IS NOT DISTINCT FROM $1) LIMIT 1`,
        [outletId],
      );
    });

    it('reads its own waybills', async () => {
      expect(own).toBeDefined();
      const res = await graphql('query($no: String!) { waybill(waybillNo: $no) { waybillNo } }', stack.tokens.partner, { no: own!.waybill_no });
      expect(res.body.data.waybill).toEqual({ waybillNo: own!.waybill_no });
    });

    it('cannot read another outlet’s waybill by number', async () => {
      const res = await graphql('query($no: String!) { waybill(waybillNo: $no) { waybillNo recipient { name } } }', stack.tokens.partner, { no: foreign.waybill_no });
      expect(res.body.data?.waybill ?? null).toBeNull();
      // Exactly what a number that does not exist gets: no oracle for other outlets' parcels.
      expect(res.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', reason: 'WAYBILL_NOT_FOUND' });
      expect(res.text).not.toMatch(/recipient|name/);
    });

    it('cannot list another outlet’s waybills, nor its inbound parcels through the network entity', async () => {
      const listed = await graphql('query($o: ID) { waybills(first: 100, filter: { outletId: $o }) { edges { node { waybillNo } } } }', stack.tokens.partner, { o: foreign.destination_outlet_id });
      expect(JSON.stringify(listed.body.data ?? null)).not.toContain(foreign.waybill_no);
      const everything = await graphql('{ waybills(first: 100) { edges { node { waybillNo } } } }', stack.tokens.partner);
      expect(everything.text).not.toContain(foreign.waybill_no);
      const inbound = await graphql('query($o: ID!) { outlet(id: $o) { name inboundWaybills(first: 100) { edges { node { waybillNo } } } } }', stack.tokens.partner, { o: foreign.destination_outlet_id });
      expect(inbound.text).not.toContain(foreign.waybill_no);
    });

    it('cannot resolve another outlet’s waybill as an entity, even with a valid gateway context', async () => {
      const context = await mintInternalToken(
        internalKey,
        { subject: 'p', roles: [Role.OUTLET_PARTNER], scopes: [Scope.TRACKING_READ, Scope.PERSONAL_DATA], outletId: stack.tokens.partnerOutlet.id, tokenId: 'j' },
        'tracking',
      );
      const res = await graphql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Waybill { waybillNo } } }', context, { r: [{ __typename: 'Waybill', waybillNo: foreign.waybill_no }] }, stack.tracking.url);
      expect(res.body.data?._entities).toEqual([null]);
    });
  });

  it('masks personal data for an analyst and shows it to an agent', async () => {
    const [w] = await rows<{ waybill_no: string; recipient_phone: string }>('SELECT waybill_no, recipient_phone FROM tracking.waybill LIMIT 1');
    const query = 'query($no: String!) { waybill(waybillNo: $no) { recipient { phone } } }';
    const analyst = await graphql(query, stack.tokens.analyst, { no: w.waybill_no });
    expect(analyst.body.data.waybill.recipient.phone).toBe(`${w.recipient_phone.slice(0, 3)}****${w.recipient_phone.slice(-4)}`);
    expect(analyst.text).not.toContain(w.recipient_phone);
    expect((await graphql(query, stack.tokens.agent, { no: w.waybill_no })).body.data.waybill.recipient.phone).toBe(w.recipient_phone);
  });

  it('lets a network-wide scanner ingest scans but not read waybills', async () => {
    const scanner = await new CallerTokenIssuer(issuerKey, callerTokenSettings()).mint({ subject: 'scanner-9', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
    const [w] = await rows<{ waybill_no: string; origin_outlet_id: string }>(`SELECT waybill_no, origin_outlet_id FROM tracking.waybill WHERE status = 'CREATED' LIMIT 1`);
    const scan = { eventId: `e2e-${w.waybill_no}`, waybillNo: w.waybill_no, type: 'PICKED_UP', eventTime: new Date(Date.now() - 60_000).toISOString(), location: { kind: 'OUTLET', id: w.origin_outlet_id } };
    const mutation = 'mutation($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted results { status } } }';
    const first = await graphql(mutation, scanner, { e: [scan] });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.recordScans.results).toEqual([{ status: 'ACCEPTED' }]);
    const again = await graphql(mutation, scanner, { e: [scan] });
    expect(again.body.data.recordScans.results).toEqual([{ status: 'DUPLICATE' }]);
    const read = await graphql('query($no: String!) { waybill(waybillNo: $no) { status } }', scanner, { no: w.waybill_no });
    expect(read.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const agent = await graphql('query($no: String!) { waybill(waybillNo: $no) { status } }', stack.tokens.agent, { no: w.waybill_no });
    expect(agent.body.data.waybill.status).toBe('IN_TRANSIT');
  });

  describe('an outlet’s scanner (网点巴枪)', () => {
    const mutation = 'mutation($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted rejected results { status reasons { field code } } } }';
    const mint = (claims: { roles: Role[]; outletId?: string; scopes?: string[] }) => new CallerTokenIssuer(issuerKey, callerTokenSettings()).mint({ subject: 'pda-1', ...claims });
    const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

    it('cannot fake an arrival or a sign-off at another outlet, and keeps its own scan of the batch', async () => {
      const outletId = stack.tokens.partnerOutlet.id;
      const pda = await mint({ roles: [Role.OUTLET_PARTNER, Role.SCANNER], outletId });
      const [theirs] = await rows<{ waybill_no: string; destination_outlet_id: string; event_count: number }>(
        `SELECT waybill_no, destination_outlet_id, event_count FROM tracking.waybill WHERE destination_outlet_id <> $1 AND status = 'IN_TRANSIT' LIMIT 1`,
        [outletId],
      );
      const [ours] = await rows<{ waybill_no: string }>(`SELECT waybill_no FROM tracking.waybill WHERE destination_outlet_id = $1 LIMIT 1`, [outletId]);
      const at = (id: string) => ({ kind: 'OUTLET', id });
      const res = await graphql(mutation, pda, {
        e: [
          { eventId: `fake-in-${theirs.waybill_no}`, waybillNo: theirs.waybill_no, type: 'ARRIVED_AT_OUTLET', eventTime: minuteAgo(), location: at(theirs.destination_outlet_id) },
          { eventId: `fake-sign-${theirs.waybill_no}`, waybillNo: theirs.waybill_no, type: 'SIGNED', eventTime: minuteAgo(), location: at(theirs.destination_outlet_id), signer: { kind: 'RECIPIENT', name: '张三' } },
          { eventId: `in-${ours.waybill_no}`, waybillNo: ours.waybill_no, type: 'ARRIVED_AT_OUTLET', eventTime: minuteAgo(), location: at(outletId) },
        ],
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.recordScans).toEqual({
        accepted: 1,
        rejected: 2,
        results: [
          { status: 'REJECTED', reasons: [{ field: 'location', code: 'LOCATION_OUTSIDE_OUTLET' }] },
          { status: 'REJECTED', reasons: [{ field: 'location', code: 'LOCATION_OUTSIDE_OUTLET' }] },
          { status: 'ACCEPTED', reasons: [] },
        ],
      });
      const [after] = await rows<{ event_count: number }>('SELECT event_count FROM tracking.waybill WHERE waybill_no = $1', [theirs.waybill_no]);
      expect(after.event_count).toBe(theirs.event_count);
    });

    it('cannot name another outlet’s courier (the demo couriers are known by the outlet their scans report)', async () => {
      const outletId = stack.tokens.partnerOutlet.id;
      const pda = await mint({ roles: [Role.OUTLET_PARTNER, Role.SCANNER], outletId });
      const [theirs] = await rows<{ courier_id: string }>(
        `SELECT courier_id FROM tracking.scan_event WHERE courier_id IS NOT NULL AND location_kind = 'OUTLET' AND location_id <> $1 LIMIT 1`,
        [outletId],
      );
      const [ours] = await rows<{ waybill_no: string }>(`SELECT waybill_no FROM tracking.waybill WHERE destination_outlet_id = $1 LIMIT 1`, [outletId]);
      const scan = { eventId: `ofd-${ours.waybill_no}`, waybillNo: ours.waybill_no, type: 'OUT_FOR_DELIVERY', eventTime: minuteAgo(), location: { kind: 'OUTLET', id: outletId }, courierId: theirs.courier_id };
      const res = await graphql(mutation, pda, { e: [scan] });
      expect(res.body.data.recordScans.results).toEqual([{ status: 'REJECTED', reasons: [{ field: 'courierId', code: 'COURIER_OUTSIDE_OUTLET' }] }]);
    });

    it('needs an outlet or tracking:ingest:any: a bare scanner token records nothing (FORBIDDEN)', async () => {
      const [w] = await rows<{ waybill_no: string; origin_outlet_id: string }>(`SELECT waybill_no, origin_outlet_id FROM tracking.waybill WHERE status = 'CREATED' LIMIT 1`);
      const scan = { eventId: `bare-${w.waybill_no}`, waybillNo: w.waybill_no, type: 'PICKED_UP', eventTime: minuteAgo(), location: { kind: 'OUTLET', id: w.origin_outlet_id } };
      const res = await graphql(mutation, await mint({ roles: [Role.SCANNER] }), { e: [scan] });
      expect(res.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'SCOPE_MISSING' });
      expect(res.body.data?.recordScans ?? null).toBeNull();
    });
  });

  it('answers a date that is none with BAD_USER_INPUT naming the argument, and reads a plain date as that day in China', async () => {
    const bad = await graphql('{ waybills(filter: { createdFrom: "x" }) { edges { node { waybillNo } } } }', stack.tokens.agent);
    expect(bad.body.data?.waybills ?? null).toBeNull();
    expect(bad.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME' });
    expect(bad.body.errors?.[0].message).toMatch(/^filter\.createdFrom: expected an ISO 8601 date-time/);
    const viaVariable = await graphql('query($f: WaybillFilter) { waybills(filter: $f) { edges { node { waybillNo } } } }', stack.tokens.agent, { f: { lastScanTo: 'tomorrow' } });
    expect(viaVariable.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE_TIME' });
    const plain = await graphql('{ waybills(first: 100, filter: { createdFrom: "2024-01-01" }) { edges { node { waybillNo } } } }', stack.tokens.agent);
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data.waybills.edges.length).toBeGreaterThan(0);
  });
});
