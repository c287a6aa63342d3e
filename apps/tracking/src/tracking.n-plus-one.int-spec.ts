import { chinaTime } from '@courierdesk/domain-sla';
import { buildWaybill, journey, networkId, routeOf, scanOf } from './testing/builders';
import { as } from './testing/identities';
import { startTrackingHarness, type TrackingHarness } from './testing/tracking.harness';

// The guard against N+1: one SQL statement per entity type per level, whatever the page size.
const NODE = 'timeline { type location { __typename id } courier { id } } anomalies { code } eta { expectedAt } originOutlet { id }';
const PAGE = `query ($first: Int) { waybills(first: $first) { edges { node { ${NODE} } } } }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { ${NODE} } } }`;
// The references' whole rows, every timeline (anomalies judged on the same), every lane history.
const ENTITY_STATEMENTS = 3;
// A page reads narrow rows (waybill.row.ts); eta needs the rest of them, through the waybill loader.
const PAGE_STATEMENTS = ENTITY_STATEMENTS + 1;
// What a page of cheap fields answers from its own rows: only the timelines are read beside it.
const CHEAP = 'waybillNo status createdAt lastScanAt originOutlet { id } destinationOutlet { id } currentLocation { __typename id } currentHolder { id } timeline { type } anomalies { code }';
// Whole-row fields of every kind, to compare a page's answers with the same waybills by reference.
const WHOLE = 'waybillNo serviceLevel laneKey weightGrams declaredValueFen insuredValueFen freightFen pickedUpAt signedAt failedAttempts sender { name districtCode } recipient { phone address } signer { kind name } eta { expectedAt late }';
const march = (day: number, hour = 0) => chinaTime(2024, 3, day, hour);

describe('N+1 guard', () => {
  let h: TrackingHarness;
  const numbers: string[] = [];
  const outlets: string[] = [];

  beforeAll(async () => {
    h = await startTrackingHarness({ now: () => march(20, 12) });
    const hub = networkId();
    for (let i = 0; i < 55; i++) {
      const outlet = networkId();
      outlets.push(outlet);
      const w = await buildWaybill(h.services, { destinationOutletId: outlet, createdAt: march(5 + (i % 10), 9) });
      const route = { ...routeOf(w), hub };
      const from = march(5 + (i % 10), 10);
      // Delivered, stalled at the hub (an anomaly), and still moving, in turn.
      const scans = i % 3 === 0 ? journey(w.waybillNo, route, from, 5) : i % 3 === 1 ? journey(w.waybillNo, route, from, 5).slice(0, 2) : [scanOf(w.waybillNo, route, 'PICKED_UP', march(20, 8))];
      await h.services.scans.record(scans);
      numbers.push(w.waybillNo);
    }
  }, 60_000);
  afterAll(() => h.stop());

  const count = async (query: string, variables: Record<string, unknown>) => {
    h.queries.reset();
    const res = await h.gql(as.agent(), query, variables);
    expect(res.errors).toBeUndefined();
    return { count: h.queries.count, data: res.data };
  };

  it('runs the same few statements for a page of 5 and a page of 50 waybills', async () => {
    const small = await count(PAGE, { first: 5 });
    const large = await count(PAGE, { first: 50 });
    expect(large.data.waybills.edges).toHaveLength(50);
    const nodes = large.data.waybills.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.anomalies.length > 0).length).toBeGreaterThan(10);
    expect(nodes.filter((n: any) => n.eta).length).toBeGreaterThan(10);
    expect(nodes.every((n: any) => n.timeline.length > 0 && n.timeline[0].location.__typename === 'Outlet')).toBe(true);
    expect(small.count).toBe(PAGE_STATEMENTS);
    expect(large.count).toBe(small.count);
  });

  it('answers a page of cheap fields from its narrow rows: the page and its timelines, no whole rows', async () => {
    h.queries.reset();
    const res = await h.gql(as.agent(), `query { waybills(first: 50) { edges { node { ${CHEAP} } } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.waybills.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.filter((n: any) => n.anomalies.length > 0).length).toBeGreaterThan(10);
    expect(nodes.every((n: any) => n.originOutlet.id && n.createdAt && n.timeline.length > 0)).toBe(true);
    expect(h.queries.count).toBe(2);
    expect(h.queries.statements.join('\n')).not.toMatch(/sender_name|freight_fen|lane_key/);
  });

  it('answers whole-row fields on a page exactly as for the same waybills by reference', async () => {
    const page = await h.gql(as.agent(), `query { waybills(first: 50) { edges { node { ${WHOLE} } } } }`);
    expect(page.errors).toBeUndefined();
    const nodes = page.data.waybills.edges.map((e: any) => e.node);
    const reps = nodes.map((n: any) => ({ __typename: 'Waybill', waybillNo: n.waybillNo }));
    const byReference = await h.gql(as.agent(), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Waybill { ${WHOLE} } } }`, { reps });
    expect(byReference.errors).toBeUndefined();
    expect(nodes.filter((n: any) => n.signer && n.eta === null).length).toBeGreaterThan(10);
    expect(nodes.filter((n: any) => n.eta && n.pickedUpAt).length).toBeGreaterThan(10);
    expect(nodes.every((n: any) => n.weightGrams > 0 && n.sender.name && n.recipient.address)).toBe(true);
    expect(nodes).toEqual(byReference.data._entities);
  });

  it('runs the same few statements for 5 and 50 waybill references', async () => {
    const reps = (n: number) => numbers.slice(0, n).map((waybillNo) => ({ __typename: 'Waybill', waybillNo }));
    const small = await count(ENTITIES, { reps: reps(5) });
    const large = await count(ENTITIES, { reps: reps(50) });
    expect(large.data._entities.filter(Boolean)).toHaveLength(50);
    expect(small.count).toBe(ENTITY_STATEMENTS);
    expect(large.count).toBe(small.count);
  });

  it('runs one statement for the waybills of 5 or 50 outlet references, one for their timelines', async () => {
    const query = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Outlet { inboundWaybills(first: 3) { edges { node { timeline { type } } } } } } }';
    const reps = (n: number) => outlets.slice(0, n).map((id) => ({ __typename: 'Outlet', id }));
    const small = await count(query, { reps: reps(5) });
    const large = await count(query, { reps: reps(50) });
    expect(large.data._entities.every((o: any) => o.inboundWaybills.edges.length === 1)).toBe(true);
    expect(small.count).toBe(2);
    expect(large.count).toBe(2);
  });

  it('judges a work queue on one batch of timelines, shared with the fields', async () => {
    const hub = await h.ds.query(`SELECT current_place_id AS id FROM waybill WHERE current_place_kind = 'HUB' LIMIT 1`);
    const { count: statements, data } = await count(`query ($hub: ID!) { anomalousWaybills(transitCentreId: $hub, first: 50) { edges { node { ${NODE} } } } }`, { hub: hub[0].id });
    expect(data.anomalousWaybills.edges.length).toBe(18);
    // candidates (judged on their page rows), their timelines, the whole rows eta needs, lane histories.
    expect(statements).toBe(4);
  });
});
