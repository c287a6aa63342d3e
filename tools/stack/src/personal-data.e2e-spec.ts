import { maskName } from '@courierdesk/domain-network';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph } from './testing/e2e-graph';

// The personal-data policy across subgraphs, through the gateway: a waybill (tracking) names
// outlets and couriers (network); each person shows by the same policy, whichever subgraph holds it.
describe('personal data through the gateway', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let waybill: { waybill_no: string; origin_outlet_id: string; destination_outlet_id: string; recipient_name: string };
  const names = new Map<string, string>();
  const outletOfCourier = new Map<string, string>();

  beforeAll(async () => {
    e2e = await startE2eGraph({
      demo: { provinces: ['11'], waybills: 600 },
    });
    ({ stack } = e2e);
    const own = stack.tokens.partnerOutlet.id;
    // A delivered parcel between the partner's outlet and another one, either way round.
    [waybill] = await stack.tracking.dataSource.query(
      `SELECT waybill_no, origin_outlet_id, destination_outlet_id, recipient_name FROM tracking.waybill
        WHERE status = 'DELIVERED' AND origin_outlet_id <> destination_outlet_id AND $1 IN (origin_outlet_id, destination_outlet_id)
        ORDER BY destination_outlet_id = $1 DESC, waybill_no LIMIT 1`,
      [own],
    );
    for (const row of await stack.network.dataSource.query('SELECT id, manager_name AS name FROM network.outlet WHERE id = ANY($1)', [[waybill.origin_outlet_id, waybill.destination_outlet_id]])) {
      names.set(row.id, row.name);
    }
    for (const row of await stack.network.dataSource.query('SELECT id, name, outlet_id FROM network.courier')) {
      names.set(row.id, row.name);
      outletOfCourier.set(row.id, row.outlet_id);
    }
  });
  afterAll(() => e2e?.stop());

  const QUERY = `query ($no: String!) { waybill(waybillNo: $no) {
    recipient { name } originOutlet { id managerName } destinationOutlet { id managerName }
    timeline { type courier { id name } location { ... on Outlet { id managerName } } }
  } }`;
  const read = async (token: string) => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables: { no: waybill.waybill_no } }) });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data.waybill;
  };
  // Every person the answer names: [id, shown] for outlets' managers and couriers.
  const people = (w: any): [string, string][] => [
    [w.originOutlet.id, w.originOutlet.managerName],
    [w.destinationOutlet.id, w.destinationOutlet.managerName],
    ...w.timeline.filter((s: any) => s.courier).map((s: any) => [s.courier.id, s.courier.name] as [string, string]),
  ];

  it('shows an HQ agent every person whole', async () => {
    const w = await read(stack.tokens.agent);
    expect(w.recipient.name).toBe(waybill.recipient_name);
    for (const [id, shown] of people(w)) expect(shown).toBe(names.get(id));
  });

  it('shows a partner its own outlet’s people and its customers whole, another outlet’s people masked', async () => {
    const own = stack.tokens.partnerOutlet.id;
    const w = await read(stack.tokens.partner);
    expect(w.recipient.name).toBe(waybill.recipient_name);
    const shown = people(w).map(([id, name]) => ({ id, name }));
    const expected = people(w).map(([id]) => {
      const outlet = outletOfCourier.get(id) ?? id;
      return { id, name: outlet === own ? names.get(id) : maskName(names.get(id)!) };
    });
    expect(shown).toEqual(expected);
    // Both kinds are in this answer: the other outlet's manager is always there.
    expect(expected.some((p) => p.name?.includes('*'))).toBe(true);
    expect(expected.some((p) => !p.name?.includes('*'))).toBe(true);
  });

  it('shows an analyst no person whole', async () => {
    const w = await read(stack.tokens.analyst);
    expect(w.recipient.name).toBe(maskName(waybill.recipient_name));
    for (const [id, shown] of people(w)) expect(shown).toBe(maskName(names.get(id)!));
  });
});
