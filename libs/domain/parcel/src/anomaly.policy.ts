import { Versioned, assertValidDate, chinaTime } from '@courierdesk/domain-sla';
import { ParcelRuleError } from './parcel.errors';
import { SIGNER_KINDS, SignerKind } from './scan-event';

/** Versioned thresholds of the anomaly rules (异常件规则): data, evaluated by the version in force at the event. */
export interface AnomalyPolicy extends Versioned {
  /** No next scan at one hub or outlet for more than this is a stall (滞留). */
  stallHours: number;
  /** No pickup scan this long after the waybill was created (无揽收记录). */
  noPickupHours: number;
  /** This many failed delivery attempts or more is repeated failure (多次派送失败). */
  repeatedFailureCount: number;
  /** No arrival at the destination outlet this long after the last hub departure (未到达派件网点). */
  finalOutletArrivalHours: number;
  /** Signer kinds whose signature is "someone other than the recipient" (他人代签). */
  signedByOtherKinds: readonly SignerKind[];
  /** Stretch the time thresholds in peak seasons (旺季) by the peak-season policy. */
  stretchInPeakSeason: boolean;
}

/**
 * Default anomaly policy: stall 72 h (the job's "more than 3 days"), no pickup 24 h, ≥ 2 failed
 * attempts, 48 h from the last hub departure to the destination outlet; every signature not by
 * the recipient in person is flagged, lockers and stations included, because a drop without consent
 * is a violation (Express Market Regulations 2024) and the usual cause of "signed but not received".
 */
export const DEFAULT_ANOMALY_POLICY: AnomalyPolicy = {
  version: 'anomaly-2020.1',
  effectiveFrom: chinaTime(2020, 1, 1),
  stallHours: 72,
  noPickupHours: 24,
  repeatedFailureCount: 2,
  finalOutletArrivalHours: 48,
  signedByOtherKinds: SIGNER_KINDS.filter((kind) => kind !== 'RECIPIENT'),
  stretchInPeakSeason: true,
};

const positive = (n: number): boolean => Number.isFinite(n) && n > 0;

/** Checks an anomaly policy loaded from data; returns it. Throws INVALID_ANOMALY_POLICY. */
export function validateAnomalyPolicy(policy: AnomalyPolicy): AnomalyPolicy {
  const invalid = (why: string) =>
    new ParcelRuleError('INVALID_ANOMALY_POLICY', `anomaly policy ${policy?.version}: ${why}`, {
      version: policy?.version,
      reason: why,
    });
  if (!policy?.version?.trim()) throw invalid('no version');
  assertValidDate(policy.effectiveFrom, 'effectiveFrom');
  for (const field of ['stallHours', 'noPickupHours', 'finalOutletArrivalHours'] as const) {
    if (!positive(policy[field])) throw invalid(`${field} must be > 0`);
  }
  if (!Number.isInteger(policy.repeatedFailureCount) || policy.repeatedFailureCount < 1) {
    throw invalid('repeatedFailureCount must be an integer ≥ 1');
  }
  for (const kind of policy.signedByOtherKinds ?? []) {
    if (!(SIGNER_KINDS as readonly string[]).includes(kind)) throw invalid(`unknown signer kind ${kind}`);
    if (kind === 'RECIPIENT') throw invalid('the recipient is not "someone other than the recipient"');
  }
  if (typeof policy.stretchInPeakSeason !== 'boolean') throw invalid('stretchInPeakSeason must be true or false');
  return policy;
}
