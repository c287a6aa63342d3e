import { lookupDistrict, lookupStreet } from './division-directory';

describe('division directory (行政区划)', () => {
  it.each([
    ['440305', { provinceName: '广东省', cityName: '深圳市', districtName: '南山区', cityCode: '4403', provinceCode: '44' }],
    ['110108', { provinceName: '北京市', cityName: '北京市', districtName: '海淀区' }],
    ['441900', { cityName: '东莞市', districtName: '东莞市' }],
  ])('names %s', (code, names) => expect(lookupDistrict(code)).toMatchObject({ districtCode: code, ...names }));

  it.each([
    ['440300', 'INVALID_DISTRICT_CODE'],
    ['440399', 'INVALID_DISTRICT_CODE'],
    ['abc', 'INVALID_DISTRICT_CODE'],
  ])('refuses %s', (code, reason) => expect(() => lookupDistrict(code)).toThrow(expect.objectContaining({ code: reason })));

  it('knows streets of the register and leaves unknown ones to the caller', () => {
    expect(lookupStreet('440305007')).toEqual({ streetCode: '440305007', streetName: '粤海街道', districtCode: '440305' });
    expect(lookupStreet('440305777')).toBeNull();
    expect(() => lookupStreet('4403050')).toThrow(expect.objectContaining({ code: 'INVALID_STREET_CODE' }));
  });
});
