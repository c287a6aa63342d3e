import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from '../testing/network.harness';
import type { OutletEntity } from '../outlet/outlet.entity';
import type { DeliveryAreaEntity } from '../delivery-area/delivery-area.entity';
import type { ContactEntity } from './contact.entity';

const CHAIN = `query ($outletId: ID!, $topic: EscalationTopic!, $areaId: ID) {
  escalationChain(outletId: $outletId, topic: $topic, areaId: $areaId) {
    topic missingRoles outlet { id } steps { position role name phone contact { id } courier { id } }
  }
}`;

describe('escalation chains (升级链)', () => {
  let h: NetworkHarness;
  let a: OutletEntity;
  let b: OutletEntity;
  let area: DeliveryAreaEntity;
  let c: Record<'arrival1' | 'arrival2' | 'manager' | 'hub' | 'hq', ContactEntity>;
  let courierId: string;
  let contactOfB: ContactEntity;

  beforeAll(async () => {
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds);
    a = await buildOutlet(h.ds, { transitCentreId: tc.id });
    b = await buildOutlet(h.ds, { transitCentreId: tc.id });
    c = {
      arrival2: await buildContact(h.ds, 'ARRIVAL_CS', { outlet: a }, { position: 2, name: '钱二', phone: '13800000002' }),
      arrival1: await buildContact(h.ds, 'ARRIVAL_CS', { outlet: a }, { position: 1, name: '赵一', phone: '13800000001' }),
      manager: await buildContact(h.ds, 'OUTLET_MANAGER', { outlet: a }, { name: '孙经理', phone: '13800000003' }),
      hub: await buildContact(h.ds, 'TRANSIT_CENTRE_CS', { transitCentre: tc }, { name: '李分拨', phone: '0755-29990000' }),
      hq: await buildContact(h.ds, 'HQ_CS', {}, { name: '周总部', phone: '13800000009' }),
    };
    contactOfB = await buildContact(h.ds, 'ARRIVAL_CS', { outlet: b }, { name: '欧阳客服', phone: '13900000001' });
    const courier = await buildCourier(h.ds, a, { name: '吴快递', phone: '13800000004' });
    courierId = courier.id;
    area = await buildArea(h.ds, a, { courier });
  });
  afterAll(() => h.stop());

  const roles = (res: any) => res.data.escalationChain.steps.map((s: any) => [s.position, s.role, s.contact?.id ?? s.courier?.id]);

  it('orders a delivery problem: arrival CS (by position), manager, hub CS, HQ', async () => {
    const res = await h.gql(as.agent(), CHAIN, { outletId: a.id, topic: 'DELIVERY' });
    expect(res.errors).toBeUndefined();
    expect(roles(res)).toEqual([
      [1, 'ARRIVAL_CS', c.arrival1.id],
      [2, 'ARRIVAL_CS', c.arrival2.id],
      [3, 'OUTLET_MANAGER', c.manager.id],
      [4, 'TRANSIT_CENTRE_CS', c.hub.id],
      [5, 'HQ_CS', c.hq.id],
    ]);
    expect(res.data.escalationChain.missingRoles).toEqual([]);
  });

  it('puts the area’s courier first for "signed but not received"', async () => {
    const res = await h.gql(as.agent(), CHAIN, { outletId: a.id, topic: 'SIGNED_NOT_RECEIVED', areaId: area.id });
    expect(roles(res)[0]).toEqual([1, 'COURIER', courierId]);
    expect(res.data.escalationChain.steps[0].phone).toBe('13800000004');
    const withoutArea = await h.gql(as.agent(), CHAIN, { outletId: a.id, topic: 'SIGNED_NOT_RECEIVED' });
    expect(withoutArea.data.escalationChain.missingRoles).toEqual(['COURIER']);
  });

  it('lists the roles nobody fills', async () => {
    const res = await h.gql(as.agent(), CHAIN, { outletId: a.id, topic: 'PICKUP' });
    expect(res.data.escalationChain.missingRoles).toEqual(['DEPARTURE_CS', 'COURIER']);
    expect(roles(res).map((r: any[]) => r[1])).toEqual(['OUTLET_MANAGER', 'HQ_CS']);
  });

  it('shows a partner its own desks, its hub and HQ unmasked', async () => {
    const res = await h.gql(as.partner(a.id), CHAIN, { outletId: a.id, topic: 'DELIVERY' });
    expect(res.data.escalationChain.steps.map((s: any) => [s.name, s.phone])).toEqual([
      ['赵一', '13800000001'], ['钱二', '13800000002'], ['孙经理', '13800000003'], ['李分拨', '0755-29990000'], ['周总部', '13800000009'],
    ]);
  });

  it('masks every personal name and number for a caller without pii:read', async () => {
    const res = await h.gql(as.analyst(), CHAIN, { outletId: a.id, topic: 'SIGNED_NOT_RECEIVED', areaId: area.id });
    expect(res.data.escalationChain.steps.map((s: any) => [s.name, s.phone])).toEqual([
      ['吴**', '138****0004'], ['赵*', '138****0001'], ['钱*', '138****0002'], ['孙**', '138****0003'], ['周**', '138****0009'],
    ]);
    const contacts = await h.gql(as.analyst(), 'query ($id: ID!) { outlet(id: $id) { contacts { name phone } transitCentre { contacts { name phone } } } }', { id: a.id });
    expect(contacts.data.outlet.contacts).toContainEqual({ name: '孙**', phone: '138****0003' });
    expect(contacts.data.outlet.transitCentre.contacts).toEqual([{ name: '李**', phone: '0755-******00' }]);
    expect(JSON.stringify([res, contacts])).not.toMatch(/赵一|钱二|孙经理|李分拨|周总部|吴快递/);
  });

  it('keeps a partner to its own outlet’s chain, and shows another outlet’s desks as roles with masked people', async () => {
    const res = await h.gql(as.partner(a.id), CHAIN, { outletId: b.id, topic: 'DELIVERY' });
    expect(firstError(res)).toEqual({ code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' });
    const contacts = await h.gql(as.partner(a.id), 'query ($id: ID!) { outlet(id: $id) { contacts { id role name phone } transitCentre { contacts { id name phone } } } }', { id: b.id });
    expect(contacts.errors).toBeUndefined();
    expect(contacts.data.outlet).toEqual({
      contacts: [{ id: contactOfB.id, role: 'ARRIVAL_CS', name: '欧阳**', phone: '139****0001' }],
      transitCentre: { contacts: [{ id: c.hub.id, name: '李分拨', phone: '0755-29990000' }] },
    });
  });

  it.each([
    ['an area of another outlet', () => ({ outletId: b.id, areaId: area.id }), 'BAD_USER_INPUT', 'AREA_NOT_IN_OUTLET'],
    ['an unknown outlet', () => ({ outletId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'OUTLET_NOT_FOUND'],
  ])('refuses %s', async (_name, make, code, reason) => {
    const res = await h.gql(as.agent(), CHAIN, { topic: 'DELIVERY', ...make() });
    expect(firstError(res)).toEqual({ code, reason });
  });
});
