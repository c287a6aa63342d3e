import { thrownCode } from '@courierdesk/domain-core/testing';
import { codePointLength, normalizeName, toHalfWidth } from './text';

describe('text helpers', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['（南山）', '(南山)'],
    ['南山\u3000街道', '南山 街道'],
    ['南山街道', '南山街道'],
  ])('toHalfWidth(%j) → %j', (text, expected) => expect(toHalfWidth(text)).toBe(expected));

  it.each([
    ['南山', 2],
    ['𠀀𠀁', 2],
    ['', 0],
  ])('codePointLength(%j) → %d', (text, length) => expect(codePointLength(text)).toBe(length));

  it.each([
    ['  王  伟 ', 5, '王 伟'],
    ['王伟', 2, '王伟'],
  ])('normalizeName(%j, %d) → %j', (raw, max, expected) => expect(normalizeName(raw, max)).toBe(expected));

  it.each([
    ['', 5, 'EMPTY_NAME'],
    ['\t\u3000', 5, 'EMPTY_NAME'],
    ['王小伟', 2, 'NAME_TOO_LONG'],
  ])('normalizeName(%j, %d) throws %s', (raw, max, code) => expect(thrownCode(() => normalizeName(raw, max))).toBe(code));
});
