import { CATALOGUE_2016 } from './prohibited-items.catalogue';
import { bigramSimilarity, foldSearchText, searchCatalogue, sendAnswerZh, sendVerdict, validateCatalogue, type ProhibitedItemCatalogue } from './prohibited-items';

describe('the prohibited-items catalogue (禁寄物品目录)', () => {
  it('holds together', () => {
    expect(validateCatalogue(CATALOGUE_2016)).toBe(CATALOGUE_2016);
    expect(CATALOGUE_2016.items.length).toBeGreaterThan(40);
  });

  it.each([
    ['打火机', 'LIGHTER', 'EXACT', 'PROHIBITED'],
    ['一箱打火机', 'LIGHTER', 'NAME_IN_TEXT', 'PROHIBITED'],
    ['锂电池', 'LITHIUM_BATTERY', 'EXACT', 'RESTRICTED'],
    ['充电宝', 'LITHIUM_BATTERY', 'EXACT', 'RESTRICTED'],
    ['液体', 'LIQUID', 'EXACT', 'RESTRICTED'],
    ['洗发水两瓶', 'LIQUID', 'NAME_IN_TEXT', 'RESTRICTED'],
    ['Lighter', 'LIGHTER', 'TEXT_IN_NAME', 'PROHIBITED'],
    ['９５号汽油', 'FUEL', 'NAME_IN_TEXT', 'PROHIBITED'],
    ['酒精', 'ALCOHOL_SPIRIT', 'EXACT', 'PROHIBITED'],
    ['白酒', 'LIQUOR', 'EXACT', 'RESTRICTED'],
    ['弹簧刀', 'CONTROLLED_KNIFE', 'EXACT', 'PROHIBITED'],
    ['菜刀', 'KITCHEN_KNIFE', 'EXACT', 'RESTRICTED'],
    ['烟花', 'FIREWORKS', 'EXACT', 'PROHIBITED'],
  ])('"%s" finds %s first (%s) and the verdict is %s', (text, code, kind, verdict) => {
    const hits = searchCatalogue(CATALOGUE_2016, text);
    expect(hits[0].item.code).toBe(code);
    expect(hits[0].matchKind).toBe(kind);
    expect(sendVerdict(hits)).toBe(verdict);
  });

  it('"液体" also shows the flammable liquids, below the restricted entry', () => {
    const hits = searchCatalogue(CATALOGUE_2016, '液体');
    const codes = hits.map((h) => h.item.code);
    expect(codes).toEqual(expect.arrayContaining(['LIQUID', 'FUEL', 'ALCOHOL_SPIRIT', 'PAINT']));
    expect(hits.find((h) => h.item.code === 'FUEL')!.matchKind).toBe('CATEGORY');
  });

  it.each([
    ['打火机', '属禁寄物品：打火机（压缩和液化气体及其容器）'],
    ['充电宝', '属限寄物品：锂电池。装在设备内'],
    ['羊毛衫', '不在禁寄、限寄目录（catalogue-2016.1）中'],
  ])('answers "%s" in one sentence', (text, expected) => {
    expect(sendAnswerZh(text, searchCatalogue(CATALOGUE_2016, text), CATALOGUE_2016.version)).toContain(expected);
  });

  it('an item nobody lists is NOT_LISTED', () => {
    const hits = searchCatalogue(CATALOGUE_2016, '羊毛衫');
    expect(hits).toEqual([]);
    expect(sendVerdict(hits)).toBe('NOT_LISTED');
  });

  it('orders ties prohibited first, then by code, and respects the limit', () => {
    const hits = searchCatalogue(CATALOGUE_2016, '电池', 3);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0].item.code).toBe('LITHIUM_BATTERY');
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it.each([
    ['', 'SEARCH_TEXT_REQUIRED'],
    ['  ，。 ', 'SEARCH_TEXT_REQUIRED'],
    ['打'.repeat(51), 'SEARCH_TEXT_TOO_LONG'],
  ])('%p is refused with %s', (text, code) => {
    expect(() => searchCatalogue(CATALOGUE_2016, text)).toThrow(expect.objectContaining({ code }));
  });

  it('folds width, case and punctuation', () => {
    expect(foldSearchText(' Ｌｉｇｈｔｅｒ， 打火机！')).toBe('lighter打火机');
    expect(bigramSimilarity('锂电池', '蓄电池')).toBeCloseTo(0.5);
    expect(bigramSimilarity('a', 'ab')).toBe(0);
  });

  const item = CATALOGUE_2016.items[0];
  it.each([
    [{ ...CATALOGUE_2016, version: 'v2' }, 'version'],
    [{ ...CATALOGUE_2016, items: [] }, 'at least one'],
    [{ ...CATALOGUE_2016, items: [item, item] }, 'twice'],
    [{ ...CATALOGUE_2016, items: [{ ...item, code: 'lighter' }] }, 'not like'],
    [{ ...CATALOGUE_2016, items: [{ ...item, category: 'SNACKS' }] }, 'unknown category'],
    [{ ...CATALOGUE_2016, items: [{ ...item, nameZh: ' ' }] }, 'empty'],
    [{ ...CATALOGUE_2016, items: [{ ...item, conditionZh: '小心' }] }, 'conditions'],
    [{ ...CATALOGUE_2016, items: [{ ...item, restriction: 'RESTRICTED' }] }, 'conditions'],
  ])('a broken catalogue is refused (%#: %s)', (catalogue, why) => {
    expect(() => validateCatalogue(catalogue as ProhibitedItemCatalogue)).toThrow(expect.objectContaining({ code: 'INVALID_CATALOGUE', message: expect.stringContaining(why) }));
  });
});
