import { cityShortName, districtShortName, isRuralStreet, provinceShortName, streetLocality } from './place-names';

describe('place names', () => {
  it.each([
    ['广东省', '广东'],
    ['北京市', '北京'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
  ])('province %s → %s', (name, short) => expect(provinceShortName(name)).toBe(short));

  it.each([
    ['深圳市', '深圳'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['博尔塔拉蒙古自治州', '博尔塔拉'],
    ['阿里地区', '阿里'],
    ['兴安盟', '兴安'],
  ])('city %s → %s', (name, short) => expect(cityShortName(name)).toBe(short));

  it.each([
    ['南山区', '南山'],
    ['石柱土家族自治县', '石柱'],
    ['龙胜各族自治县', '龙胜'],
    ['金林区', '金林'],
    ['神农架林区', '神农架'],
    ['城区', '城区'],
    ['赵县', '赵县'],
  ])('district %s → %s', (name, short) => expect(districtShortName(name)).toBe(short));

  it.each([
    ['南头街道', '南头', false],
    ['于家务回族乡', '于家务', true],
    ['沙后所满族镇', '沙后所', true],
    ['中国（上海）自由贸易试验区（保税片区）', '中国自由贸易试验区', false],
    ['万柳地区', '万柳', false],
    ['前海合作区', '前海合作区', false],
  ])('street %s → locality %s, rural %s', (name, locality, rural) => {
    expect(streetLocality(name)).toBe(locality);
    expect(isRuralStreet(name)).toBe(rural);
  });
});
