import { isMobilePhone, isValidPhone, maskPhone, normalizePhone, parsePhone } from './phone';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('parsePhone', () => {
  it.each([
    ['13812341234', 'MOBILE', '13812341234'],
    ['138 1234 1234', 'MOBILE', '13812341234'],
    ['138-1234-1234', 'MOBILE', '13812341234'],
    ['+86 138 1234 1234', 'MOBILE', '13812341234'],
    ['0086-13812341234', 'MOBILE', '13812341234'],
    ['8613812341234', 'MOBILE', '13812341234'],
    ['１３８１２３４１２３４', 'MOBILE', '13812341234'],
    ['19912345678', 'MOBILE', '19912345678'],
    ['010-62345678', 'LANDLINE', '010-62345678'],
    ['(010) 2234 5678', 'LANDLINE', '010-22345678'],
    ['02188889999', 'LANDLINE', '021-88889999'],
    ['0755-26543210', 'LANDLINE', '0755-26543210'],
    ['0898-6123456', 'LANDLINE', '0898-6123456'],
    ['+86 755 2654 3210', 'LANDLINE', '0755-26543210'],
    ['+86 10 6552 9988', 'LANDLINE', '010-65529988'],
    ['0755-26543210转8001', 'LANDLINE', '0755-26543210-8001'],
    ['0755-26543210 ext. 12', 'LANDLINE', '0755-26543210-12'],
    ['0755-2654321-89', 'LANDLINE', '0755-2654321-89'],
    ['400-820-9999', 'SERVICE', '400-820-9999'],
    ['8008209999', 'SERVICE', '800-820-9999'],
    ['95311', 'SERVICE', '95311'],
    ['12305', 'SERVICE', '12305'],
  ])('%s → %s %s', (raw, kind, normalized) => {
    expect(parsePhone(raw)).toMatchObject({ kind, normalized });
    expect(normalizePhone(raw)).toBe(normalized);
    expect(isValidPhone(raw)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['12812341234', 'mobile prefix 12'],
    ['1381234123', 'ten-digit mobile'],
    ['138123412345', 'twelve-digit mobile'],
    ['26543210', 'landline without area code'],
    ['010-1234567', 'Beijing numbers have eight digits'],
    ['0755-06543210', 'local number starting with 0'],
    ['0755-265432', 'six-digit local number'],
    ['13812341234转8', 'mobile with extension'],
    ['138abc41234', 'letters'],
    ['911', 'not a Chinese number'],
  ])('%s is rejected (%s)', (raw) => {
    expect(thrownCode(() => parsePhone(raw))).toBe('INVALID_PHONE');
    expect(isValidPhone(raw)).toBe(false);
  });

  it.each([
    ['+86 138 1234 1234', true],
    ['0755-26543210', false],
    ['95311', false],
    ['garbage', false],
  ])('%s is a mobile: %s', (raw, expected) => expect(isMobilePhone(raw)).toBe(expected));
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+86 138-1234-1234', '138****1234'],
    ['0755-26543210', '0755-******10'],
    ['010 6552 9988', '010-******88'],
    ['0898-6123456', '0898-*****56'],
    ['0755-26543210转8001', '0755-******10-8001'],
    ['400-820-9999', '400-820-9999'],
    ['95311', '95311'],
    ['not a phone 123', '**********23'],
    ['1', '*'],
  ])('%s → %s', (raw, masked) => expect(maskPhone(raw)).toBe(masked));
});
