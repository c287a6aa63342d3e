import { disclose, maskDatum, type PersonSubject, type RecordOwner } from '@courierdesk/domain-network';
import { personalDataViewer, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { auditPersonalData, personalDataFields, type PersonalDataField } from '@courierdesk/platform-subgraph';
import { testIdentity } from '@courierdesk/testing';
import { NOT_PERSONAL_DATA } from './common/not-personal-data';
import { buildNetworkSchema } from './schema';
import { buildArea, buildContact, buildCourier, buildOutlet, buildTransitCentre } from './testing/builders';
import { as } from './testing/identities';
import { firstError, startNetworkHarness, type NetworkHarness } from './testing/network.harness';

// The schema walk (docs/personal-data.md): every field that carries a person's datum is declared
// and reached here by real queries on real rows, for every kind of caller, by every path that
// leads to it (by id, lists, nested, `_entities`); the value must be what the policy decides.
// A new personal field fails `has a probe for every declared field` until it gets probes here.

type Ids = Record<'a' | 'aCode' | 'b' | 'tc' | 'courier' | 'area' | 'desk', string>;

interface Probe {
  path: string;
  query: string;
  variables?: (ids: Ids) => Record<string, unknown>;
  pick: (data: any, ids: Ids) => unknown;
  raw: string;
  /** Outlet A's person, or a desk published to the network (hub, HQ). */
  owner: 'A' | 'NETWORK';
  /** For fields whose subject the row decides (an escalation step). */
  subject?: PersonSubject;
  /** The path itself is refused (OUTLET_MISMATCH) to callers bound to another outlet. */
  ownOutletOnly?: true;
}

const RAW = {
  managerName: '钱经理', managerPhone: '13911112222', outletPhone: '0755-26605678', courierName: '欧阳快递', courierPhone: '13911113333',
  deskName: '孙客服', deskPhone: '13911115555', hubName: '李分拨', hubPhone: '0755-29990000', hqName: '周总部', hqPhone: '13800000009',
};
const byId = (i: Ids) => ({ id: i.a });
const entities = (fragment: string) => `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const outletRef = (i: Ids) => ({ reps: [{ __typename: 'Outlet', id: i.a }] });
const courierRef = (i: Ids) => ({ reps: [{ __typename: 'Courier', id: i.courier }] });
const CHAIN = (fields: string) => `query ($id: ID!, $area: ID) { escalationChain(outletId: $id, topic: SIGNED_NOT_RECEIVED, areaId: $area) { steps { role ${fields} } } }`;
const chainOfA = (i: Ids) => ({ id: i.a, area: i.area });
const step = (role: string) => (d: any) => d.escalationChain.steps.find((s: any) => s.role === role);
const desk = (contacts: any[], i: Ids) => contacts.find((c) => c.id === i.desk);
const WHO = 'query { whoDeliversHere(districtCode: "440305", text: "走查片区") { area { id } outlet { phone } courier { name } } }';
// The sentence names the courier: asked along, it must not carry the raw name where the field is masked.
const COVERAGE = 'query { coverage(districtCode: "440305", text: "走查片区") { courier { name phone } explanationZh explanation } }';

const PROBES: Record<string, Probe[]> = {
  'Outlet.managerName': [
    { path: 'outlet(id)', query: 'query ($id: ID!) { outlet(id: $id) { managerName } }', variables: byId, pick: (d) => d.outlet.managerName, raw: RAW.managerName, owner: 'A' },
    { path: 'outlets list', query: 'query { outlets(first: 50) { edges { node { id managerName } } } }', pick: (d, i) => d.outlets.edges.find((e: any) => e.node.id === i.a).node.managerName, raw: RAW.managerName, owner: 'A' },
    { path: '_entities', query: entities('... on Outlet { managerName }'), variables: outletRef, pick: (d) => d._entities[0].managerName, raw: RAW.managerName, owner: 'A' },
    { path: 'courier → outlet', query: 'query ($id: ID!) { courier(id: $id) { outlet { managerName } } }', variables: (i) => ({ id: i.courier }), pick: (d) => d.courier.outlet.managerName, raw: RAW.managerName, owner: 'A' },
  ],
  'Outlet.managerPhone': [
    { path: 'outletByCode', query: 'query ($code: String!) { outletByCode(code: $code) { managerPhone } }', variables: (i) => ({ code: i.aCode }), pick: (d) => d.outletByCode.managerPhone, raw: RAW.managerPhone, owner: 'A' },
    { path: '_entities', query: entities('... on Outlet { managerPhone }'), variables: outletRef, pick: (d) => d._entities[0].managerPhone, raw: RAW.managerPhone, owner: 'A' },
  ],
  'Outlet.phone': [
    { path: 'outlet(id)', query: 'query ($id: ID!) { outlet(id: $id) { phone } }', variables: byId, pick: (d) => d.outlet.phone, raw: RAW.outletPhone, owner: 'A' },
    { path: 'who delivers here → outlet', query: WHO, pick: (d, i) => d.whoDeliversHere.find((m: any) => m.area.id === i.area).outlet.phone, raw: RAW.outletPhone, owner: 'A' },
  ],
  'Courier.name': [
    { path: 'courier(id)', query: 'query ($id: ID!) { courier(id: $id) { name } }', variables: (i) => ({ id: i.courier }), pick: (d) => d.courier.name, raw: RAW.courierName, owner: 'A' },
    { path: 'couriersOfOutlet page', query: 'query ($id: ID!) { couriersOfOutlet(outletId: $id) { edges { node { name } } } }', variables: byId, pick: (d) => d.couriersOfOutlet.edges[0].node.name, raw: RAW.courierName, owner: 'A' },
    { path: '_entities', query: entities('... on Courier { name }'), variables: courierRef, pick: (d) => d._entities[0].name, raw: RAW.courierName, owner: 'A' },
    { path: 'area → courier and its history', query: 'query ($id: ID!) { deliveryArea(id: $id) { assignments { edges { node { courier { name } } } } } }', variables: (i) => ({ id: i.area }), pick: (d) => d.deliveryArea.assignments.edges[0].node.courier.name, raw: RAW.courierName, owner: 'A' },
    { path: 'who delivers here → courier', query: WHO, pick: (d, i) => d.whoDeliversHere.find((m: any) => m.area.id === i.area).courier.name, raw: RAW.courierName, owner: 'A' },
    { path: 'coverage → courier and the sentence', query: COVERAGE, pick: (d) => d.coverage.courier.name, raw: RAW.courierName, owner: 'A' },
  ],
  'Courier.phone': [
    { path: 'courier(id)', query: 'query ($id: ID!) { courier(id: $id) { phone } }', variables: (i) => ({ id: i.courier }), pick: (d) => d.courier.phone, raw: RAW.courierPhone, owner: 'A' },
    { path: 'area → courier', query: 'query ($id: ID!) { deliveryArea(id: $id) { courier { phone } } }', variables: (i) => ({ id: i.area }), pick: (d) => d.deliveryArea.courier.phone, raw: RAW.courierPhone, owner: 'A' },
    { path: 'coverage → courier', query: COVERAGE, pick: (d) => d.coverage.courier.phone, raw: RAW.courierPhone, owner: 'A' },
    { path: '_entities', query: entities('... on Courier { phone }'), variables: courierRef, pick: (d) => d._entities[0].phone, raw: RAW.courierPhone, owner: 'A' },
    { path: 'escalation step → courier', query: CHAIN('courier { phone }'), variables: chainOfA, pick: (d) => step('COURIER')(d).courier.phone, raw: RAW.courierPhone, owner: 'A', ownOutletOnly: true },
  ],
  'Contact.name': [
    { path: 'outlet → contacts', query: 'query ($id: ID!) { outlet(id: $id) { contacts { id name } } }', variables: byId, pick: (d, i) => desk(d.outlet.contacts, i).name, raw: RAW.deskName, owner: 'A' },
    { path: '_entities → contacts', query: entities('... on Outlet { contacts { id name } }'), variables: outletRef, pick: (d, i) => desk(d._entities[0].contacts, i).name, raw: RAW.deskName, owner: 'A' },
    { path: 'transit centre → contacts (hub desk)', query: 'query ($id: ID!) { outlet(id: $id) { transitCentre { contacts { name } } } }', variables: byId, pick: (d) => d.outlet.transitCentre.contacts[0].name, raw: RAW.hubName, owner: 'NETWORK' },
    { path: 'escalation step → contact', query: CHAIN('contact { name }'), variables: chainOfA, pick: (d) => step('HQ_CS')(d).contact.name, raw: RAW.hqName, owner: 'NETWORK', ownOutletOnly: true },
  ],
  'Contact.phone': [
    { path: 'outlet → contacts', query: 'query ($id: ID!) { outlet(id: $id) { contacts { id phone } } }', variables: byId, pick: (d, i) => desk(d.outlet.contacts, i).phone, raw: RAW.deskPhone, owner: 'A' },
    { path: 'transit centre → contacts (hub desk)', query: 'query ($id: ID!) { transitCentre(id: $id) { contacts { phone } } }', variables: (i) => ({ id: i.tc }), pick: (d) => d.transitCentre.contacts[0].phone, raw: RAW.hubPhone, owner: 'NETWORK' },
  ],
  'EscalationStep.name': [
    { path: 'courier step', query: CHAIN('name'), variables: chainOfA, pick: (d) => step('COURIER')(d).name, raw: RAW.courierName, owner: 'A', subject: 'COURIER', ownOutletOnly: true },
    { path: 'outlet desk step', query: CHAIN('name'), variables: chainOfA, pick: (d) => step('ARRIVAL_CS')(d).name, raw: RAW.deskName, owner: 'A', subject: 'STAFF', ownOutletOnly: true },
    { path: 'HQ desk step', query: CHAIN('name'), variables: chainOfA, pick: (d) => step('HQ_CS')(d).name, raw: RAW.hqName, owner: 'NETWORK', subject: 'STAFF', ownOutletOnly: true },
  ],
  'EscalationStep.phone': [
    { path: 'courier step', query: CHAIN('phone'), variables: chainOfA, pick: (d) => step('COURIER')(d).phone, raw: RAW.courierPhone, owner: 'A', subject: 'COURIER', ownOutletOnly: true },
    { path: 'HQ desk step', query: CHAIN('phone'), variables: chainOfA, pick: (d) => step('HQ_CS')(d).phone, raw: RAW.hqPhone, owner: 'NETWORK', subject: 'STAFF', ownOutletOnly: true },
  ],
};

// Every kind of caller the policy tells apart.
const VIEWERS: [string, (i: Ids) => Identity][] = [
  ['admin', () => as.admin()],
  ['HQ agent', () => as.agent()],
  ['agent without pii:read', () => testIdentity('agent-no-pii', [Role.AGENT], [Scope.NETWORK_READ])],
  ['outlet agent of A', (i) => testIdentity('agent-of-a', [Role.AGENT], [Scope.NETWORK_READ, Scope.PERSONAL_DATA], i.a)],
  ['partner of A (own outlet)', (i) => as.partner(i.a)],
  ['partner of B (another outlet)', (i) => as.partner(i.b)],
  ['analyst', () => as.analyst()],
];

describe('personal data, field by field (个人信息: 每个字段, 每种角色)', () => {
  let h: NetworkHarness;
  let declared: Map<string, PersonalDataField>;
  const ids = {} as Ids;

  beforeAll(async () => {
    declared = personalDataFields(await buildNetworkSchema());
    h = await startNetworkHarness();
    const tc = await buildTransitCentre(h.ds);
    const a = await buildOutlet(h.ds, { transitCentreId: tc.id, managerName: RAW.managerName, managerPhone: RAW.managerPhone, phone: RAW.outletPhone });
    const b = await buildOutlet(h.ds, { transitCentreId: tc.id });
    const courier = await buildCourier(h.ds, a, { name: RAW.courierName, phone: RAW.courierPhone });
    const area = await buildArea(h.ds, a, { name: '走查片区', courier });
    const deskOfA = await buildContact(h.ds, 'ARRIVAL_CS', { outlet: a }, { name: RAW.deskName, phone: RAW.deskPhone });
    await buildContact(h.ds, 'TRANSIT_CENTRE_CS', { transitCentre: tc }, { name: RAW.hubName, phone: RAW.hubPhone });
    await buildContact(h.ds, 'HQ_CS', {}, { name: RAW.hqName, phone: RAW.hqPhone });
    Object.assign(ids, { a: a.id, aCode: a.code, b: b.id, tc: tc.id, courier: courier.id, area: area.id, desk: deskOfA.id });
  });
  afterAll(() => h.stop());

  it('finds every person-like field of the schema declared or allowed with a reason', async () => {
    expect(auditPersonalData(await buildNetworkSchema(), NOT_PERSONAL_DATA)).toEqual([]);
  });

  it('has a probe for every declared field, and probes nothing undeclared', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...declared.keys()].sort());
    for (const [key, probes] of Object.entries(PROBES)) {
      expect(probes.length).toBeGreaterThan(0);
      // A raw value the mask leaves alone could not tell a leak from a mask.
      for (const probe of probes) expect(maskDatum(declared.get(key)!.datum, probe.raw)).not.toBe(probe.raw);
    }
  });

  const cases = Object.keys(PROBES).flatMap((key) => VIEWERS.map(([viewer]) => [key, viewer] as const));
  it.each(cases)('%s as %s', async (key, viewerName) => {
    const identity = VIEWERS.find(([name]) => name === viewerName)![1](ids);
    const field = declared.get(key)!;
    for (const probe of PROBES[key]) {
      const res = await h.gql(identity, probe.query, probe.variables?.(ids));
      const text = JSON.stringify(res);
      if (probe.ownOutletOnly && identity.outletId !== null && identity.outletId !== ids.a) {
        expect({ path: probe.path, error: firstError(res) }).toEqual({ path: probe.path, error: { code: 'FORBIDDEN', reason: 'OUTLET_MISMATCH' } });
        expect(text).not.toContain(probe.raw);
        continue;
      }
      const owner: RecordOwner = probe.owner === 'A' ? { outletIds: [ids.a] } : 'NETWORK';
      const subject = field.subject === 'BY_ROW' ? probe.subject! : field.subject;
      const expected = disclose(personalDataViewer(identity), { subject, datum: field.datum, owner }, probe.raw);
      expect({ path: probe.path, errors: res.errors }).toEqual({ path: probe.path, errors: undefined });
      expect({ path: probe.path, value: probe.pick(res.data, ids) }).toEqual({ path: probe.path, value: expected });
      if (expected !== probe.raw) expect(text).not.toContain(probe.raw);
    }
  });
});
