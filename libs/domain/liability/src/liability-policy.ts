import { asVersions, assertValidDate, chinaTime, policyInForce, type Versioned } from '@courierdesk/domain-sla';
import type { DistanceClass } from '@courierdesk/domain-parcel';
import { DEFAULT_CLAIM_EVIDENCE, type EvidenceClaimKind, type EvidenceRequirement } from './claim-evidence.rules';
import { LiabilityRuleError } from './liability.errors';
import { FILED_CLAIM_KINDS } from './claim.vocabulary';
import { ROUNDING_MODES, type RoundingMode } from './money';

/** The fines an outlet owes the network (网点罚款), in fen. */
export interface FineSchedule {
  /** A "not delivered upstairs" (不上楼) complaint lost for want of a photo or recording in time. */
  notDeliveredUpstairsNoEvidenceFen: number;
  /** Any other disputed complaint lost for want of evidence in time (举证不足). */
  otherNoEvidenceFen: number;
  /** A false or premature sign-off (虚假签收), per parcel. */
  falseSignOffFen: number;
}

/**
 * Versioned liability rules (理赔规则): every number a decision uses, by effective date. A decision
 * quotes the version it used, so a later version never changes a past decision and an old case is
 * re-evaluated by the version in force at the time of its event.
 */
export interface LiabilityPolicy extends Versioned {
  /** An uninsured claim is capped at this multiple of the freight, if the shipper was told of the cap (未保价限额). */
  uninsuredCapFreightMultiple: number;
  /** Calendar days past the promise after which a delay is thorough (彻底延误) and may be treated as loss. */
  thoroughDelayDays: Readonly<Record<DistanceClass, number>>;
  /** Days after delivery (or the promised time, when never delivered) to file a claim (索赔申告期). */
  claimFilingDays: number;
  /** Hours to acknowledge a claim (受理确认). */
  acknowledgeHours: number;
  /** Calendar days to decide a domestic claim (国内快件理赔处理时限). */
  decideDaysDomestic: number;
  /** Calendar days to decide an international claim (国际快件理赔处理时限). */
  decideDaysInternational: number;
  /** Calendar days to pay after the parties agree (赔付时限). */
  payDays: number;
  /**
   * Hours after a place's first scan within which it may still report damage as received damaged
   * (到件即报破损): reported in that window, the place before it bears the damage.
   */
  damageOnArrivalHours: number;
  fines: FineSchedule;
  /** The evidence each claim kind needs (理赔材料). */
  claimEvidence: Readonly<Record<EvidenceClaimKind, readonly EvidenceRequirement[]>>;
  /** Rounding of proportional amounts to the fen (舍入规则). */
  rounding: RoundingMode;
}

const SHARED = {
  // GB/T 27917 (2011): thorough delay 3 calendar days within a city, 7 within or between provinces.
  thoroughDelayDays: { SAME_CITY: 3, SAME_PROVINCE: 7, CROSS_PROVINCE: 7 },
  // GB/T 27917 (2011): acknowledge in 24 h, decide in 30 days (60 international), pay in 7 days.
  acknowledgeHours: 24,
  decideDaysDomestic: 30,
  decideDaysInternational: 60,
  payDays: 7,
  rounding: 'HALF_UP',
  claimEvidence: DEFAULT_CLAIM_EVIDENCE,
} as const satisfies Partial<LiabilityPolicy>;

/**
 * The rules from the Interim Regulations on Express Delivery (in force 2018-05-01) and GB/T 27917
 * (2011). ASSUMPTIONS, not published numbers: the 3× freight cap (carriers print 3× to 7×; the
 * network's own terms decide), the 1-year filing window (the regulator's 1-year complaint window
 * taken as the claim window), the 2-hour damage-on-arrival window and every fine amount (franchise
 * networks set their own).
 */
export const LIABILITY_POLICY_2018: LiabilityPolicy = {
  version: 'liability-2018.1',
  effectiveFrom: chinaTime(2018, 5, 1),
  ...SHARED,
  uninsuredCapFreightMultiple: 3,
  claimFilingDays: 365,
  damageOnArrivalHours: 2,
  fines: { notDeliveredUpstairsNoEvidenceFen: 20_000, otherNoEvidenceFen: 10_000, falseSignOffFen: 50_000 },
};

