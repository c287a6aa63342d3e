import { thrownCode } from '@courierdesk/domain-core/testing';
import {
  OUTLET_KINDS,
  OUTLET_NAME_MAX_LENGTH,
  formatOutletCode,
  isOutletCode,
  parseOutletCode,
  validateOutletInput,
} from './outlet';

describe('outlet codes', () => {
  it.each([
    ['440305-001', '440305-001', '440305', 1],
    ['441900-012', '441900-012', '441900', 12],
    ['110101-999', '110101-999', '110101', 999],
    [' ４４０３０５－００１ ', '440305-001', '440305', 1],
  ])('%s → %s: district %s seq %d', (raw, code, districtCode, seq) => {
    expect(parseOutletCode(raw)).toEqual({ code, districtCode, seq });
    expect(isOutletCode(raw)).toBe(true);
  });

  it.each([
    ['440305-000', 'sequence 000'],
    ['440305-1', 'short sequence'],
    ['440305001', 'no dash'],
    ['440300-001', 'city code'],
    ['990305-001', 'unknown province'],
    ['TC-4403-01', 'transit centre code'],
  ])('%s is rejected (%s)', (code) => {
    expect(thrownCode(() => parseOutletCode(code))).toBe('INVALID_OUTLET_CODE');
    expect(isOutletCode(code)).toBe(false);
  });

  it.each([
    ['440305', 1, '440305-001'],
    ['440305', 42, '440305-042'],
    ['441900', 999, '441900-999'],
  ])('formatOutletCode(%s, %d) → %s', (district, seq, code) => expect(formatOutletCode(district, seq)).toBe(code));

  it.each([
    ['440305', 0],
    ['440305', 1000],
    ['440305', 1.5],
    ['440300', 1],
  ])('formatOutletCode(%s, %d) is rejected', (district, seq) =>
    expect(thrownCode(() => formatOutletCode(district, seq))).toBe('INVALID_OUTLET_CODE'),
  );
});

describe('validateOutletInput', () => {
  const valid = { code: '440305-001', name: '南山区科技园网点', districtCode: '440305', kind: 'FRANCHISE' };

  it.each([
    [{}, { ...valid, phone: null }],
    [{ name: '  南山区   科技园网点\u3000' }, { ...valid, name: '南山区 科技园网点', phone: null }],
    [{ phone: '0755 2654 3210' }, { ...valid, phone: '0755-26543210' }],
    [{ phone: '  ' }, { ...valid, phone: null }],
    [{ kind: 'PARTNER_STATION' }, { ...valid, kind: 'PARTNER_STATION', phone: null }],
  ])('%o → normalised', (change, expected) => expect(validateOutletInput({ ...valid, ...change })).toEqual(expected));

  it.each([
    [{ name: '' }, 'EMPTY_NAME'],
    [{ name: ' \t\u3000 ' }, 'EMPTY_NAME'],
    [{ name: '网'.repeat(OUTLET_NAME_MAX_LENGTH + 1) }, 'NAME_TOO_LONG'],
    [{ code: '440305-01' }, 'INVALID_OUTLET_CODE'],
    [{ code: '440306-001' }, 'OUTLET_CODE_DISTRICT_MISMATCH'],
    [{ districtCode: '440300' }, 'INVALID_DISTRICT_CODE'],
    [{ kind: 'SHOP' }, 'INVALID_OUTLET_KIND'],
    [{ phone: '54321' }, 'INVALID_PHONE'],
  ])('%o → %s', (change, code) => expect(thrownCode(() => validateOutletInput({ ...valid, ...change }))).toBe(code));

  it('accepts a name of exactly the maximum length, counted in characters', () => {
    const name = '𠀀'.repeat(OUTLET_NAME_MAX_LENGTH);
    expect(validateOutletInput({ ...valid, name }).name).toBe(name);
  });

  it('knows three outlet kinds', () => expect(OUTLET_KINDS).toEqual(['DIRECT', 'FRANCHISE', 'PARTNER_STATION']));
});
