// Ethnic groups that appear in autonomous-area names (自治州、自治县、民族乡). Single-character names
// are only stripped with 族, so 白城 or 水城 keep their first character.
const ETHNIC_GROUPS = [
  '柯尔克孜', '维吾尔', '哈萨克', '蒙古', '朝鲜', '土家', '布依', '哈尼', '傈僳', '景颇', '拉祜', '纳西', '东乡',
  '达斡尔', '仫佬', '仡佬', '毛南', '撒拉', '锡伯', '普米', '塔吉克', '鄂温克', '鄂伦春', '裕固', '保安', '布朗',
  '阿昌', '德昂', '独龙', '怒', '羌', '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲',
  '基诺', '俄罗斯', '水', '土', '京', '各',
];
const ETHNIC = `(?:(?:${ETHNIC_GROUPS.filter((g) => g.length > 1).join('|')})族?|(?:${ETHNIC_GROUPS.join('|')})族)`;

// For each suffix, longest first, tries it with the ethnic part, then bare (内蒙古自治区 → 内蒙古, not 内;
// 金林区 → 金林), keeping the full name when nothing of at least two characters would remain.
function suffixStripper(suffixes: readonly string[]): (name: string) => string {
  const patterns = [...suffixes]
    .sort((a, b) => b.length - a.length)
    .flatMap((suffix) => [new RegExp(`(?:${ETHNIC})+${suffix}$`), new RegExp(`${suffix}$`)]);
  return (name) => {
    for (const pattern of patterns) {
      const stripped = name.replace(pattern, '');
      if (stripped !== name && [...stripped].length >= 2) return stripped;
    }
    return name;
  };
}

const PARENTHETICAL = /[（(][^）)]*[）)]/g;
const stripLocalitySuffix = suffixStripper(['街道办事处', '街道', '地区', '少数民族乡', '民族乡', '民族苏木', '苏木', '镇', '乡']);

/** Short name of a province: 广东省 → 广东, 广西壮族自治区 → 广西, 北京市 → 北京. */
export const provinceShortName = suffixStripper(['省', '市', '自治区', '特别行政区']);

/** Short name of a city: 深圳市 → 深圳, 黔东南苗族侗族自治州 → 黔东南, 阿里地区 → 阿里. */
export const cityShortName = suffixStripper(['市', '地区', '盟', '自治州']);

/** Short name of a district or county: 南山区 → 南山, 石柱土家族自治县 → 石柱; 城区 stays 城区. */
export const districtShortName = suffixStripper(['自治县', '自治旗', '林区', '特区', '区', '县', '市', '旗']);

/**
 * The locality of a town or subdistrict, for naming things after it: 南头街道 → 南头, 于家务回族乡 → 于家务,
 * 中国（上海）自由贸易试验区（保税片区） → 中国自由贸易试验区.
 */
export const streetLocality = (name: string): string => stripLocalitySuffix(name.replace(PARENTHETICAL, ''));

/** True for a rural town or township (镇、乡、苏木) rather than an urban subdistrict (街道). */
export const isRuralStreet = (name: string): boolean => /(?:镇|乡|苏木)$/.test(name.replace(PARENTHETICAL, ''));
