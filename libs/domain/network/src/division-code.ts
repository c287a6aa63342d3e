import { NetworkRuleError } from './network.errors';
import { toHalfWidth } from './text';

/** Province-level divisions (省级行政区) of GB/T 2260 by two-digit prefix: 34 units, 11 to 82. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

/** The 34 province-level prefixes, ascending. */
export const PROVINCE_CODES: readonly string[] = Object.keys(PROVINCES).sort();

/**
 * Prefecture-level cities without districts (不设区的地级市): they govern towns directly, so the city
 * code itself is the county-level unit that streets hang under (东莞 441900, 中山 442000, 儋州 460400,
 * 嘉峪关 620200).
 */
export const CITIES_WITHOUT_DISTRICTS: ReadonlySet<string> = new Set(['441900', '442000', '460400', '620200']);

/** Level of a division code: 省级, 地级 (city), 县级 (district/county). */
export type DivisionLevel = 'province' | 'city' | 'district';

/** A parsed six-digit administrative division code (行政区划代码, GB/T 2260). */
export interface DivisionCode {
  /** The six-digit code as given, normalised to half-width digits. */
  code: string;
  /** Two-digit province prefix, e.g. `44`. */
  province: string;
  /** Four-digit city prefix, e.g. `4403`; null for a province-level code. */
  city: string | null;
  /** Six-digit county-level code, e.g. `440305`; also set for a city without districts; else null. */
  district: string | null;
  level: DivisionLevel;
}

/** A parsed nine-digit town/street code (乡级: 街道、镇、乡): district code + three digits. */
export interface StreetCode {
  code: string;
  province: string;
  city: string;
  district: string;
}

const clean = (code: string): string => toHalfWidth(String(code ?? '')).trim();

const invalidDistrict = (code: string, why: string): NetworkRuleError =>
  new NetworkRuleError('INVALID_DISTRICT_CODE', `"${code}" is not a division code: ${why}`, { code, reason: why });

/** Parses a GB/T 2260 code; the level follows from trailing zeros. Throws INVALID_DISTRICT_CODE. */
export function parseDivisionCode(raw: string): DivisionCode {
  const code = clean(raw);
  if (!/^\d{6}$/.test(code)) throw invalidDistrict(code, 'not six digits');
  const province = code.slice(0, 2);
  if (!(province in PROVINCES)) throw invalidDistrict(code, `unknown province prefix ${province}`);
  const citySegment = code.slice(2, 4);
  const districtSegment = code.slice(4, 6);
  if (citySegment === '00') {
    if (districtSegment !== '00') throw invalidDistrict(code, 'district segment without a city segment');
    return { code, province, city: null, district: null, level: 'province' };
  }
  const city = code.slice(0, 4);
  if (districtSegment === '00') {
    const district = CITIES_WITHOUT_DISTRICTS.has(code) ? code : null;
    return { code, province, city, district, level: 'city' };
  }
  return { code, province, city, district: code, level: 'district' };
}

/** True for a county-level code (区/县/县级市, or a city without districts) that streets and outlets belong to. */
export function isDistrictCode(code: string): boolean {
  try {
    const parsed = parseDivisionCode(code);
    return parsed.district === parsed.code;
  } catch {
    return false;
  }
}

/** Parses a county-level code, rejecting province and ordinary city codes. Throws INVALID_DISTRICT_CODE. */
export function parseDistrictCode(raw: string): DivisionCode & { district: string; city: string } {
  const parsed = parseDivisionCode(raw);
  if (parsed.district !== parsed.code || parsed.city === null) {
    throw invalidDistrict(parsed.code, `a ${parsed.level}-level code, not a district`);
  }
  return { ...parsed, district: parsed.district, city: parsed.city };
}

/** Parses a nine-digit town/street code (乡镇街道代码). Throws INVALID_STREET_CODE. */
export function parseStreetCode(raw: string): StreetCode {
  const code = clean(raw);
  const invalid = (why: string) =>
    new NetworkRuleError('INVALID_STREET_CODE', `"${code}" is not a street code: ${why}`, { code, reason: why });
  if (!/^\d{9}$/.test(code)) throw invalid('not nine digits');
  if (code.endsWith('000')) throw invalid('street segment 000');
  const district = code.slice(0, 6);
  if (!isDistrictCode(district)) throw invalid(`${district} is not a district code`);
  return { code, province: code.slice(0, 2), city: code.slice(0, 4), district };
}

/** True for a valid nine-digit town/street code. */
export function isStreetCode(code: string): boolean {
  try {
    parseStreetCode(code);
    return true;
  } catch {
    return false;
  }
}

/** The significant prefix of a division code: `44` for 440000, `4403` for 440300, `440305` for a district. */
export function divisionPrefix(code: string): string {
  const parsed = parseDivisionCode(code);
  return parsed.level === 'district' ? parsed.code : (parsed.city ?? parsed.province);
}

/** True when `code` (a division or street code) lies inside the division `within`. Throws INVALID_DISTRICT_CODE. */
export function isWithinDivision(code: string, within: string): boolean {
  return clean(code).startsWith(divisionPrefix(within));
}
