import { containsPattern, outletCriteria } from './outlet.filter';

describe('outlet filter', () => {
  it.each([
    ['南山', '%南山%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['c:\\x', '%c:\\\\x%'],
  ])('containsPattern(%p) → %p', (text, pattern) => expect(containsPattern(text)).toBe(pattern));

  it.each<[object, object]>([
    [{ provinceCode: '44' }, { provinceCode: '44' }],
    [{ provinceCode: '４４００００' }, { provinceCode: '44' }],
    [{ cityCode: '440300' }, { cityCode: '4403' }],
    [{ cityCode: '4419' }, { cityCode: '4419' }],
    [{ districtCode: '440305' }, { districtCode: '440305' }],
    [{ kind: 'DIRECT', text: '  Nan  Shan ' }, { kind: 'DIRECT', pattern: '%nan shan%' }],
    [{ text: '   ' }, {}],
  ])('%p → %p', (filter, criteria) => expect(outletCriteria(filter)).toEqual(criteria));

  it.each<[object, string]>([
    [{ provinceCode: '4403' }, 'INVALID_DISTRICT_CODE'],
    [{ cityCode: '44' }, 'INVALID_DISTRICT_CODE'],
    [{ cityCode: '440305' }, 'INVALID_DISTRICT_CODE'],
    [{ districtCode: '440300' }, 'INVALID_DISTRICT_CODE'],
    [{ text: 'x'.repeat(51) }, 'SEARCH_TEXT_TOO_LONG'],
  ])('refuses %p with %s', (filter, code) => expect(() => outletCriteria(filter)).toThrow(expect.objectContaining({ kind: 'BAD_USER_INPUT', code })));
});
