import { toHalfWidth } from '@courierdesk/domain-network';
import { assertValidDate, type Versioned } from '@courierdesk/domain-sla';
import { TariffRuleError } from './tariff.errors';

/** Whether an item may be sent (寄递限制). Values are API. */
export const ItemRestriction = {
  /** Never accepted (禁寄). */
  PROHIBITED: 'PROHIBITED',
  /** Accepted only under the stated conditions (限寄). */
  RESTRICTED: 'RESTRICTED',
} as const;
/** Whether an item may be sent (寄递限制). */
export type ItemRestriction = (typeof ItemRestriction)[keyof typeof ItemRestriction];

/** The categories of the prohibited-items guidance catalogue (禁止寄递物品指导目录), in its order, plus the network's restricted goods. */
export const ITEM_CATEGORIES = {
  FIREARMS: '枪支（含仿制品、主要零部件）弹药',
  CONTROLLED_WEAPONS: '管制器具',
  EXPLOSIVES: '爆炸物品',
  GASES: '压缩和液化气体及其容器',
  FLAMMABLE_LIQUIDS: '易燃液体',
  FLAMMABLE_SOLIDS: '易燃固体、自燃物质、遇水易燃物质',
  OXIDISERS: '氧化剂和过氧化物',
  TOXIC: '毒性物质',
  INFECTIOUS: '生化制品、传染性、感染性物质',
  RADIOACTIVE: '放射性物质',
  CORROSIVE: '腐蚀性物质',
  DRUGS: '毒品及吸毒工具、非正当用途麻醉药品和精神药品、易制毒化学品',
  ILLEGAL_PUBLICATIONS: '非法出版物、印刷品、音像制品等宣传品',
  ESPIONAGE: '间谍专用器材',
  FORGERIES: '非法伪造物品',
  COUNTERFEITS: '侵犯知识产权和假冒伪劣物品',
  WILDLIFE: '濒危野生动物及其制品',
  IMPORT_EXPORT_BANNED: '禁止进出境物品',
  OTHER: '其他物品',
  RESTRICTED_GOODS: '限寄物品（按条件收寄）',
} as const;
/** A catalogue category. */
export type ItemCategory = keyof typeof ITEM_CATEGORIES;

/** One entry of the catalogue (禁寄/限寄物品). */
export interface CatalogueItem {
  /** Stable code, e.g. `LIGHTER`. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** Other words people use for it (别称、常见说法), searched like the name. */
  aliasesZh: readonly string[];
  category: ItemCategory;
  restriction: ItemRestriction;
  /** For a restricted item: the conditions it is accepted under (收寄条件). */
  conditionZh: string | null;
  /** The rule it comes from (依据). */
  source: string;
}

/** A catalogue version (禁寄物品目录): replaced by a new version on a date, never edited. */
export interface ProhibitedItemCatalogue extends Versioned {
  items: readonly CatalogueItem[];
}

/** Catalogue version names: `catalogue-2016.1`. */
export const CATALOGUE_VERSION_PATTERN = /^catalogue-\d{4}\.\d{1,3}$/;
/** Item codes: `LITHIUM_BATTERY`. */
export const ITEM_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
/** Longest search text, in characters. */
export const CATALOGUE_SEARCH_MAX_LENGTH = 50;

const invalid = (version: string, why: string, details: Record<string, unknown> = {}): TariffRuleError =>
  new TariffRuleError('INVALID_CATALOGUE', `catalogue ${version}: ${why}`, { version, ...details });

/** Checks a catalogue holds together: a proper version, unique codes, named items in known categories, conditions exactly on restricted items. Returns it. */
export function validateCatalogue(catalogue: ProhibitedItemCatalogue): ProhibitedItemCatalogue {
  const v = String(catalogue?.version ?? '');
  if (!CATALOGUE_VERSION_PATTERN.test(v)) throw invalid(v, 'the version is named like catalogue-2016.1');
  assertValidDate(catalogue.effectiveFrom, 'effectiveFrom');
  if (!catalogue.items?.length) throw invalid(v, 'a catalogue lists at least one item');
  const codes = new Set<string>();
  for (const item of catalogue.items) {
    if (!ITEM_CODE_PATTERN.test(item.code ?? '')) throw invalid(v, `item code "${item.code}" is not like LITHIUM_BATTERY`, { code: item.code });
    if (codes.has(item.code)) throw invalid(v, `item ${item.code} is listed twice`, { code: item.code });
    codes.add(item.code);
    if (!(item.category in ITEM_CATEGORIES)) throw invalid(v, `item ${item.code} has an unknown category`, { code: item.code, category: item.category });
    if (!(item.restriction in ItemRestriction)) throw invalid(v, `item ${item.code} has an unknown restriction`, { code: item.code });
    for (const text of [item.nameZh, item.nameEn, item.source, ...(item.aliasesZh ?? [])]) {
      if (typeof text !== 'string' || text.trim() === '' || [...text].length > 200) throw invalid(v, `item ${item.code} has an empty or overlong name, alias or source`, { code: item.code });
    }
    const conditioned = typeof item.conditionZh === 'string' && item.conditionZh.trim() !== '';
    if (conditioned !== (item.restriction === 'RESTRICTED')) {
      throw invalid(v, `item ${item.code}: a restricted item states its conditions, a prohibited one has none`, { code: item.code });
    }
  }
  return catalogue;
}

