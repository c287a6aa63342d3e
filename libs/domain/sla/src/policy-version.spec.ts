import { chinaTime } from './china-time';
import { asVersions, policyInForce } from './policy-version';
import { thrownCode } from '@courierdesk/domain-core/testing';

describe('policyInForce', () => {
  const v1 = { version: 'v1', effectiveFrom: chinaTime(2020, 1, 1) };
  const v2 = { version: 'v2', effectiveFrom: chinaTime(2024, 4, 1) };
  const v3 = { version: 'v3', effectiveFrom: chinaTime(2025, 1, 1) };

  it.each([
    [chinaTime(2020, 1, 1), 'v1'],
    [chinaTime(2024, 3, 31, 23, 59), 'v1'],
    [chinaTime(2024, 4, 1), 'v2'],
    [new Date(chinaTime(2024, 4, 1).getTime() - 1), 'v1'],
    [chinaTime(2030, 6, 1), 'v3'],
  ])('at %s → %s', (at, version) => {
    expect(policyInForce([v1, v2, v3], at).version).toBe(version);
    expect(policyInForce([v3, v1, v2], at).version).toBe(version);
  });

  it('has nothing in force before the first version', () =>
    expect(thrownCode(() => policyInForce([v1, v2], chinaTime(2019, 12, 31, 23, 59)))).toBe('NO_POLICY_IN_FORCE'));

  it('has nothing in force with no versions', () => expect(thrownCode(() => policyInForce([], chinaTime(2024, 1, 1)))).toBe('NO_POLICY_IN_FORCE'));

  it.each([
    [[v1, { ...v2, version: 'v1' }]],
    [[v1, { ...v2, effectiveFrom: v1.effectiveFrom }]],
  ])('rejects ambiguous versions %#', (policies) =>
    expect(thrownCode(() => policyInForce(policies, chinaTime(2030, 1, 1)))).toBe('DUPLICATE_POLICY_VERSION'),
  );

  it('rejects an invalid instant', () => expect(thrownCode(() => policyInForce([v1], new Date('x')))).toBe('INVALID_DATE'));

  it('accepts one policy or a list', () => {
    expect(asVersions(v1)).toEqual([v1]);
    expect(asVersions([v1, v2])).toEqual([v1, v2]);
  });
});
