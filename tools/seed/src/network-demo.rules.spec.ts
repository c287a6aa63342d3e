// The demo is only useful if it obeys the same rules the network subgraph enforces: every code,
// name and phone must pass Part 1's validators unchanged, and every escalation chain must be complete.
import {
  ESCALATION_TOPICS,
  courierAt,
  escalationChain,
  matchAreas,
  parsePhone,
  parseStreetCode,
  validateAssignmentHistory,
  validateCourierInput,
  validateDeliveryAreaInput,
  validateOutletInput,
  validateTransitCentreInput,
  type Contact,
} from '@courierdesk/domain-network';
import { generateNetworkDemo } from './network-demo';
import type { DemoDeliveryArea } from './network-demo.types';

const demo = generateNetworkDemo();
const outletsById = new Map(demo.outlets.map((o) => [o.id, o]));
const centresById = new Map(demo.transitCentres.map((c) => [c.id, c]));
const couriersById = new Map(demo.couriers.map((c) => [c.id, c]));

describe('generated network obeys the domain rules', () => {
  it('transit centres: codes, names and phones pass validation unchanged', () => {
    for (const centre of demo.transitCentres) {
      const { code, name, cityCode } = centre;
      expect(validateTransitCentreInput({ code, name, cityCode })).toEqual({ code, name, cityCode });
      expect(parsePhone(centre.phone).normalized).toBe(centre.phone);
      expect(centre.districtCode.startsWith(centre.cityCode)).toBe(true);
    }
  });

  it('outlets: codes, names, kinds and phones pass validation unchanged, in their centre’s city', () => {
    for (const outlet of demo.outlets) {
      const { code, name, districtCode, kind, phone } = outlet;
      expect(validateOutletInput({ code, name, districtCode, kind, phone })).toEqual({ code, name, districtCode, kind, phone });
      expect(centresById.get(outlet.transitCentreId)?.cityCode).toBe(outlet.cityCode);
      expect(districtCode.startsWith(outlet.cityCode)).toBe(true);
      for (const contact of outlet.contacts) expect(parsePhone(contact.phone)).toMatchObject({ kind: 'MOBILE', normalized: contact.phone });
    }
  });

  it('couriers: codes, names, mobiles and employee numbers pass validation unchanged', () => {
    for (const courier of demo.couriers) {
      const outlet = outletsById.get(courier.outletId)!;
      const { code, name, phone, employeeNo } = courier;
      expect(validateCourierInput({ code, name, phone, employeeNo, outletCode: outlet.code })).toEqual({
        code,
        name,
        phone,
        employeeNo,
        outletCode: outlet.code,
      });
      expect(parseStreetCode(courier.streetCode).district).toBe(outlet.districtCode);
    }
  });

  it('delivery areas: street in the outlet’s district, 2–4 landmarks of distinct kinds, one open assignment', () => {
    const at = new Date(demo.options.since.getTime() + 365 * 86_400_000);
    for (const area of demo.deliveryAreas) {
      const outlet = outletsById.get(area.outletId)!;
      expect(area.districtCode).toBe(outlet.districtCode);
      expect(validateDeliveryAreaInput(area)).toEqual({
        districtCode: area.districtCode,
        streetCode: area.streetCode,
        streetName: area.streetName,
        name: area.name,
        landmarks: area.landmarks,
      });
      expect(area.landmarks.length).toBeGreaterThanOrEqual(2);
      expect(area.landmarks.length).toBeLessThanOrEqual(4);
      expect(new Set(area.landmarks.map((l) => l.kind)).size).toBe(area.landmarks.length);
      expect(validateAssignmentHistory(area.assignments)).toHaveLength(1);
      expect(courierAt(area.assignments, at)).toBe(area.courierId);
      expect(couriersById.get(area.courierId)?.outletId).toBe(area.outletId);
    }
  });

  it.each(ESCALATION_TOPICS)('%s: every outlet has a complete escalation chain', (topic) => {
    const courierOf = new Map(demo.deliveryAreas.map((a) => [a.outletId, couriersById.get(a.courierId)!]));
    for (const outlet of demo.outlets) {
      const courier = courierOf.get(outlet.id)!;
      const contacts: Contact[] = [
        ...outlet.contacts,
        ...centresById.get(outlet.transitCentreId)!.contacts,
        ...demo.headquarters.contacts,
        { role: 'COURIER', name: courier.name, phone: courier.phone },
      ];
      expect(escalationChain(topic, contacts).missingRoles).toEqual([]);
    }
  });

  it('every street name finds its own area first within its district ("who delivers here")', () => {
    const byDistrict = new Map<string, DemoDeliveryArea[]>();
    for (const area of demo.deliveryAreas) byDistrict.set(area.districtCode, [...(byDistrict.get(area.districtCode) ?? []), area]);
    for (const area of demo.deliveryAreas) {
      const [best] = matchAreas({ districtCode: area.districtCode, text: area.streetName }, byDistrict.get(area.districtCode)!);
      expect(best.area.id).toBe(area.id);
      const [byLandmark] = matchAreas({ text: area.landmarks[0].name, districtCode: area.districtCode }, byDistrict.get(area.districtCode)!);
      expect(byLandmark.quality).toBe('EXACT');
    }
  });
});

describe('generated network is unique where it must be', () => {
  it.each([
    ['ids', () => [demo.transitCentres, demo.outlets, demo.couriers, demo.deliveryAreas].flat().map((e) => e.id)],
    ['transit centre codes', () => demo.transitCentres.map((e) => e.code)],
    ['transit centre names', () => demo.transitCentres.map((e) => e.name)],
    ['outlet codes', () => demo.outlets.map((e) => e.code)],
    ['courier codes', () => demo.couriers.map((e) => e.code)],
    ['employee numbers', () => demo.couriers.map((e) => e.employeeNo)],
    ['area streets', () => demo.deliveryAreas.map((e) => e.streetCode)],
    [
      'phones of couriers, outlets, outlet contacts and centres',
      () => [
        ...demo.couriers.map((c) => c.phone),
        ...demo.outlets.flatMap((o) => [o.phone, ...o.contacts.map((c) => c.phone)]),
        ...demo.transitCentres.map((c) => c.phone),
      ],
    ],
  ])('%s', (_what, values) => {
    const list = values();
    expect(new Set(list).size).toBe(list.length);
  });
});