/** Folds a text for matching: half-width, lower case, without spaces and punctuation. */
export function foldSearchText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const bigrams = (text: string): Set<string> => {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
};

/** Dice coefficient of two texts' character bigrams (Chinese has no spaces: bigrams stand in for words). */
export function bigramSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** How a catalogue entry matched a search. */
export type CatalogueMatchKind = 'EXACT' | 'NAME_IN_TEXT' | 'TEXT_IN_NAME' | 'SIMILAR' | 'CATEGORY';

/** One hit of a catalogue search. */
export interface CatalogueMatch {
  item: CatalogueItem;
  /** The name, alias or category that matched. */
  matchedTerm: string;
  matchKind: CatalogueMatchKind;
  /** 0–100, higher is better; comparable within one search. */
  score: number;
}

/** The answer to "can I send this?" (能不能寄): the strictest restriction among the best hits. */
export type SendVerdict = 'PROHIBITED' | 'RESTRICTED' | 'NOT_LISTED';

/** Least similarity for a fuzzy hit. */
const MIN_SIMILARITY = 0.5;

function scoreTerm(query: string, term: string): { kind: CatalogueMatchKind; score: number } | null {
  const folded = foldSearchText(term);
  if (!folded) return null;
  if (folded === query) return { kind: 'EXACT', score: 100 };
  // "一箱打火机" names a lighter; a one-character name would match half the language.
  if ([...folded].length >= 2 && query.includes(folded)) return { kind: 'NAME_IN_TEXT', score: 70 + Math.min(20, [...folded].length * 4) };
  if (folded.includes(query)) return { kind: 'TEXT_IN_NAME', score: 50 + Math.round((20 * [...query].length) / [...folded].length) };
  const similarity = bigramSimilarity(query, folded);
  return similarity >= MIN_SIMILARITY ? { kind: 'SIMILAR', score: Math.round(40 * similarity) } : null;
}

/**
 * Searches the catalogue in Chinese or English (打火机, 锂电池, 液体, lighter): names and aliases
 * exactly, contained in the text or containing it, then by shared character bigrams, then by
 * category name; best first, prohibited before restricted on a tie, then by code. Throws
 * SEARCH_TEXT_REQUIRED or SEARCH_TEXT_TOO_LONG.
 */
export function searchCatalogue(catalogue: ProhibitedItemCatalogue, text: string, limit = 20): CatalogueMatch[] {
  if ([...String(text ?? '')].length > CATALOGUE_SEARCH_MAX_LENGTH) {
    throw new TariffRuleError('SEARCH_TEXT_TOO_LONG', `search text is limited to ${CATALOGUE_SEARCH_MAX_LENGTH} characters`, { max: CATALOGUE_SEARCH_MAX_LENGTH });
  }
  const query = foldSearchText(String(text ?? ''));
  if (!query) throw new TariffRuleError('SEARCH_TEXT_REQUIRED', 'say what is to be sent, e.g. 打火机', {});
  const matches: CatalogueMatch[] = [];
  for (const item of catalogue.items) {
    let best: CatalogueMatch | null = null;
    for (const term of [item.nameZh, item.nameEn, ...item.aliasesZh]) {
      const hit = scoreTerm(query, term);
      if (hit && (!best || hit.score > best.score)) best = { item, matchedTerm: term, matchKind: hit.kind, score: hit.score };
    }
    const category = ITEM_CATEGORIES[item.category];
    if (!best && [...query].length >= 2 && foldSearchText(category).includes(query)) {
      best = { item, matchedTerm: category, matchKind: 'CATEGORY', score: 30 };
    }
    if (best) matches.push(best);
  }
  const strictness = (m: CatalogueMatch): number => (m.item.restriction === 'PROHIBITED' ? 0 : 1);
  return matches
    .sort((a, b) => b.score - a.score || strictness(a) - strictness(b) || a.item.code.localeCompare(b.item.code))
    .slice(0, Math.max(1, limit));
}

/**
 * The verdict of a search: PROHIBITED when any hit as good as the best one is prohibited,
 * RESTRICTED when the best hits are only restricted, NOT_LISTED with no hit (the item is then
 * accepted subject to the inspection at collection, 收寄验视).
 */
export function sendVerdict(matches: readonly CatalogueMatch[]): SendVerdict {
  if (matches.length === 0) return 'NOT_LISTED';
  const top = matches[0].score;
  return matches.some((m) => m.score === top && m.item.restriction === 'PROHIBITED') ? 'PROHIBITED' : 'RESTRICTED';
}

/**
 * The answer in one sentence (中文), from the best hit: 禁寄 with its category and rule, 限寄 with
 * its conditions, or not listed (accepted subject to the inspection at collection).
 */
export function sendAnswerZh(text: string, matches: readonly CatalogueMatch[], catalogueVersion: string): string {
  const verdict = sendVerdict(matches);
  const asked = String(text).trim();
  if (verdict === 'NOT_LISTED') return `“${asked}”不在禁寄、限寄目录（${catalogueVersion}）中，可按规定当面验视后收寄。`;
  const best = matches.find((m) => m.score === matches[0].score && m.item.restriction === verdict) ?? matches[0];
  const { item } = best;
  return verdict === 'PROHIBITED'
    ? `“${asked}”属禁寄物品：${item.nameZh}（${ITEM_CATEGORIES[item.category]}），依据${item.source}，不予收寄。`
    : `“${asked}”属限寄物品：${item.nameZh}。${item.conditionZh}（依据${item.source}）。`;
}
