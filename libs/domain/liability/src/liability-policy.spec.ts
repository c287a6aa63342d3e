import { chinaTime } from '@courierdesk/domain-sla';
import {
  DEFAULT_LIABILITY_POLICIES,
  LIABILITY_POLICY_2018,
  LIABILITY_POLICY_2024,
  liabilityPolicyAt,
  validateLiabilityPolicy,
  type LiabilityPolicy,
} from './liability-policy';

describe('liabilityPolicyAt: the version in force at the time of the event', () => {
  it.each([
    [chinaTime(2018, 5, 1), 'liability-2018.1'],
    [chinaTime(2024, 3, 31, 23, 59), 'liability-2018.1'],
    [chinaTime(2024, 4, 1), 'liability-2024.1'],
    [chinaTime(2026, 1, 1), 'liability-2024.1'],
  ])('%s → %s', (at, version) => {
    expect(liabilityPolicyAt(at).version).toBe(version);
  });

  it('has no policy before the Interim Regulations (NO_POLICY_IN_FORCE, from domain-sla)', () => {
    expect(() => liabilityPolicyAt(chinaTime(2018, 4, 30, 23, 59))).toThrow(expect.objectContaining({ code: 'NO_POLICY_IN_FORCE' }));
  });

  it('refuses two versions with one name (DUPLICATE_POLICY_VERSION)', () => {
    const twin = { ...LIABILITY_POLICY_2024, effectiveFrom: chinaTime(2025, 1, 1) };
    expect(() => liabilityPolicyAt(chinaTime(2025, 6, 1), [LIABILITY_POLICY_2024, twin])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_POLICY_VERSION' }),
    );
  });

  it('ships the versions oldest first, both valid, with the statutory numbers of GB/T 27917', () => {
    expect(DEFAULT_LIABILITY_POLICIES.map((p) => p.version)).toEqual(['liability-2018.1', 'liability-2024.1']);
    for (const policy of DEFAULT_LIABILITY_POLICIES) {
      expect(validateLiabilityPolicy(policy)).toBe(policy);
      expect(policy).toMatchObject({ acknowledgeHours: 24, decideDaysDomestic: 30, decideDaysInternational: 60, payDays: 7 });
      expect(policy.thoroughDelayDays).toEqual({ SAME_CITY: 3, SAME_PROVINCE: 7, CROSS_PROVINCE: 7 });
    }
    expect(LIABILITY_POLICY_2024.fines.falseSignOffFen).toBeGreaterThan(LIABILITY_POLICY_2018.fines.falseSignOffFen);
  });
});

describe('validateLiabilityPolicy', () => {
  const broken = (patch: Partial<Record<keyof LiabilityPolicy, unknown>>): LiabilityPolicy => ({ ...LIABILITY_POLICY_2024, ...patch }) as LiabilityPolicy;
  it.each<[string, LiabilityPolicy]>([
    ['no version', broken({ version: ' ' })],
    ['cap multiple 0', broken({ uninsuredCapFreightMultiple: 0 })],
    ['filing days 1.5', broken({ claimFilingDays: 1.5 })],
    ['decide days missing', broken({ decideDaysDomestic: undefined })],
    ['thorough delay for one distance missing', broken({ thoroughDelayDays: { SAME_CITY: 3, SAME_PROVINCE: 7 } })],
    ['negative damage window', broken({ damageOnArrivalHours: -1 })],
    ['fine in yuan with a fraction', broken({ fines: { ...LIABILITY_POLICY_2024.fines, falseSignOffFen: 10.5 } })],
    ['unknown rounding', broken({ rounding: 'HALF_DOWN' })],
    ['evidence table without RETURN_FREIGHT', broken({ claimEvidence: { ...LIABILITY_POLICY_2024.claimEvidence, RETURN_FREIGHT: undefined } })],
    ['evidence table without OVERCHARGE', broken({ claimEvidence: { ...LIABILITY_POLICY_2024.claimEvidence, OVERCHARGE: undefined } })],
  ])('%s → INVALID_LIABILITY_POLICY', (_why, policy) => {
    expect(() => validateLiabilityPolicy(policy)).toThrow(expect.objectContaining({ code: 'INVALID_LIABILITY_POLICY' }));
  });
});
