import type { EvidenceKind } from '@courierdesk/domain-ticket';
import { assertValidDate } from '@courierdesk/domain-sla';
import type { DecisionRecord } from './decision';
import { FILED_CLAIM_KINDS } from './claim.vocabulary';
import type { EvidenceClaimKind, EvidenceRequirement } from './claim-evidence.rules';
import { liabilityPolicyAt, type LiabilityPolicies } from './liability-policy';
import { LiabilityRuleError } from './liability.errors';

/** A piece of evidence on file for a claim: which item it is offered as, and its kind. */
export interface ClaimEvidenceItem {
  item: string;
  kind: EvidenceKind;
}

/** Which evidence a claim needs and which is still missing. */
export interface EvidenceCheck extends DecisionRecord {
  code: 'COMPLETE' | 'EVIDENCE_MISSING';
  required: EvidenceRequirement[];
  optional: EvidenceRequirement[];
  missing: EvidenceRequirement[];
}

/** What a claim needs, by the policy version in force at the claim's event. */
export interface RequiredEvidence {
  required: EvidenceRequirement[];
  optional: EvidenceRequirement[];
  ruleVersion: string;
}

/**
 * The evidence a claim kind needs (理赔材料清单) under the policy in force at `at` (the claim's
 * filing); IF_INSURED items only when insured.
 */
export function requiredEvidence(kind: EvidenceClaimKind, options: { insured: boolean; at: Date; policies?: LiabilityPolicies }): RequiredEvidence {
  const policy = liabilityPolicyAt(assertValidDate(options.at, 'at'), options.policies);
  const insured = options.insured;
  const rules = policy.claimEvidence[kind];
  if (!rules) {
    throw new LiabilityRuleError('UNKNOWN_CLAIM_KIND', `unknown claim kind ${kind}`, { kind, allowed: FILED_CLAIM_KINDS });
  }
  return {
    required: rules.filter((r) => r.need === 'ALWAYS' || (r.need === 'IF_INSURED' && insured)),
    optional: rules.filter((r) => r.need === 'OPTIONAL'),
    ruleVersion: policy.version,
  };
}

/**
 * Checks the evidence on file against what the claim needs (材料核对), recording the policy version
 * in force at `at` (the claim's filing). An item counts when offered as that item with an accepted kind.
 */
export function checkClaimEvidence(input: {
  kind: EvidenceClaimKind;
  insured: boolean;
  provided: readonly ClaimEvidenceItem[];
  at: Date;
  policies?: LiabilityPolicies;
}): EvidenceCheck {
  const { required, optional, ruleVersion } = requiredEvidence(input.kind, input);
  const missing = required.filter((r) => !input.provided.some((p) => p.item === r.item && r.accepted.includes(p.kind)));
  const code = missing.length === 0 ? 'COMPLETE' : 'EVIDENCE_MISSING';
  return {
    code,
    required,
    optional,
    missing,
    ruleCode: 'claim-evidence',
    ruleVersion,
    explanationZh: missing.length === 0 ? '理赔材料已齐全。' : `请补充：${missing.map((m) => m.nameZh).join('、')}。`,
    codes: [code, ...missing.map((m) => `MISSING_${m.item}`)],
  };
}

/** Throws EVIDENCE_MISSING unless every required item is on file. */
export function assertClaimEvidence(input: Parameters<typeof checkClaimEvidence>[0]): EvidenceCheck {
  const check = checkClaimEvidence(input);
  if (check.code !== 'COMPLETE') {
    throw new LiabilityRuleError('EVIDENCE_MISSING', `missing evidence: ${check.missing.map((m) => m.item).join(', ')}`, {
      missing: check.missing.map((m) => m.item),
    });
  }
  return check;
}
