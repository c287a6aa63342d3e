import { thrownCode } from '@courierdesk/domain-core/testing';
import {
  formatTransitCentreCode,
  isCityCode,
  isTransitCentreCode,
  parseTransitCentreCode,
  validateTransitCentreInput,
} from './transit-centre';

describe('transit centre codes', () => {
  it.each([
    ['TC-4403-01', '4403', 1],
    ['tc-1101-02', '1101', 2],
    ['TC-4190-99', '4190', 99],
  ])('%s → city %s seq %d', (code, cityCode, seq) => {
    expect(parseTransitCentreCode(code)).toEqual({ code: code.toUpperCase(), cityCode, seq });
    expect(isTransitCentreCode(code)).toBe(true);
  });

  it.each([
    ['TC-4403-00', 'sequence 00'],
    ['TC-4400-01', 'province, not a city'],
    ['TC-9903-01', 'unknown province'],
    ['TC-440305-01', 'district code'],
    ['4403-01', 'no prefix'],
  ])('%s is rejected (%s)', (code) => {
    expect(thrownCode(() => parseTransitCentreCode(code))).toBe('INVALID_TRANSIT_CENTRE_CODE');
    expect(isTransitCentreCode(code)).toBe(false);
  });

  it.each([
    ['4403', 1, 'TC-4403-01'],
    ['5002', 12, 'TC-5002-12'],
  ])('formatTransitCentreCode(%s, %d) → %s', (city, seq, code) => expect(formatTransitCentreCode(city, seq)).toBe(code));

  it.each([
    ['4403', 0],
    ['4403', 100],
  ])('formatTransitCentreCode(%s, %d) is rejected', (city, seq) =>
    expect(thrownCode(() => formatTransitCentreCode(city, seq))).toBe('INVALID_TRANSIT_CENTRE_CODE'),
  );

  it.each([
    ['4403', true],
    ['4400', false],
    ['0101', false],
    ['440', false],
  ])('isCityCode(%s) → %s', (code, expected) => expect(isCityCode(code)).toBe(expected));
});

describe('validateTransitCentreInput', () => {
  const valid = { code: 'TC-4403-01', name: '深圳分拨中心', cityCode: '4403' };

  it.each([
    [{}, valid],
    [{ name: ' 深圳分拨中心 ', code: 'tc-4403-01' }, valid],
  ])('%o → normalised', (change, expected) => expect(validateTransitCentreInput({ ...valid, ...change })).toEqual(expected));

  it.each([
    [{ name: '   ' }, 'EMPTY_NAME'],
    [{ cityCode: '4401' }, 'TRANSIT_CENTRE_CODE_CITY_MISMATCH'],
    [{ code: 'TC-4403-1' }, 'INVALID_TRANSIT_CENTRE_CODE'],
  ])('%o → %s', (change, code) => expect(thrownCode(() => validateTransitCentreInput({ ...valid, ...change }))).toBe(code));
});
