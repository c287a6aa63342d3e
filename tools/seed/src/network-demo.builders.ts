import {
  formatCourierCode,
  formatOutletCode,
  formatTransitCentreCode,
  OUTLET_NAME_MAX_LENGTH,
  OutletKind,
  type Contact,
} from '@courierdesk/domain-network';
import { personName } from './chinese-names';
import type { CityRow, DistrictRow, ProvinceRow, StreetRow } from './china-divisions';
import { demoId } from './deterministic-id';
import { streetLandmarks } from './landmarks';
import type {
  DemoCourier,
  DemoDeliveryArea,
  DemoOutlet,
  DemoTransitCentre,
  ResolvedNetworkDemoOptions,
} from './network-demo.types';
import type { PhoneBook } from './phone-numbers';
import { cityShortName, districtShortName, isRuralStreet, provinceShortName, streetLocality } from './place-names';
import { Random } from './prng';

// Each builder draws from its own random stream keyed by the entity's code, so one entity's data
// never depends on which others were generated before it (phone collisions aside, which redraw).

const DAY_MS = 86_400_000;
// Names like 市辖区 or 省直辖县级行政区划 are grouping rows, not real cities.
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The part of an address above the district: 广东省深圳市, or just 北京市 where the city row is a grouping. */
const addressPrefix = (province: ProvinceRow, city: CityRow): string =>
  PSEUDO_CITY.test(city.name) ? province.name : province.name + city.name;

/** The transit centre (分拨中心) of a city, in one of its districts. */
export function makeTransitCentre(
  seed: number,
  phones: PhoneBook,
  place: { province: ProvinceRow; city: CityRow; districts: readonly DistrictRow[] },
  streetsByDistrict: ReadonlyMap<string, StreetRow[]>,
): DemoTransitCentre {
  const { province, city, districts } = place;
  const code = formatTransitCentreCode(city.code, 1);
  const random = Random.for(seed, `transit-centre:${code}`);
  // Grouping rows are named after the province (北京), or after their first county (仙桃) when the
  // province has real cities too.
  const label = !PSEUDO_CITY.test(city.name)
    ? cityShortName(city.name)
    : city.name === '市辖区'
      ? provinceShortName(province.name)
      : districtShortName(districts[0].name);
  const district = random.pick(districts);
  const street = random.pick(streetsByDistrict.get(district.code) ?? [{ name: '' } as StreetRow]);
  const phone = phones.desk(random, city.code);
  return {
    id: demoId('transit-centre', code),
    code,
    name: `${label}分拨中心`,
    provinceCode: province.code,
    cityCode: city.code,
    districtCode: district.code,
    address: `${addressPrefix(province, city)}${district.name}${street.name}物流大道${random.int(1, 300)}号`,
    phone,
    contacts: [{ role: 'TRANSIT_CENTRE_CS', name: personName(random), phone }],
  };
}

/** Where an outlet stands and what it serves. */
export interface OutletPlace {
  province: ProvinceRow;
  city: CityRow;
  district: DistrictRow;
  served: readonly StreetRow[];
  seq: number;
  centre: DemoTransitCentre;
}

/** An outlet (网点) serving a run of streets of one district. */
export function makeOutlet(seed: number, phones: PhoneBook, place: OutletPlace): DemoOutlet {
  const { province, city, district, served, seq, centre } = place;
  const code = formatOutletCode(district.code, seq);
  const random = Random.for(seed, `outlet:${code}`);
  const home = served[0];
  const rural = served.filter((s) => isRuralStreet(s.name)).length * 2 > served.length;
  // Most outlets of a franchise network are franchises; partner stations carry rural last miles.
  const kind = random.weighted<OutletKind>(
    rural
      ? [[OutletKind.DIRECT, 10], [OutletKind.FRANCHISE, 60], [OutletKind.PARTNER_STATION, 30]]
      : [[OutletKind.DIRECT, 30], [OutletKind.FRANCHISE, 65], [OutletKind.PARTNER_STATION, 5]],
  );
  const locality = streetLocality(home.name);
  const suffix = kind === OutletKind.PARTNER_STATION ? '驿站' : '网点';
  let name = `${district.name}${locality}${suffix}`;
  if ([...name].length > OUTLET_NAME_MAX_LENGTH) name = `${districtShortName(district.name)}第${seq}${suffix}`;
  const managerName = personName(random);
  const contacts: Contact[] = [
    { role: 'ARRIVAL_CS', name: personName(random), phone: phones.mobile(random) },
    { role: 'DEPARTURE_CS', name: personName(random), phone: phones.mobile(random) },
    { role: 'OUTLET_MANAGER', name: managerName, phone: phones.mobile(random) },
  ];
  return {
    id: demoId('outlet', code),
    code,
    name,
    kind,
    provinceCode: province.code,
    cityCode: city.code,
    districtCode: district.code,
    address: `${addressPrefix(province, city)}${district.name}${home.name}${locality}路${random.int(1, 399)}号`,
    transitCentreId: centre.id,
    phone: kind === OutletKind.PARTNER_STATION ? phones.mobile(random) : phones.desk(random, city.code),
    managerName,
    contacts,
  };
}

/** A courier (快递员) of an outlet, based on one street. */
export function makeCourier(
  seed: number,
  phones: PhoneBook,
  place: { outlet: DemoOutlet; street: StreetRow; seq: number; employeeNo: string },
): DemoCourier {
  const code = formatCourierCode(place.outlet.code, place.seq);
  const random = Random.for(seed, `courier:${code}`);
  return {
    id: demoId('courier', code),
    code,
    name: personName(random),
    phone: phones.mobile(random),
    outletId: place.outlet.id,
    employeeNo: place.employeeNo,
    streetCode: place.street.code,
  };
}

/** The delivery area (承包区) of one street, covered by `courier` since a day within 180 days of `since`. */
export function makeDeliveryArea(
  opts: ResolvedNetworkDemoOptions,
  place: { outlet: DemoOutlet; street: StreetRow; courier: DemoCourier },
): DemoDeliveryArea {
  const { outlet, street, courier } = place;
  const random = Random.for(opts.seed, `delivery-area:${street.code}`);
  const id = demoId('delivery-area', street.code);
  const startsAt = new Date(opts.since.getTime() + random.int(0, 180) * DAY_MS);
  return {
    id,
    outletId: outlet.id,
    districtCode: outlet.districtCode,
    streetCode: street.code,
    streetName: street.name,
    name: `${street.name}片区`,
    courierId: courier.id,
    landmarks: streetLandmarks(random, streetLocality(street.name), isRuralStreet(street.name)),
    assignments: [{ areaId: id, courierId: courier.id, startsAt, endsAt: null }],
  };
}
