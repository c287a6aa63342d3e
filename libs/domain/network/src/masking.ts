import { PROVINCES } from './division-code';
import { maskPhone } from './phone';

/** Kind of a personal datum: a person's name, phone number, address, or free text written about them. */
export type PersonalDatum = 'NAME' | 'PHONE' | 'ADDRESS' | 'NOTE';

// Two-character family names (复姓): masking keeps the whole family name, 欧阳娜娜 → 欧阳**.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '闾丘', '端木', '百里', '呼延', '澹台', '公冶', '太叔', '申屠', '南宫', '西门', '独孤', '万俟',
  '司空', '赫连', '第五', '濮阳', '淳于', '单于', '拓跋', '东郭', '左丘', '梁丘', '谷梁', '宰父', '乐正', '漆雕',
  '壤驷', '公良', '段干', '微生', '羊舌', '仲孙', '叔孙', '公羊', '亓官', '司寇', '巫马', '公西', '颛孙', '鲜于',
  '闻人', '东门', '归海',
]);

/**
 * A name with only its family name (姓名脱敏): 张三 → 张*, 张三丰 → 张**, 欧阳娜 → 欧阳*, 欧阳娜娜 → 欧阳**.
 * Anything else (a shop, a desk, a name in Latin letters) keeps its first character. A name of one
 * character may be a family name alone or a nickname: it is hidden entirely.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const kept = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
  return chars.slice(0, kept).join('') + '*'.repeat(chars.length - kept);
}

const PROVINCE_NAMES = Object.values(PROVINCES).sort((a, b) => b.length - a.length);
// A division name is Chinese characters that are not the words streets, villages and doors are made of.
const DIVISION_CHAR = '(?:(?![省区县路街道巷弄号栋楼室村镇乡])[\\u4e00-\\u9fff])';
const CITY = new RegExp(`^${DIVISION_CHAR}{1,9}?(?:自治州|地区|盟|市)`, 'u');
const DISTRICT = new RegExp(`^${DIVISION_CHAR}{1,9}?(?:自治县|自治旗|区|县|市|旗)`, 'u');
const HIDDEN_DETAIL = '****';

/**
 * An address down to its district (地址脱敏): the leading province, city and district names stay,
 * everything below them — town, street, compound, door — becomes `****`:
 * `广东省深圳市南山区粤海街道科技园路12号` → `广东省深圳市南山区****`. A district name is kept only after a
 * province or city name, so a street that merely sounds like one (`科技园区…`) never survives; an
 * address written from the street down (as waybills store it, beside their district code) is `****`.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  if (text === '') return '';
  let rest = text;
  // Each name kept also takes the spaces after it: `广东省 深圳市 南山区 …`.
  const keep = (part: string | undefined): boolean => {
    if (part) rest = rest.slice(part.length).trimStart();
    return part !== undefined;
  };
  const hasProvince = keep(PROVINCE_NAMES.find((name) => rest.startsWith(name)));
  const hasCity = keep(CITY.exec(rest)?.[0]);
  if (hasProvince || hasCity) keep(DISTRICT.exec(rest)?.[0]);
  return text.slice(0, text.length - rest.length).trimEnd() + HIDDEN_DETAIL;
}

// Groups of three or more digits joined by a space or dash, as people write phone numbers
// (138 1234 5678, 0755-26543210); a date (2024-03-02) has shorter groups and stays.
const NUMBER_GROUPS = /[0-9０-９]{3,}(?:[\s-]?[0-9０-９]{3,})*/g;
const PHONE_LENGTH = 7;

/**
 * Free text with every phone-length number hidden (`放门卫处 138-0000-1111` → `放门卫处 ***`). Names
 * written into free text cannot be recognised: a note is masked for numbers only.
 */
export const maskNote = (note: string): string =>
  note.replace(NUMBER_GROUPS, (run) => (run.replace(/[\s-]/g, '').length >= PHONE_LENGTH ? '***' : run));

/** The masked form of a personal datum: the one place each kind's mask is chosen. */
export function maskDatum(datum: PersonalDatum, value: string): string {
  switch (datum) {
    case 'NAME':
      return maskName(value);
    case 'PHONE':
      return maskPhone(value);
    case 'ADDRESS':
      return maskAddress(value);
    case 'NOTE':
      return maskNote(value);
  }
}
