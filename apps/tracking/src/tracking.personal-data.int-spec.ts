import { disclose, maskDatum } from '@courierdesk/domain-network';
import { chinaTime } from '@courierdesk/domain-sla';
import { personalDataViewer, Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { auditPersonalData, personalDataFields, type PersonalDataField } from '@courierdesk/platform-subgraph';
import { testIdentity } from '@courierdesk/testing';
import { NOT_PERSONAL_DATA } from './common/not-personal-data';
import { buildTrackingSchema } from './schema';
import { buildWaybill, networkId, scanOf } from './testing/builders';
import { as } from './testing/identities';
import { startTrackingHarness, type TrackingHarness } from './testing/tracking.harness';

// The schema walk (docs/personal-data.md): every field that carries a customer's datum is declared
// and reached here by real queries on real rows, for every kind of caller, by every path that
// leads to it (by number, lists, outlet pages, `_entities` of Waybill, ScanEvent and Outlet); the
// value must be what the policy decides, and absent where the row rule hides the waybill.
// A new personal field fails `has a probe for every declared field` until it gets probes here.

const march = (day: number, hour = 0) => chinaTime(2024, 3, day, hour);
const [A, B, C, D, H] = [networkId(), networkId(), networkId(), networkId(), networkId()];
// `moving` went from A towards B and was mis-sorted to C, which holds it now; `signed` reached B.
// An outlet-bound caller sees a waybill its outlet originated, delivers or holds (the row rule).
const SEEN_BY = { moving: [A, B, C], signed: [A, B] };
// Both waybills' customers are A's (origin) and B's (destination), never the holder's.
const CUSTOMERS_OWNER = { outletIds: [A, B] };
const PARTIES = {
  sender: { name: '欧阳娜娜', phone: '13812341234', districtCode: '440305', address: '科技园路12号3栋501室' },
  recipient: { name: '李小四', phone: '13998765432', districtCode: '110105', address: '建国路88号SOHO现代城5号楼1201' },
};
const NOTES = { pickup: '揽收时联系 138-0000-1111', signed: '放门卫处，电话13800002222' };

type Ids = Record<'moving' | 'signed' | 'pickupScan' | 'signedScan', string>;

interface Probe {
  path: string;
  waybill: 'moving' | 'signed';
  query: string;
  variables: (ids: Ids) => Record<string, unknown>;
  /** The value, or undefined where the response holds no such waybill. */
  pick: (data: any, ids: Ids) => unknown;
  raw: string;
}

const byNo = (name: 'moving' | 'signed') => (i: Ids) => ({ no: i[name] });
const node = (connection: any, no: string) => connection?.edges.find((e: any) => e.node.waybillNo === no)?.node;
const WAYBILL = (fields: string) => `query ($no: String!) { waybill(waybillNo: $no) { ${fields} } }`;
const ENTITIES = (fragment: string) => `query ($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;
const waybillRef = (i: Ids) => ({ reps: [{ __typename: 'Waybill', waybillNo: i.moving }] });
const scanRef = (key: 'pickupScan' | 'signedScan') => (i: Ids) => ({ reps: [{ __typename: 'ScanEvent', id: i[key] }] });
const outletRef = (id: string) => () => ({ reps: [{ __typename: 'Outlet', id }] });
const LIST = (fields: string) => `query { waybills(first: 50) { edges { node { waybillNo ${fields} } } } }`;
const scan = (timeline: any[] | undefined, type: string) => timeline?.find((s) => s.type === type);

const PROBES: Record<string, Probe[]> = {
  'WaybillParty.name': [
    { path: 'waybill(no) → recipient', waybill: 'moving', query: WAYBILL('recipient { name }'), variables: byNo('moving'), pick: (d) => d.waybill?.recipient.name, raw: PARTIES.recipient.name },
    { path: 'waybills list → sender', waybill: 'moving', query: LIST('sender { name }'), variables: () => ({}), pick: (d, i) => node(d.waybills, i.moving)?.sender.name, raw: PARTIES.sender.name },
    { path: '_entities Waybill → recipient', waybill: 'moving', query: ENTITIES('... on Waybill { recipient { name } }'), variables: waybillRef, pick: (d) => d._entities[0]?.recipient.name, raw: PARTIES.recipient.name },
    { path: 'Outlet.inboundWaybills → recipient', waybill: 'moving', query: ENTITIES('... on Outlet { inboundWaybills(first: 10) { edges { node { waybillNo recipient { name } } } } }'), variables: outletRef(B), pick: (d, i) => node(d._entities[0].inboundWaybills, i.moving)?.recipient.name, raw: PARTIES.recipient.name },
  ],
  'WaybillParty.phone': [
    { path: 'waybill(no) → sender', waybill: 'moving', query: WAYBILL('sender { phone }'), variables: byNo('moving'), pick: (d) => d.waybill?.sender.phone, raw: PARTIES.sender.phone },
    { path: '_entities ScanEvent → waybill → recipient', waybill: 'moving', query: ENTITIES('... on ScanEvent { waybill { recipient { phone } } }'), variables: scanRef('pickupScan'), pick: (d) => d._entities[0]?.waybill.recipient.phone, raw: PARTIES.recipient.phone },
  ],
  'WaybillParty.address': [
    { path: 'waybill(no) → recipient', waybill: 'moving', query: WAYBILL('recipient { address districtCode }'), variables: byNo('moving'), pick: (d) => d.waybill?.recipient.address, raw: PARTIES.recipient.address },
    { path: 'Outlet.outboundWaybills → sender', waybill: 'moving', query: ENTITIES('... on Outlet { outboundWaybills(first: 10) { edges { node { waybillNo sender { address } } } } }'), variables: outletRef(A), pick: (d, i) => node(d._entities[0].outboundWaybills, i.moving)?.sender.address, raw: PARTIES.sender.address },
  ],
  'Signer.name': [
    { path: 'waybill(no) → signer', waybill: 'signed', query: WAYBILL('signer { name }'), variables: byNo('signed'), pick: (d) => d.waybill?.signer.name, raw: '王门卫' },
    { path: 'waybill(no) → timeline → signer', waybill: 'signed', query: WAYBILL('timeline { type signer { name } }'), variables: byNo('signed'), pick: (d) => scan(d.waybill?.timeline, 'SIGNED')?.signer.name, raw: '王门卫' },
    { path: 'waybills list → lastScan → signer', waybill: 'signed', query: LIST('lastScan { signer { name } }'), variables: () => ({}), pick: (d, i) => node(d.waybills, i.signed)?.lastScan.signer.name, raw: '王门卫' },
    { path: '_entities ScanEvent → signer', waybill: 'signed', query: ENTITIES('... on ScanEvent { signer { name } }'), variables: scanRef('signedScan'), pick: (d) => d._entities[0]?.signer.name, raw: '王门卫' },
  ],
  'ScanEvent.note': [
    { path: 'waybill(no) → timeline', waybill: 'moving', query: WAYBILL('timeline { type note }'), variables: byNo('moving'), pick: (d) => scan(d.waybill?.timeline, 'PICKED_UP')?.note, raw: NOTES.pickup },
    { path: '_entities ScanEvent', waybill: 'signed', query: ENTITIES('... on ScanEvent { note }'), variables: scanRef('signedScan'), pick: (d) => d._entities[0]?.note, raw: NOTES.signed },
    { path: 'waybills list → lastScan', waybill: 'signed', query: LIST('lastScan { note }'), variables: () => ({}), pick: (d, i) => node(d.waybills, i.signed)?.lastScan.note, raw: NOTES.signed },
  ],
};

// Every kind of caller the policy tells apart.
const VIEWERS: [string, () => Identity][] = [
  ['admin', () => as.admin()],
  ['HQ agent', () => as.agent()],
  ['agent without pii:read', () => testIdentity('agent-no-pii', [Role.AGENT], [Scope.TRACKING_READ])],
  ['partner of the origin outlet', () => as.partner(A)],
  ['partner of the destination outlet', () => as.partner(B)],
  ['partner holding the parcel now', () => as.partner(C)],
  ['partner of another outlet', () => as.partner(D)],
  ['analyst', () => as.analyst()],
];

describe('personal data, field by field (个人信息: 每个字段, 每种角色)', () => {
  let h: TrackingHarness;
  let declared: Map<string, PersonalDataField>;
  const ids = {} as Ids;

  beforeAll(async () => {
    declared = personalDataFields(await buildTrackingSchema());
    h = await startTrackingHarness({ now: () => march(20, 12) });
    const at = (kind: 'HUB' | 'OUTLET', id: string) => ({ location: { kind, id } });
    const moving = await buildWaybill(h.services, { ...PARTIES, originOutletId: A, destinationOutletId: B, createdAt: march(10, 9) });
    const route = { origin: A, hub: H, destination: B, courier: networkId() };
    const [pickup] = await h.services.scans.record([
      scanOf(moving.waybillNo, route, 'PICKED_UP', march(10, 10), { note: NOTES.pickup }),
      scanOf(moving.waybillNo, route, 'ARRIVED_AT_OUTLET', march(11, 8), at('OUTLET', C)),
    ]);
    const signed = await buildWaybill(h.services, { ...PARTIES, originOutletId: A, destinationOutletId: B, createdAt: march(12, 9) });
    const results = await h.services.scans.record([
      scanOf(signed.waybillNo, route, 'PICKED_UP', march(12, 10)),
      scanOf(signed.waybillNo, route, 'ARRIVED_AT_OUTLET', march(13, 8)),
      scanOf(signed.waybillNo, route, 'OUT_FOR_DELIVERY', march(13, 9)),
      scanOf(signed.waybillNo, route, 'SIGNED', march(13, 11), { signer: { kind: 'GUARD', name: '王门卫' }, note: NOTES.signed }),
    ]);
    Object.assign(ids, { moving: moving.waybillNo, signed: signed.waybillNo, pickupScan: pickup.scanEventId, signedScan: results[3].scanEventId });
  });
  afterAll(() => h.stop());

  it('finds every person-like field of the schema declared or allowed with a reason', async () => {
    expect(auditPersonalData(await buildTrackingSchema(), NOT_PERSONAL_DATA)).toEqual([]);
  });

  it('has a probe for every declared field, and probes nothing undeclared', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...declared.keys()].sort());
    for (const [key, probes] of Object.entries(PROBES)) {
      // Tracking's people are all customers of the waybill.
      expect({ key, subject: declared.get(key)!.subject }).toEqual({ key, subject: 'CUSTOMER' });
      expect(probes.length).toBeGreaterThan(0);
      for (const probe of probes) expect(maskDatum(declared.get(key)!.datum, probe.raw)).not.toBe(probe.raw);
    }
  });

  const cases = Object.keys(PROBES).flatMap((key) => VIEWERS.map(([viewer]) => [key, viewer] as const));
  it.each(cases)('%s as %s', async (key, viewerName) => {
    const identity = VIEWERS.find(([name]) => name === viewerName)![1]();
    const field = declared.get(key)!;
    for (const probe of PROBES[key]) {
      const res = await h.gql(identity, probe.query, probe.variables(ids));
      const text = JSON.stringify(res);
      const seen = identity.outletId === null || SEEN_BY[probe.waybill].includes(identity.outletId);
      const expected = seen
        ? disclose(personalDataViewer(identity), { subject: 'CUSTOMER', datum: field.datum, owner: CUSTOMERS_OWNER }, probe.raw)
        : undefined;
      expect({ path: probe.path, value: probe.pick(res.data, ids) }).toEqual({ path: probe.path, value: expected });
      if (expected !== probe.raw) expect(text).not.toContain(probe.raw);
    }
  });
});