/**
 * The rules from the 2023 revision of the express-service standard (GB/T 27917, in force
 * 2024-04-01), after the Express Market Regulations (in force 2024-03-01) made a drop without
 * consent a violation. The statutory clocks and delay days are kept from 2011: the revision is
 * ASSUMED not to have moved them (check the text before relying on it). ASSUMPTIONS: fines raised
 * (不上楼 ¥200 → ¥500, false sign-off ¥500 → ¥1,000) because the regulator's own fine on the
 * network is now up to ¥10,000; cap, filing window and damage window as in 2018.1.
 */
export const LIABILITY_POLICY_2024: LiabilityPolicy = {
  version: 'liability-2024.1',
  effectiveFrom: chinaTime(2024, 4, 1),
  ...SHARED,
  uninsuredCapFreightMultiple: 3,
  claimFilingDays: 365,
  damageOnArrivalHours: 2,
  fines: { notDeliveredUpstairsNoEvidenceFen: 50_000, otherNoEvidenceFen: 20_000, falseSignOffFen: 100_000 },
};

/** The liability policy versions shipped as defaults, oldest first. */
export const DEFAULT_LIABILITY_POLICIES: readonly LiabilityPolicy[] = [LIABILITY_POLICY_2018, LIABILITY_POLICY_2024];

/** Liability policies as callers hold them: one, or its versions. */
export type LiabilityPolicies = LiabilityPolicy | readonly LiabilityPolicy[];

const positiveInt = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1;
const fen = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Checks a liability policy loaded from data; returns it. Throws INVALID_LIABILITY_POLICY. */
export function validateLiabilityPolicy(policy: LiabilityPolicy): LiabilityPolicy {
  const invalid = (why: string) =>
    new LiabilityRuleError('INVALID_LIABILITY_POLICY', `liability policy ${policy?.version}: ${why}`, { version: policy?.version, reason: why });
  if (!policy?.version?.trim()) throw invalid('no version');
  assertValidDate(policy.effectiveFrom, 'effectiveFrom');
  const days: [string, unknown][] = [
    ['uninsuredCapFreightMultiple', policy.uninsuredCapFreightMultiple],
    ['claimFilingDays', policy.claimFilingDays],
    ['acknowledgeHours', policy.acknowledgeHours],
    ['decideDaysDomestic', policy.decideDaysDomestic],
    ['decideDaysInternational', policy.decideDaysInternational],
    ['payDays', policy.payDays],
  ];
  for (const [field, value] of days) if (!positiveInt(value)) throw invalid(`${field} must be a whole number ≥ 1`);
  for (const cls of ['SAME_CITY', 'SAME_PROVINCE', 'CROSS_PROVINCE'] as const) {
    if (!positiveInt(policy.thoroughDelayDays?.[cls])) throw invalid(`thoroughDelayDays.${cls} must be a whole number ≥ 1`);
  }
  if (!(typeof policy.damageOnArrivalHours === 'number' && policy.damageOnArrivalHours >= 0)) throw invalid('damageOnArrivalHours must be ≥ 0');
  for (const field of ['notDeliveredUpstairsNoEvidenceFen', 'otherNoEvidenceFen', 'falseSignOffFen'] as const) {
    if (!fen(policy.fines?.[field])) throw invalid(`fines.${field} must be whole fen ≥ 0`);
  }
  for (const kind of FILED_CLAIM_KINDS) {
    if (!Array.isArray(policy.claimEvidence?.[kind])) throw invalid(`claimEvidence.${kind} must list the evidence (empty when none)`);
  }
  if (!ROUNDING_MODES.includes(policy.rounding)) throw invalid(`rounding must be one of ${ROUNDING_MODES.join(', ')}`);
  return policy;
}

/**
 * The liability policy in force at the time of the event (事发时有效的规则), validated. Throws
 * domain-sla's NO_POLICY_IN_FORCE / DUPLICATE_POLICY_VERSION, and INVALID_LIABILITY_POLICY.
 */
export function liabilityPolicyAt(at: Date, policies: LiabilityPolicies = DEFAULT_LIABILITY_POLICIES): LiabilityPolicy {
  return validateLiabilityPolicy(policyInForce(asVersions(policies), at));
}
