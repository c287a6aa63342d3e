import { parseDivisionCode, PROVINCES } from '@courierdesk/domain-network';
import { TariffRuleError } from './tariff.errors';

/** Price zone (计费区域) between an origin and a destination, nearest first. Values are API. */
export const Zone = {
  /** Same city (同城). */
  SAME_CITY: 'SAME_CITY',
  /** Same province, another city (省内). */
  SAME_PROVINCE: 'SAME_PROVINCE',
  /** Provinces that share a border (邻省). */
  NEIGHBOURING: 'NEIGHBOURING',
  /** Any other pair of provinces (跨省远距). */
  FAR: 'FAR',
  /** To or from a remote province (偏远地区: 新疆、西藏 …), across provinces. */
  REMOTE: 'REMOTE',
} as const;
/** Price zone (计费区域). */
export type Zone = (typeof Zone)[keyof typeof Zone];

/** All zones, nearest first. */
export const ZONES: readonly Zone[] = Object.values(Zone);

/** Chinese names of the zones. */
export const ZONE_NAMES_ZH: Readonly<Record<Zone, string>> = {
  SAME_CITY: '同城',
  SAME_PROVINCE: '省内',
  NEIGHBOURING: '邻省',
  FAR: '跨省',
  REMOTE: '偏远地区',
};

/**
 * Provinces that share a land border, by GB/T 2260 prefix; 广东–海南 across the Qiongzhou Strait
 * counts, as carriers price it. Symmetric by construction (neighboursOf reads the pairs both ways).
 */
const BORDERS: readonly (readonly [string, string])[] = [
  ['11', '12'], ['11', '13'], ['12', '13'], ['13', '14'], ['13', '15'], ['13', '21'], ['13', '37'], ['13', '41'],
  ['14', '15'], ['14', '41'], ['14', '61'], ['15', '21'], ['15', '22'], ['15', '23'], ['15', '61'], ['15', '62'],
  ['15', '64'], ['21', '22'], ['22', '23'], ['31', '32'], ['31', '33'], ['32', '33'], ['32', '34'], ['32', '37'],
  ['33', '34'], ['33', '35'], ['33', '36'], ['34', '36'], ['34', '37'], ['34', '41'], ['34', '42'], ['35', '36'],
  ['35', '44'], ['36', '42'], ['36', '43'], ['36', '44'], ['37', '41'], ['41', '42'], ['41', '61'], ['42', '43'],
  ['42', '50'], ['42', '61'], ['43', '44'], ['43', '45'], ['43', '50'], ['43', '52'], ['44', '45'], ['44', '46'],
  ['45', '52'], ['45', '53'], ['50', '51'], ['50', '52'], ['50', '61'], ['51', '52'], ['51', '53'], ['51', '54'],
  ['51', '61'], ['51', '62'], ['51', '63'], ['52', '53'], ['53', '54'], ['54', '63'], ['54', '65'], ['61', '62'],
  ['61', '64'], ['62', '63'], ['62', '64'], ['62', '65'], ['63', '65'],
];

const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const [a, b] of BORDERS) {
    for (const [from, to] of [[a, b], [b, a]]) {
      const set = map.get(from) ?? new Set<string>();
      set.add(to);
      map.set(from, set);
    }
  }
  return map;
})();

/** The provinces bordering a province (two-digit prefixes), ascending. */
export const neighboursOf = (province: string): string[] => [...(NEIGHBOURS.get(province) ?? [])].sort();

/** Municipalities (直辖市): one city for pricing, whatever their city segments. */
const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

/** Province and city of a city- or district-level code. Throws INVALID_DISTRICT_CODE (domain-network) or DISTRICT_CODE_REQUIRED. */
export function placeOf(code: string, field: string): { province: string; city: string; code: string } {
  const parsed = parseDivisionCode(code);
  if (parsed.city === null) {
    throw new TariffRuleError('DISTRICT_CODE_REQUIRED', `${field} ${parsed.code} is a province (${PROVINCES[parsed.province]}): give a city or district code`, {
      field,
      code: parsed.code,
    });
  }
  return { province: parsed.province, city: MUNICIPALITIES.has(parsed.province) ? parsed.province : parsed.city, code: parsed.code };
}

/**
 * The zone between two division codes: same city, same province, then REMOTE when either end is
 * in one of `remoteProvinces` (the tariff's list), then neighbouring or far. A remote province's
 * own cities price as same city or same province like anywhere else.
 */
export function zoneOf(originCode: string, destinationCode: string, remoteProvinces: readonly string[]): Zone {
  const origin = placeOf(originCode, 'origin');
  const destination = placeOf(destinationCode, 'destination');
  if (origin.city === destination.city) return 'SAME_CITY';
  if (origin.province === destination.province) return 'SAME_PROVINCE';
  if (remoteProvinces.includes(origin.province) || remoteProvinces.includes(destination.province)) return 'REMOTE';
  return NEIGHBOURS.get(origin.province)?.has(destination.province) ? 'NEIGHBOURING' : 'FAR';
}
