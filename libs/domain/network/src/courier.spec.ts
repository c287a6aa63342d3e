import { formatCourierCode, isCourierCode, parseCourierCode, validateCourierInput } from './courier';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('courier codes', () => {
  it.each([
    ['440305-001-007', '440305-001', 7],
    ['441900-002-999', '441900-002', 999],
  ])('%s → outlet %s seq %d', (code, outletCode, seq) => {
    expect(parseCourierCode(code)).toEqual({ code, outletCode, seq });
    expect(isCourierCode(code)).toBe(true);
  });

  it.each([
    ['440305-001-000', 'sequence 000'],
    ['440305-000-001', 'outlet sequence 000'],
    ['440300-001-001', 'city, not district'],
    ['440305-001-07', 'short sequence'],
    ['440305-001', 'outlet code'],
  ])('%s is rejected (%s)', (code) => {
    expect(thrownCode(() => parseCourierCode(code))).toBe('INVALID_COURIER_CODE');
    expect(isCourierCode(code)).toBe(false);
  });

  it.each([
    ['440305-001', 7, '440305-001-007'],
    ['440305-001', 120, '440305-001-120'],
  ])('formatCourierCode(%s, %d) → %s', (outlet, seq, code) => expect(formatCourierCode(outlet, seq)).toBe(code));

  it.each([
    ['440305-001', 0],
    ['440305-001', 1000],
  ])('formatCourierCode(%s, %d) is rejected', (outlet, seq) =>
    expect(thrownCode(() => formatCourierCode(outlet, seq))).toBe('INVALID_COURIER_CODE'),
  );
});

describe('validateCourierInput', () => {
  const valid = { code: '440305-001-007', name: '王伟', phone: '13812341234', employeeNo: '44000007' };
  const normalised = { ...valid, outletCode: '440305-001' };

  it.each([
    [{}, normalised],
    [{ name: ' 王  伟 ' }, { ...normalised, name: '王 伟' }],
    [{ phone: '+86 138-1234-1234' }, normalised],
    [{ outletCode: '440305-001' }, normalised],
    [{ employeeNo: '４４０００００７' }, normalised],
  ])('%o → normalised', (change, expected) => expect(validateCourierInput({ ...valid, ...change })).toEqual(expected));

  it.each([
    [{ name: '' }, 'EMPTY_NAME'],
    [{ name: '阿'.repeat(21) }, 'NAME_TOO_LONG'],
    [{ code: '440305-001' }, 'INVALID_COURIER_CODE'],
    [{ outletCode: '440305-002' }, 'COURIER_CODE_OUTLET_MISMATCH'],
    [{ phone: '0755-26543210' }, 'COURIER_PHONE_NOT_MOBILE'],
    [{ phone: '123' }, 'INVALID_PHONE'],
    [{ employeeNo: '4400007' }, 'INVALID_EMPLOYEE_NO'],
    [{ employeeNo: 'E4400007' }, 'INVALID_EMPLOYEE_NO'],
  ])('%o → %s', (change, code) => expect(thrownCode(() => validateCourierInput({ ...valid, ...change }))).toBe(code));
});
