import { assertValidDate, formatChinaTime } from './china-time';
import { SlaRuleError } from './sla.errors';

/** Anything versioned by effective date: a peak-season, anomaly or compensation policy. */
export interface Versioned {
  /** Stable name of this version, quoted by every decision made with it (e.g. `peak-2020.1`). */
  version: string;
  /** First instant the version applies; it applies until the next version's `effectiveFrom`. */
  effectiveFrom: Date;
}

/**
 * The version in force at `at`: the latest `effectiveFrom` not after it. Rules are evaluated by the
 * version in force at the time of the event, not today's, so an old case is judged by old rules.
 * Throws NO_POLICY_IN_FORCE when every version starts later, DUPLICATE_POLICY_VERSION when two
 * versions share a name or a start (the choice would depend on list order).
 */
export function policyInForce<P extends Versioned>(policies: readonly P[], at: Date): P {
  assertValidDate(at, 'at');
  const names = new Set<string>();
  const starts = new Set<number>();
  let inForce: P | null = null;
  for (const policy of policies) {
    const start = assertValidDate(policy.effectiveFrom, `effectiveFrom of ${policy.version}`).getTime();
    if (names.has(policy.version) || starts.has(start)) {
      throw new SlaRuleError('DUPLICATE_POLICY_VERSION', `policy version ${policy.version} is not unique by name and start`, {
        version: policy.version,
      });
    }
    names.add(policy.version);
    starts.add(start);
    if (start <= at.getTime() && (inForce === null || start > inForce.effectiveFrom.getTime())) inForce = policy;
  }
  if (inForce === null) {
    throw new SlaRuleError('NO_POLICY_IN_FORCE', `no policy version in force at ${formatChinaTime(at)} (UTC+8)`, {
      at: at.toISOString(),
      versions: policies.map((p) => p.version),
    });
  }
  return inForce;
}

/** A single policy or its versions, as callers hold them; always a list afterwards. */
export const asVersions = <P extends Versioned>(policies: P | readonly P[]): readonly P[] =>
  Array.isArray(policies) ? (policies as readonly P[]) : [policies as P];
