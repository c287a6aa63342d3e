import { MAX_PAGE_SIZE } from '@courierdesk/platform-subgraph';
import { MAX_AREAS_PER_COURIER } from './common/list-bounds';
import type { CourierEntity } from './courier/courier.entity';
import type { OutletEntity } from './outlet/outlet.entity';
import { buildArea, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';
import type { TransitCentreEntity } from './transit-centre/transit-centre.entity';

// The lists that grow with the network or with time are connections with a page per parent:
// a centre's outlets, an outlet's couriers and areas, an area's history (the probe
// walked centre → outlets → centre → … and got them all, every time).
type Connection = { edges: { cursor: string; node: any }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
const nodes = (c: Connection) => c.edges.map((e) => e.node);

describe('connections under a parent (first/after, a page per parent, one statement per level)', () => {
  let h: NetworkHarness;
  let big: TransitCentreEntity;
  let small: TransitCentreEntity;
  let bigOutlets: OutletEntity[];
  let busy: CourierEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    big = await buildTransitCentre(h.ds);
    small = await buildTransitCentre(h.ds);
    bigOutlets = [];
    for (let i = 0; i < 5; i++) bigOutlets.push(await buildOutlet(h.ds, { transitCentreId: big.id }));
    await buildOutlet(h.ds, { transitCentreId: small.id });
    for (const [i, outlet] of bigOutlets.entries()) {
      for (let c = 0; c <= i; c++) await buildCourier(h.ds, outlet, { active: c !== 1 });
    }
    busy = await buildCourier(h.ds, bigOutlets[0]);
    for (let i = 0; i < MAX_AREAS_PER_COURIER + 2; i++) await buildArea(h.ds, bigOutlets[0], { name: `片区${String(i).padStart(3, '0')}`, courier: busy });
  }, 60_000);
  afterAll(() => h.stop());

  const CENTRE_OUTLETS = 'query ($id: ID!, $first: Int, $after: String) { transitCentre(id: $id) { outlets(first: $first, after: $after) { edges { cursor node { id code } } pageInfo { hasNextPage endCursor } } } }';

  it('pages a transit centre’s outlets in code order to the end', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round++) {
      const res = await h.gql(as.partner(bigOutlets[0].id), CENTRE_OUTLETS, { id: big.id, first: 2, after });
      expect(res.errors).toBeUndefined();
      const page: Connection = res.data.transitCentre.outlets;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...nodes(page).map((o) => o.code));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(bigOutlets.map((o) => o.code).sort());
  });

  it('gives each parent its own page and hasNextPage, in one statement per level', async () => {
    const query = `query ($ids: [_Any!]!) { _entities(representations: $ids) { ... on TransitCentre { id outlets(first: 3) {
      edges { node { code couriers(first: 2) { edges { node { code } } pageInfo { hasNextPage } } } } pageInfo { hasNextPage } } } } }`;
    h.queries.reset();
    const res = await h.gql(as.agent(), query, { ids: [big, small].map((c) => ({ __typename: 'TransitCentre', id: c.id })) });
    expect(res.errors).toBeUndefined();
    // The centres, their outlets, the outlets' couriers.
    expect(h.queries.count).toBe(3);
    const [b, s] = res.data._entities;
    expect(b.outlets.pageInfo.hasNextPage).toBe(true);
    expect(s.outlets.pageInfo.hasNextPage).toBe(false);
    expect(s.outlets.edges).toHaveLength(1);
    // Outlet i has i + 1 couriers, the second inactive: 1, 1, 2, 3 (+ busy on the first) active.
    const couriers = nodes(b.outlets).map((o) => [nodes(o.couriers).length, o.couriers.pageInfo.hasNextPage]);
    expect(couriers).toEqual([
      [2, false],
      [1, false],
      [2, false],
    ]);
  });

  it('lists inactive couriers on request', async () => {
    const query = 'query ($id: ID!, $all: Boolean!) { outlet(id: $id) { couriers(first: 10, includeInactive: $all) { edges { node { active } } } } }';
    const active = await h.gql(as.agent(), query, { id: bigOutlets[3].id, all: false });
    const all = await h.gql(as.agent(), query, { id: bigOutlets[3].id, all: true });
    expect(nodes(active.data.outlet.couriers)).toEqual([{ active: true }, { active: true }, { active: true }]);
    expect(nodes(all.data.outlet.couriers)).toHaveLength(4);
  });

  it('pages an area’s history newest first', async () => {
    const area = await buildArea(h.ds, bigOutlets[4]);
    const couriers = [await buildCourier(h.ds, bigOutlets[4]), await buildCourier(h.ds, bigOutlets[4]), await buildCourier(h.ds, bigOutlets[4])];
    const starts = ['2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'];
    for (const [i, courier] of couriers.entries()) {
      await h.ds.query(`INSERT INTO network.area_assignment (area_id, courier_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [area.id, courier.id, starts[i], starts[i + 1] ?? null]);
    }
    const query = 'query ($id: ID!, $after: String) { deliveryArea(id: $id) { assignments(first: 2, after: $after) { edges { node { from courier { id } } } pageInfo { hasNextPage endCursor } } } }';
    const first = await h.gql(as.agent(), query, { id: area.id });
    const second = await h.gql(as.agent(), query, { id: area.id, after: first.data.deliveryArea.assignments.pageInfo.endCursor });
    expect(first.data.deliveryArea.assignments.pageInfo.hasNextPage).toBe(true);
    expect(second.data.deliveryArea.assignments.pageInfo.hasNextPage).toBe(false);
    const steps = [...nodes(first.data.deliveryArea.assignments), ...nodes(second.data.deliveryArea.assignments)];
    expect(steps).toEqual([...starts].reverse().map((from, i) => ({ from, courier: { id: couriers[2 - i].id } })));
  });

  it('pages an outlet’s areas by name', async () => {
    const areas = await h.gql(as.agent(), 'query ($id: ID!, $after: String) { outlet(id: $id) { deliveryAreas(first: 40, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } } }', { id: bigOutlets[0].id });
    expect(areas.data.outlet.deliveryAreas.pageInfo.hasNextPage).toBe(true);
    const rest = await h.gql(as.agent(), 'query ($id: ID!, $after: String) { outlet(id: $id) { deliveryAreas(first: 40, after: $after) { edges { node { name } } pageInfo { hasNextPage } } } }', {
      id: bigOutlets[0].id,
      after: areas.data.outlet.deliveryAreas.pageInfo.endCursor,
    });
    const names = [...nodes(areas.data.outlet.deliveryAreas), ...nodes(rest.data.outlet.deliveryAreas)].map((a) => a.name);
    expect(names).toEqual(Array.from({ length: MAX_AREAS_PER_COURIER + 2 }, (_, i) => `片区${String(i).padStart(3, '0')}`));
    expect(rest.data.outlet.deliveryAreas.pageInfo.hasNextPage).toBe(false);
  });

  it('cuts a courier’s areas at the bound the cost estimate assumes', async () => {
    const res = await h.gql(as.agent(), 'query ($id: ID!) { courier(id: $id) { areas { name } } }', { id: busy.id });
    expect(res.data.courier.areas).toHaveLength(MAX_AREAS_PER_COURIER);
  });

  it.each([
    ['a page over the maximum', { first: MAX_PAGE_SIZE + 1 }, 'INVALID_PAGE_SIZE'],
    ['a cursor of another list', { first: 2, after: Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url') }, 'INVALID_CURSOR'],
    ['a cursor that is not one', { first: 2, after: '%%%' }, 'INVALID_CURSOR'],
  ])('refuses %s (BAD_USER_INPUT)', async (_what, page, reason) => {
    const res = await h.gql(as.agent(), CENTRE_OUTLETS, { id: big.id, ...page });
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason });
  });

  it('refuses a malformed history cursor without reaching SQL', async () => {
    const [area] = await h.ds.query(`SELECT id FROM network.delivery_area WHERE outlet_id = $1 LIMIT 1`, [bigOutlets[0].id]);
    const after = Buffer.from(JSON.stringify(['yesterday', area.id])).toString('base64url');
    const res = await h.gql(as.agent(), 'query ($id: ID!, $after: String) { deliveryArea(id: $id) { assignments(after: $after) { edges { node { from } } } } }', { id: area.id, after });
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});
