import { chinaTime } from '@courierdesk/domain-sla';
import { assertClaimEvidence, checkClaimEvidence, requiredEvidence, type ClaimEvidenceItem } from './claim-evidence';
import type { EvidenceClaimKind } from './claim-evidence.rules';
import { LIABILITY_POLICY_2018, LIABILITY_POLICY_2024 } from './liability-policy';

const AT = chinaTime(2024, 6, 1);

describe('requiredEvidence: what each claim needs (理赔材料)', () => {
  it.each<[EvidenceClaimKind, boolean, string[], string[]]>([
    ['LOSS', false, ['PROOF_OF_VALUE'], []],
    ['LOSS', true, ['PROOF_OF_VALUE', 'INSURANCE_RECEIPT'], []],
    ['DAMAGE', false, ['DAMAGE_PHOTO', 'PROOF_OF_VALUE'], ['REPAIR_QUOTE']],
    ['DAMAGE', true, ['DAMAGE_PHOTO', 'PROOF_OF_VALUE', 'INSURANCE_RECEIPT'], ['REPAIR_QUOTE']],
    ['PARTIAL_LOSS', false, ['CONTENTS_PHOTO', 'PROOF_OF_VALUE'], []],
    ['DELAY', true, [], []],
    ['RETURN_FREIGHT', false, ['REFUSAL_CAUSE_PROOF'], []],
    ['OVERCHARGE', true, [], []],
  ])('%s (insured %s) needs %j', (kind, insured, required, optional) => {
    const needed = requiredEvidence(kind, { insured, at: AT });
    expect(needed.required.map((r) => r.item)).toEqual(required);
    expect(needed.optional.map((r) => r.item)).toEqual(optional);
    expect(needed.ruleVersion).toBe('liability-2024.1');
  });

  it('refuses an unknown claim kind', () => {
    expect(() => requiredEvidence('THEFT' as EvidenceClaimKind, { insured: false, at: AT })).toThrow(expect.objectContaining({ code: 'UNKNOWN_CLAIM_KIND' }));
  });

  it('reads the table of the version in force', () => {
    const stricter = { ...LIABILITY_POLICY_2024, claimEvidence: { ...LIABILITY_POLICY_2024.claimEvidence, DELAY: [{ item: 'PROMISE_PROOF', accepted: ['DOCUMENT' as const], need: 'ALWAYS' as const, nameZh: '时效承诺' }] } };
    const policies = [LIABILITY_POLICY_2018, stricter];
    expect(requiredEvidence('DELAY', { insured: false, at: chinaTime(2024, 3, 31), policies }).required).toEqual([]);
    expect(requiredEvidence('DELAY', { insured: false, at: chinaTime(2024, 4, 1), policies }).required.map((r) => r.item)).toEqual(['PROMISE_PROOF']);
  });
});

describe('checkClaimEvidence', () => {
  const photo: ClaimEvidenceItem = { item: 'DAMAGE_PHOTO', kind: 'PHOTO' };
  const invoice: ClaimEvidenceItem = { item: 'PROOF_OF_VALUE', kind: 'DOCUMENT' };

  it.each<[string, ClaimEvidenceItem[], boolean, string[]]>([
    ['photo and invoice', [photo, invoice], false, []],
    ['photo only', [photo], false, ['PROOF_OF_VALUE']],
    ['insured, no insurance receipt', [photo, invoice], true, ['INSURANCE_RECEIPT']],
    // A recording offered as the damage photo does not show the damage.
    ['wrong kind for the item', [{ item: 'DAMAGE_PHOTO', kind: 'RECORDING' }, invoice], false, ['DAMAGE_PHOTO']],
    ['nothing', [], false, ['DAMAGE_PHOTO', 'PROOF_OF_VALUE']],
  ])('%s → missing %j', (_case, provided, insured, missing) => {
    const check = checkClaimEvidence({ kind: 'DAMAGE', insured, provided, at: AT });
    expect(check.missing.map((m) => m.item)).toEqual(missing);
    expect(check.code).toBe(missing.length === 0 ? 'COMPLETE' : 'EVIDENCE_MISSING');
    expect(check.codes).toEqual([check.code, ...missing.map((m) => `MISSING_${m}`)]);
    if (missing.length > 0) {
      expect(check.explanationZh).toMatch(/^请补充：/);
      expect(() => assertClaimEvidence({ kind: 'DAMAGE', insured, provided, at: AT })).toThrow(expect.objectContaining({ code: 'EVIDENCE_MISSING', kind: 'CONFLICT' }));
    } else {
      expect(assertClaimEvidence({ kind: 'DAMAGE', insured, provided, at: AT }).code).toBe('COMPLETE');
    }
  });
});
