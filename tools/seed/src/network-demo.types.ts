import type { AreaAssignment, Contact, Landmark, OutletKind } from '@courierdesk/domain-network';

/** What to generate. Every field has a default; the same options always give the same demo. */
export interface NetworkDemoOptions {
  /** Province codes (`44`), or `'all'` for the whole mainland. Default `['11', '31', '44']`: Beijing, Shanghai, Guangdong. */
  provinces?: readonly string[] | 'all';
  /** Seed of the random streams. Default 1. */
  seed?: number;
  /** Outlets per district (1–9), doubled for big districts (20 streets or more). Default 1. */
  outletsPerDistrict?: number;
  /** Couriers per street or town (1–9). Default 1. */
  couriersPerStreet?: number;
  /** Earliest start of the current area assignments. Default 2024-01-01T00:00:00+08:00. */
  since?: Date;
}

/** The options after defaults, as used. */
export interface ResolvedNetworkDemoOptions {
  provinces: string[];
  seed: number;
  outletsPerDistrict: number;
  couriersPerStreet: number;
  since: Date;
}

/** HQ customer service (总部客服): the last step of every escalation chain. */
export interface DemoHeadquarters {
  name: string;
  contacts: Contact[];
}

/** A transit / sorting centre (分拨中心), one per prefecture-level city. */
export interface DemoTransitCentre {
  id: string;
  /** `TC-<city code>-<seq>`, e.g. `TC-4403-01`. */
  code: string;
  /** e.g. `深圳分拨中心`. */
  name: string;
  provinceCode: string;
  cityCode: string;
  /** The district it stands in. */
  districtCode: string;
  address: string;
  /** Desk phone: a landline where the city's area code is known, else a mobile. */
  phone: string;
  /** Its CS desk (TRANSIT_CENTRE_CS). */
  contacts: Contact[];
}

/** An outlet (网点) serving some streets of one district. */
export interface DemoOutlet {
  id: string;
  /** `<district code>-<seq>`, e.g. `440305-001`. */
  code: string;
  /** e.g. `南山区南头网点`, or `…驿站` for a partner station. */
  name: string;
  kind: OutletKind;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  address: string;
  /** The transit centre of its city. */
  transitCentreId: string;
  phone: string;
  /** Outlet manager (网点负责人). */
  managerName: string;
  /** ARRIVAL_CS, DEPARTURE_CS and OUTLET_MANAGER, with mobile numbers. */
  contacts: Contact[];
}

/** A courier (快递员) of an outlet, based on one street. */
export interface DemoCourier {
  id: string;
  /** `<outlet code>-<seq>`, e.g. `440305-001-003`. */
  code: string;
  name: string;
  /** Unique mobile number. */
  phone: string;
  outletId: string;
  /** Eight digits: province code + six-digit sequence (工号). */
  employeeNo: string;
  /** The street or town the courier is based on. */
  streetCode: string;
}

/** A delivery area (承包区): one street or town, its landmarks and who covers it. */
export interface DemoDeliveryArea {
  id: string;
  outletId: string;
  districtCode: string;
  /** Nine-digit town/street code. */
  streetCode: string;
  streetName: string;
  /** e.g. `南头街道片区`. */
  name: string;
  /** The courier covering it now (the open assignment's courier). */
  courierId: string;
  /** Two to four: schools, residential compounds, units, major customers. */
  landmarks: Landmark[];
  /** Assignment history; here one open entry. */
  assignments: AreaAssignment[];
}

/** How much was generated. */
export interface NetworkDemoCounts {
  provinces: number;
  cities: number;
  districts: number;
  streets: number;
  transitCentres: number;
  outlets: number;
  couriers: number;
  deliveryAreas: number;
  landmarks: number;
}

/** A whole demo network as plain objects, ready to be persisted by the network subgraph's loader. */
export interface NetworkDemo {
  options: ResolvedNetworkDemoOptions;
  headquarters: DemoHeadquarters;
  transitCentres: DemoTransitCentre[];
  outlets: DemoOutlet[];
  couriers: DemoCourier[];
  deliveryAreas: DemoDeliveryArea[];
  counts: NetworkDemoCounts;
}
