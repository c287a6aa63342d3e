import {
  CITIES_WITHOUT_DISTRICTS,
  PROVINCE_CODES,
  divisionPrefix,
  isDistrictCode,
  isStreetCode,
  isWithinDivision,
  parseDistrictCode,
  parseDivisionCode,
  parseStreetCode,
} from './division-code';
import { thrownCode as codeOf } from '@courierdesk/domain-core/testing';

describe('province prefixes', () => {
  it('lists the 34 province-level units from 11 to 82', () => {
    expect(PROVINCE_CODES).toHaveLength(34);
    expect(PROVINCE_CODES[0]).toBe('11');
    expect(PROVINCE_CODES[33]).toBe('82');
  });
});

describe('parseDivisionCode', () => {
  it.each([
    ['440305', { code: '440305', province: '44', city: '4403', district: '440305', level: 'district' }],
    ['440300', { code: '440300', province: '44', city: '4403', district: null, level: 'city' }],
    ['440000', { code: '440000', province: '44', city: null, district: null, level: 'province' }],
    ['110105', { code: '110105', province: '11', city: '1101', district: '110105', level: 'district' }],
    ['419001', { code: '419001', province: '41', city: '4190', district: '419001', level: 'district' }],
    ['441900', { code: '441900', province: '44', city: '4419', district: '441900', level: 'city' }],
    ['820000', { code: '820000', province: '82', city: null, district: null, level: 'province' }],
    [' ４４０３０５ ', { code: '440305', province: '44', city: '4403', district: '440305', level: 'district' }],
  ])('%s → %o', (code, expected) => expect(parseDivisionCode(code)).toEqual(expected));

  it.each([
    ['', 'empty'],
    ['44030', 'five digits'],
    ['4403051', 'seven digits'],
    ['44a305', 'a letter'],
    ['100000', 'province 10 does not exist'],
    ['900101', 'province 90 does not exist'],
    ['830000', 'province 83 does not exist'],
    ['440012', 'district without city'],
  ])('%s is rejected (%s)', (code) => expect(codeOf(() => parseDivisionCode(code))).toBe('INVALID_DISTRICT_CODE'));
});

describe('isDistrictCode', () => {
  it.each([
    ['440305', true],
    ['110101', true],
    ['441900', true],
    ['442000', true],
    ['440300', false],
    ['440000', false],
    ['999999', false],
    ['abc', false],
  ])('%s → %s', (code, expected) => expect(isDistrictCode(code)).toBe(expected));

  it('treats every city without districts as county-level', () => {
    for (const code of CITIES_WITHOUT_DISTRICTS) expect(isDistrictCode(code)).toBe(true);
  });

  it.each(['440300', '440000'])('parseDistrictCode rejects %s', (code) =>
    expect(codeOf(() => parseDistrictCode(code))).toBe('INVALID_DISTRICT_CODE'),
  );
});

describe('parseStreetCode', () => {
  it.each([
    ['440305002', { code: '440305002', province: '44', city: '4403', district: '440305' }],
    ['110101001', { code: '110101001', province: '11', city: '1101', district: '110101' }],
    ['441900003', { code: '441900003', province: '44', city: '4419', district: '441900' }],
  ])('%s → %o', (code, expected) => expect(parseStreetCode(code)).toEqual(expected));

  it.each([
    ['44030500', 'eight digits'],
    ['4403050021', 'ten digits'],
    ['440305000', 'street segment 000'],
    ['440300001', 'city code, not a district'],
    ['990305001', 'unknown province'],
  ])('%s is rejected (%s)', (code) => {
    expect(codeOf(() => parseStreetCode(code))).toBe('INVALID_STREET_CODE');
    expect(isStreetCode(code)).toBe(false);
  });
});

describe('division scopes', () => {
  it.each([
    ['440000', '44'],
    ['440300', '4403'],
    ['440305', '440305'],
    ['441900', '4419'],
  ])('prefix of %s is %s', (code, prefix) => expect(divisionPrefix(code)).toBe(prefix));

  it.each([
    ['440305002', '440000', true],
    ['440305002', '440300', true],
    ['440305002', '440305', true],
    ['440305002', '440306', false],
    ['110101', '440000', false],
  ])('%s within %s: %s', (code, within, expected) => expect(isWithinDivision(code, within)).toBe(expected));
});
