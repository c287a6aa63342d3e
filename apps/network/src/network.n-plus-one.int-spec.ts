import { buildArea, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { startNetworkHarness, type NetworkHarness } from './testing/network.harness';
import type { OutletEntity } from './outlet/outlet.entity';

// The guard against N+1: one SQL statement per entity type per level, whatever the page size.
const PAGE = `query ($first: Int) {
  outlets(first: $first) { edges { node { name transitCentre { name } couriers { edges { node { name phone } } } deliveryAreas { edges { node { name courier { name } } } } } } }
}`;
const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Outlet { name transitCentre { name } couriers { edges { node { name phone } } } deliveryAreas { edges { node { name courier { name } } } } } }
}`;
// outlets page, transit centres, couriers of the outlets, areas (with their open assignment), couriers of the areas.
const EXPECTED_STATEMENTS = 5;

describe('N+1 guard', () => {
  let h: NetworkHarness;
  let outlets: OutletEntity[];

  beforeAll(async () => {
    h = await startNetworkHarness();
    const centres = [await buildTransitCentre(h.ds), await buildTransitCentre(h.ds), await buildTransitCentre(h.ds)];
    outlets = [];
    for (let i = 0; i < 55; i++) {
      const outlet = await buildOutlet(h.ds, { transitCentreId: centres[i % 3].id });
      const couriers = [await buildCourier(h.ds, outlet), await buildCourier(h.ds, outlet)];
      await buildArea(h.ds, outlet, { courier: couriers[0] });
      await buildArea(h.ds, outlet, { courier: couriers[1] });
      outlets.push(outlet);
    }
  }, 60_000);
  afterAll(() => h.stop());

  const count = async (query: string, variables: Record<string, unknown>, identity = as.agent()) => {
    h.queries.reset();
    const res = await h.gql(identity, query, variables);
    expect(res.errors).toBeUndefined();
    return { count: h.queries.count, data: res.data };
  };

  it('runs the same few statements for a page of 5 and a page of 50 outlets', async () => {
    const small = await count(PAGE, { first: 5 });
    const large = await count(PAGE, { first: 50 });
    expect(small.data.outlets.edges).toHaveLength(5);
    expect(large.data.outlets.edges).toHaveLength(50);
    expect(large.data.outlets.edges.every((e: any) => e.node.couriers.edges.length === 2 && e.node.deliveryAreas.edges.every((a: any) => a.node.courier))).toBe(true);
    expect(small.count).toBe(EXPECTED_STATEMENTS);
    expect(large.count).toBe(small.count);
  });

  it('runs the same statements for a partner, who reads other outlets’ couriers and areas too', async () => {
    const partner = await count(PAGE, { first: 50 }, as.partner(outlets[0].id));
    expect(partner.data.outlets.edges.every((e: any) => e.node.couriers.edges.length === 2 && e.node.deliveryAreas.edges.every((a: any) => a.node.courier))).toBe(true);
    expect(partner.count).toBe(EXPECTED_STATEMENTS);
  });

  it('runs the same few statements for 5 and 50 outlet references', async () => {
    const reps = (n: number) => outlets.slice(0, n).map((o) => ({ __typename: 'Outlet', id: o.id }));
    const small = await count(ENTITIES, { reps: reps(5) });
    const large = await count(ENTITIES, { reps: reps(50) });
    expect(large.data._entities).toHaveLength(50);
    expect(small.count).toBe(EXPECTED_STATEMENTS);
    expect(large.count).toBe(small.count);
  });

  it('loads 5 and 50 district references, and the district of a coverage answer, in one statement each', async () => {
    const codes: string[] = (await h.ds.query(`SELECT code FROM division WHERE level = 'DISTRICT' ORDER BY code LIMIT 50`)).map((r: { code: string }) => r.code);
    const DISTRICTS = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on District { code name cityName provinceName } } }';
    const reps = (n: number) => codes.slice(0, n).map((code) => ({ __typename: 'District', code }));
    const small = await count(DISTRICTS, { reps: reps(5) });
    const large = await count(DISTRICTS, { reps: reps(50) });
    expect(large.data._entities.map((d: any) => d.code)).toEqual(codes);
    expect(large.data._entities.every((d: any) => d.name && d.cityName && d.provinceName)).toBe(true);
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
  });

  it('batches courier references with their outlets and current areas', async () => {
    const first = await count('query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Courier { name outlet { name } areas { name } } } }', {
      reps: outlets.slice(0, 40).map(() => ({ __typename: 'Courier', id: '00000000-0000-4000-8000-000000000000' })),
    });
    expect(first.count).toBe(1);
    const page = await count('query ($id: ID!) { couriersOfOutlet(outletId: $id, first: 10) { edges { node { name outlet { name } areas { name courier { name } } } } } }', { id: outlets[0].id });
    // outlet check, couriers page, their outlet, their areas, the areas' couriers.
    expect(page.count).toBe(5);
  });
});
