import type { Landmark } from './delivery-area';
import { divisionPrefix } from './division-code';
import { NetworkRuleError } from './network.errors';
import { codePointLength, toHalfWidth } from './text';

/** A delivery area as "who delivers here" sees it. */
export interface AreaCandidate {
  id: string;
  districtCode: string;
  streetCode: string;
  streetName: string;
  name: string;
  landmarks: readonly Landmark[];
}

/** What the agent typed: a street or town, an address fragment, or a landmark; optionally within a division. */
export interface AreaQuery {
  /** Province, city or district code that bounds the search; null or absent searches everywhere given. */
  districtCode?: string | null;
  text: string;
}

/** Which name of the area matched. */
export type AreaMatchReason = 'STREET' | 'LANDMARK' | 'AREA_NAME';

/** How closely it matched: the same text, the same name without its suffix (南山 ~ 南山街道), or one inside the other. */
export type AreaMatchQuality = 'EXACT' | 'CORE' | 'CONTAINS';

/** One ranked answer to "who delivers here" (查派送范围). */
export interface AreaMatch<A extends AreaCandidate = AreaCandidate> {
  area: A;
  /** Higher is better; comparable only within one query. */
  score: number;
  reason: AreaMatchReason;
  quality: AreaMatchQuality;
  /** The area's name that matched, as stored. */
  matched: string;
}

// Suffixes in one group name the same kind of place, so 西丽镇 ~ 西丽街道 (a town turned subdistrict).
// Schools each form their own group: 深圳大学 is not 深圳中学.
const SUFFIX_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ADMIN', ['街道办事处', '街道办', '街道', '地区', '民族乡', '苏木', '镇', '乡']],
  ['ROAD', ['大道', '大街', '胡同', '路', '街', '巷']],
  ['RESIDENTIAL', ['小区', '社区', '花园', '家园', '新村', '公寓', '居委会', '村委会']],
  ['BUILDING', ['大厦', '大楼', '广场']],
  ['大学', ['大学']],
  ['学院', ['学院']],
  ['中学', ['中学']],
  ['小学', ['小学']],
  ['幼儿园', ['幼儿园']],
  ['学校', ['学校']],
];
const SUFFIXES = SUFFIX_GROUPS.flatMap(([group, suffixes]) => suffixes.map((suffix) => ({ group, suffix }))).sort(
  (a, b) => b.suffix.length - a.suffix.length,
);

const MIN_MATCH_LENGTH = 2;
const QUALITY_BONUS: Record<AreaMatchQuality, number> = { EXACT: 60, CORE: 40, CONTAINS: 0 };
const REASON_BONUS: Record<AreaMatchReason, number> = { STREET: 3, AREA_NAME: 2, LANDMARK: 1 };

/** Text folded for matching: half-width, lower case, no whitespace or punctuation. */
export function normalizeAreaText(text: string): string {
  return toHalfWidth(String(text ?? ''))
    .toLowerCase()
    .replace(/[\s·•・,，.。、;；:：'"“”‘’()（）[\]【】《》<>\-–—_/\\|]+/g, '');
}

interface Folded {
  text: string;
  core: string;
  group: string | null;
}

function fold(raw: string): Folded {
  const text = normalizeAreaText(raw);
  for (const { group, suffix } of SUFFIXES) {
    if (text.endsWith(suffix) && codePointLength(text) - codePointLength(suffix) >= MIN_MATCH_LENGTH) {
      return { text, core: text.slice(0, -suffix.length), group };
    }
  }
  return { text, core: text, group: null };
}

function compare(query: Folded, target: Folded): { quality: AreaMatchQuality; length: number } | null {
  if (target.text === '') return null;
  if (query.text === target.text) return { quality: 'EXACT', length: codePointLength(target.text) };
  const sameKind = query.group === null || target.group === null || query.group === target.group;
  if (sameKind && query.core === target.core && codePointLength(query.core) >= MIN_MATCH_LENGTH) {
    return { quality: 'CORE', length: codePointLength(query.core) };
  }
  // Longest containment wins: an address contains its landmark, a fragment lies inside a name.
  const inner = query.text.includes(target.text) ? target.text : target.text.includes(query.text) ? query.text : null;
  if (inner === null || codePointLength(inner) < MIN_MATCH_LENGTH) return null;
  return { quality: 'CONTAINS', length: codePointLength(inner) };
}

function score(query: Folded, target: Folded, quality: AreaMatchQuality, length: number, reason: AreaMatchReason): number {
  const longest = Math.max(codePointLength(query.text), codePointLength(target.text));
  return length * 100 + QUALITY_BONUS[quality] + Math.round((20 * length) / longest) + REASON_BONUS[reason];
}

function bestMatch<A extends AreaCandidate>(query: Folded, area: A): AreaMatch<A> | null {
  const targets: Array<[AreaMatchReason, string]> = [
    ['STREET', area.streetName],
    ['AREA_NAME', area.name],
    ...area.landmarks.map((landmark): [AreaMatchReason, string] => ['LANDMARK', landmark.name]),
  ];
  let best: AreaMatch<A> | null = null;
  if (query.text === area.streetCode) {
    const exact = score(query, query, 'EXACT', query.text.length, 'STREET');
    best = { area, score: exact, reason: 'STREET', quality: 'EXACT', matched: area.streetCode };
  }
  for (const [reason, name] of targets) {
    const target = fold(name);
    const found = compare(query, target);
    if (!found) continue;
    const candidate = score(query, target, found.quality, found.length, reason);
    if (!best || candidate > best.score) {
      best = { area, score: candidate, reason, quality: found.quality, matched: name };
    }
  }
  return best;
}

/**
 * "Who delivers here" (谁派送这里): areas whose street, name or landmark matches the text, best first.
 * Ties are broken by area id, so the order is the same on every call. Throws EMPTY_SEARCH_TEXT and
 * INVALID_DISTRICT_CODE.
 */
export function matchAreas<A extends AreaCandidate>(
  query: AreaQuery,
  areas: readonly A[],
  options: { limit?: number } = {},
): AreaMatch<A>[] {
  const folded = fold(query.text);
  if (folded.text === '') throw new NetworkRuleError('EMPTY_SEARCH_TEXT', 'search text must not be empty');
  const scope = query.districtCode ? divisionPrefix(query.districtCode) : null;
  const matches: AreaMatch<A>[] = [];
  for (const area of areas) {
    if (scope !== null && !area.districtCode.startsWith(scope)) continue;
    const match = bestMatch(folded, area);
    if (match) matches.push(match);
  }
  matches.sort((a, b) => b.score - a.score || (a.area.id < b.area.id ? -1 : a.area.id > b.area.id ? 1 : 0));
  return options.limit === undefined ? matches : matches.slice(0, Math.max(0, options.limit));
}
