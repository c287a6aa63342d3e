import { NetworkRuleError, parseDistrictCode, parseDivisionCode, toHalfWidth, type OutletKind } from '@courierdesk/domain-network';
import { subgraphError } from '../common/subgraph.errors';
import type { OutletFilter } from './outlet.input';

/** Longest search text accepted; longer text is a paste accident or an attack, never a name. */
export const SEARCH_TEXT_MAX_LENGTH = 50;

/** A validated outlet filter, in the stored forms (prefixes `44`, `4403`, `440305`). */
export interface OutletCriteria {
  provinceCode?: string;
  cityCode?: string;
  districtCode?: string;
  kind?: OutletKind;
  /** A LIKE pattern over `search_text` (lower case, wildcards escaped), or absent. */
  pattern?: string;
}

const sixDigits = (code: string, width: number): string => {
  const clean = toHalfWidth(code).trim();
  return clean.length === width ? clean.padEnd(6, '0') : clean;
};

function parseLevel(raw: string, width: number, level: 'province' | 'city', field: string): string {
  const parsed = parseDivisionCode(sixDigits(raw, width));
  if (parsed.level !== level) {
    throw new NetworkRuleError('INVALID_DISTRICT_CODE', `${field} "${raw}" is not a ${level} code`, { code: raw });
  }
  return level === 'province' ? parsed.province : (parsed.city as string);
}

/** LIKE pattern for "contains", with the user's `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Validates a filter's form; bad codes are BAD_USER_INPUT (INVALID_DISTRICT_CODE, SEARCH_TEXT_TOO_LONG). */
export function outletCriteria(filter: OutletFilter | null | undefined): OutletCriteria {
  if (!filter) return {};
  const criteria: OutletCriteria = {};
  if (filter.provinceCode != null) criteria.provinceCode = parseLevel(filter.provinceCode, 2, 'province', 'provinceCode');
  if (filter.cityCode != null) criteria.cityCode = parseLevel(filter.cityCode, 4, 'city', 'cityCode');
  // Whether the register lists the district is the service's question (a query), not this function's.
  if (filter.districtCode != null) criteria.districtCode = parseDistrictCode(filter.districtCode).code;
  if (filter.kind != null) criteria.kind = filter.kind;
  const text = toHalfWidth(filter.text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if ([...text].length > SEARCH_TEXT_MAX_LENGTH) {
    throw subgraphError('SEARCH_TEXT_TOO_LONG', `Search text is limited to ${SEARCH_TEXT_MAX_LENGTH} characters`);
  }
  if (text) criteria.pattern = containsPattern(text);
  return criteria;
}
