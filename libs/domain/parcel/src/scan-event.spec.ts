import { PROBLEM_CODES, PROBLEM_CODE_NAMES, isProblemCode } from './problem-code';
import {
  DELIVERY_FAILURE_REASONS,
  DELIVERY_FAILURE_REASON_NAMES,
  SCAN_REQUIREMENTS,
  SCAN_TYPES,
  SCAN_TYPE_NAMES,
  SIGNER_KINDS,
  SIGNER_KIND_NAMES,
  isScanType,
} from './scan-event';

describe('scan vocabulary', () => {
  it.each([
    ['scan types', SCAN_TYPES, SCAN_TYPE_NAMES],
    ['signer kinds', SIGNER_KINDS, SIGNER_KIND_NAMES],
    ['failure reasons', DELIVERY_FAILURE_REASONS, DELIVERY_FAILURE_REASON_NAMES],
    ['problem codes', PROBLEM_CODES, PROBLEM_CODE_NAMES],
  ] as const)('every one of the %s has a Chinese name', (_label, values, names) => {
    expect(Object.keys(names).sort()).toEqual([...values].sort());
    for (const value of values) expect((names as Record<string, string>)[value]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has a requirement for every scan type', () => expect(Object.keys(SCAN_REQUIREMENTS).sort()).toEqual([...SCAN_TYPES].sort()));

  it.each([
    ['SIGNED', true],
    ['ARRIVED_AT_HUB', true],
    ['signed', false],
    ['LOST', false],
  ])('isScanType(%s) is %s', (type, ok) => expect(isScanType(type)).toBe(ok));

  it.each([
    ['PROHIBITED_ITEM', true],
    ['HEADLESS', true],
    ['NOBODY_HOME', false],
  ])('isProblemCode(%s) is %s', (code, ok) => expect(isProblemCode(code)).toBe(ok));
});
