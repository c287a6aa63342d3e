import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph } from '@courierdesk/platform-subgraph';
import { buildTrackingSchema } from './schema';
import { buildWaybill, journey, routeOf } from './testing/builders';
import { as } from './testing/identities';
import { startTrackingHarness, type TrackingHarness } from './testing/tracking.harness';

describe('federation: the tracking subgraph in the graph', () => {
  let h: TrackingHarness;
  beforeAll(async () => {
    h = await startTrackingHarness();
  });
  afterAll(() => h.stop());

  it('builds its schema without a database and composes', async () => {
    const schema = await buildTrackingSchema();
    // Ticket.chargeCheck @requires the ticket's waybillNo, which only the tickets subgraph resolves:
    // the smallest owner of that field stands in for it.
    const tickets = buildSubgraphSchema({ typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\ntype Ticket @key(fields: "id") { id: ID! waybillNo: String }\ntype Query { ticketStub: Ticket }`) });
    expect(() =>
      composeSupergraph([
        { name: 'tracking', url: 'http://127.0.0.1:4002/graphql', schema },
        { name: 'tickets', url: 'http://127.0.0.1:4003/graphql', schema: tickets },
      ]),
    ).not.toThrow();
  });

  it('publishes Waybill and ScanEvent keys and stubs of the network’s entities', async () => {
    const { sdl } = (await h.gql(as.agent(), '{ _service { sdl } }')).data._service;
    expect(sdl).toMatch(/type Waybill\s+@key\(fields: "waybillNo"\)/);
    expect(sdl).toMatch(/type ScanEvent\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Outlet implements ScanLocation\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type TransitCentre implements ScanLocation\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Courier\s+@key\(fields: "id", resolvable: false\)/);
  });

  it('resolves scan events by their id, in one query, null for ids that are not ours', async () => {
    const w = await buildWaybill(h.services, { createdAt: new Date(Date.now() - 20 * 3_600_000) });
    const results = await h.services.scans.record(journey(w.waybillNo, routeOf(w), new Date(Date.now() - 19 * 3_600_000), 2));
    h.queries.reset();
    const res = await h.gql(as.agent(), 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ScanEvent { type scannerEventId location { id } } } }', {
      reps: [...results.map((r) => ({ __typename: 'ScanEvent', id: r.scanEventId })), { __typename: 'ScanEvent', id: 'bm90LW91cnM' }, { __typename: 'ScanEvent', id: 7 }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((e: any) => e?.type ?? null)).toEqual(['PICKED_UP', 'ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'SIGNED', null, null]);
    // the scans, their waybills (row rule).
    expect(h.queries.count).toBe(2);
  });

  it('refuses every call without the gateway’s signed context (401)', async () => {
    const res = await fetch(h.service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    expect(res.status).toBe(401);
  });

  it.each([
    ['waybill', 'query ($s: String!) { waybill(waybillNo: $s) { status } }'],
    ['list filter', 'query ($s: ID!) { waybills(filter: { outletId: $s }) { edges { node { waybillNo } } } }'],
    ['cursor', 'query ($s: String!) { waybills(after: $s) { edges { node { waybillNo } } } }'],
    ['queue', 'query ($s: ID!) { anomalousWaybills(outletId: $s) { edges { node { waybillNo } } } }'],
    ['scan', 'mutation ($s: String!) { recordScans(input: { events: [{ eventId: $s, waybillNo: $s, type: $s, eventTime: $s, location: { kind: $s, id: $s }, courierId: $s }] }) { rejected } }'],
  ])('answers hostile text in %s without a server error or SQL in the response', async (_name, query) => {
    for (const s of ["' OR 1=1 --", 'CD00000000001\u0000', '😀'.repeat(300), '{"a":1}', '../../etc/passwd', '2024-13-45T99:00:00+08:00']) {
      const res = await h.gql(as.admin(), query, { s });
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res)).not.toMatch(/INTERNAL_SERVER_ERROR|syntax error|SELECT|relation/i);
    }
  });
});
