import { Versioned, addHours, asVersions, assertValidDate, chinaTime, formatChinaTime, policyInForce } from '@courierdesk/domain-sla';
import { REASONS_BY_KIND, type TicketReason } from './ticket-reason';
import { TicketRuleError } from './ticket.errors';
import { EVIDENCE_KINDS, TICKET_KINDS, type EvidenceKind, type TicketKind } from './ticket.vocabulary';

/** One evidence rule: for a kind (and some of its reasons), which evidence the outlet owes, and by when. */
export interface EvidenceRule {
  kind: TicketKind;
  /** Reasons the rule covers; null for every reason of the kind. */
  reasons: readonly TicketReason[] | null;
  /** Hours from the ticket's opening to deliver the evidence (举证时限). */
  dueHours: number;
  /** Evidence kinds that can decide the case for the outlet. */
  accepted: readonly EvidenceKind[];
}

/** Versioned evidence rules (举证规则): data, applied by the version in force when the ticket opened. */
export interface EvidencePolicy extends Versioned {
  /** First matching rule wins: put reason-specific rules before catch-all ones. */
  rules: readonly EvidenceRule[];
}

/**
 * Default evidence rules, from the Express Market Regulations in force 2024-03-01 (a drop without
 * consent is a violation): a "not delivered upstairs" complaint is lost unless the outlet shows a
 * photo of delivery upstairs or a recording of the recipient agreeing otherwise; a sign-off dispute
 * needs proof of the signature or of consent. 24 hours is this desk's assumption, not a published
 * number: the outlet still has the photo on the courier's phone, and the customer's 7-day answer
 * deadline leaves time to decide.
 */
export const DEFAULT_EVIDENCE_POLICY: EvidencePolicy = {
  version: 'evidence-2024.1',
  effectiveFrom: chinaTime(2024, 3, 1),
  rules: [
    { kind: 'COMPLAINT', reasons: ['NOT_DELIVERED_UPSTAIRS'], dueHours: 24, accepted: ['PHOTO', 'RECORDING'] },
    { kind: 'COMPLAINT', reasons: ['UNCONSENTED_LOCKER_DROP'], dueHours: 24, accepted: ['RECORDING', 'PHOTO'] },
    { kind: 'COMPLAINT', reasons: ['PREMATURE_SIGN_OFF'], dueHours: 24, accepted: ['SIGNATURE_IMAGE', 'LOCKER_RECORD', 'RECORDING', 'PHOTO'] },
    // A receipt or the price list in force shows what was charged and what was allowed.
    { kind: 'COMPLAINT', reasons: ['OVERCHARGED'], dueHours: 48, accepted: ['DOCUMENT'] },
    { kind: 'SIGNED_NOT_RECEIVED', reasons: null, dueHours: 24, accepted: ['SIGNATURE_IMAGE', 'LOCKER_RECORD', 'RECORDING', 'PHOTO'] },
  ],
};

/** Checks an evidence policy loaded from data; returns it. Throws INVALID_EVIDENCE_POLICY. */
export function validateEvidencePolicy(policy: EvidencePolicy): EvidencePolicy {
  const invalid = (why: string) =>
    new TicketRuleError('INVALID_EVIDENCE_POLICY', `evidence policy ${policy?.version}: ${why}`, { version: policy?.version, reason: why });
  if (!policy?.version?.trim()) throw invalid('no version');
  assertValidDate(policy.effectiveFrom, 'effectiveFrom');
  for (const [i, rule] of (policy.rules ?? []).entries()) {
    if (!TICKET_KINDS.includes(rule.kind)) throw invalid(`rule ${i}: unknown kind ${rule.kind}`);
    for (const reason of rule.reasons ?? []) {
      if (!REASONS_BY_KIND[rule.kind].includes(reason)) throw invalid(`rule ${i}: ${reason} is not a reason for ${rule.kind}`);
    }
    if (!Number.isFinite(rule.dueHours) || rule.dueHours <= 0) throw invalid(`rule ${i}: dueHours must be > 0`);
    if (rule.accepted.length === 0 || rule.accepted.some((k) => !EVIDENCE_KINDS.includes(k))) throw invalid(`rule ${i}: accepted must list evidence kinds`);
  }
  return policy;
}

/** The evidence a case needs: by when, of which kinds, under which policy version. */
export interface EvidenceDeadline {
  dueAt: Date;
  accepted: readonly EvidenceKind[];
  policyVersion: string;
}

/**
 * When the outlet's evidence is due for a ticket (举证截止时间), by the policy version in force at
 * `openedAt`; null when the case needs no evidence. Throws NO_POLICY_IN_FORCE, INVALID_EVIDENCE_POLICY.
 */
export function evidenceDeadline(
  kind: TicketKind,
  reason: TicketReason,
  openedAt: Date,
  policies: EvidencePolicy | readonly EvidencePolicy[] = DEFAULT_EVIDENCE_POLICY,
): EvidenceDeadline | null {
  const policy = validateEvidencePolicy(policyInForce(asVersions(policies), openedAt));
  const rule = policy.rules.find((r) => r.kind === kind && (r.reasons === null || r.reasons.includes(reason)));
  return rule ? { dueAt: addHours(openedAt, rule.dueHours), accepted: rule.accepted, policyVersion: policy.version } : null;
}

/** True when evidence added at `addedAt` is in time; the deadline instant itself still is. */
export const isEvidenceInTime = (dueAt: Date, addedAt: Date): boolean =>
  assertValidDate(addedAt, 'addedAt').getTime() <= assertValidDate(dueAt, 'dueAt').getTime();

/** Throws EVIDENCE_AFTER_DEADLINE (CONFLICT) when evidence comes after its deadline. */
export function assertEvidenceInTime(dueAt: Date, addedAt: Date): void {
  if (!isEvidenceInTime(dueAt, addedAt)) {
    throw new TicketRuleError('EVIDENCE_AFTER_DEADLINE', `evidence was due by ${formatChinaTime(dueAt)} (UTC+8); added ${formatChinaTime(addedAt)}`, {
      dueAt: dueAt.toISOString(),
      addedAt: addedAt.toISOString(),
    });
  }
}

/** One piece of evidence on a ticket. */
export interface EvidenceItem {
  id: string;
  kind: EvidenceKind;
  addedAt: Date;
  /** An agent looked and it does not show what it should (a photo of the wrong door): it does not count. */
  rejected?: boolean;
}

/** How a disputed case stands on its evidence (举证结果). */
export type EvidenceOutcome = 'FOR_OUTLET' | 'AGAINST_OUTLET' | 'PENDING';

/** The decision, the evidence behind it, and the evidence that did not count and why. */
export interface EvidenceDecision {
  outcome: EvidenceOutcome;
  /** Accepted kinds, in time, not rejected. */
  counted: EvidenceItem[];
  late: EvidenceItem[];
  wrongKind: EvidenceItem[];
  rejected: EvidenceItem[];
  dueAt: Date;
  policyVersion: string;
  /** English with the Chinese term, for the agent. */
  explanation: string;
}

/**
 * Decides a disputed case on the evidence delivered in time (按时举证判定): FOR_OUTLET as soon as
 * one accepted, unrejected piece came by the deadline; AGAINST_OUTLET once the deadline has passed
 * without one (evidence after the deadline does not count, however good); PENDING until then.
 */
export function decideOnEvidence(deadline: EvidenceDeadline, evidence: readonly EvidenceItem[], now: Date): EvidenceDecision {
  const due = formatChinaTime(deadline.dueAt);
  const decision = { counted: [] as EvidenceItem[], late: [] as EvidenceItem[], wrongKind: [] as EvidenceItem[], rejected: [] as EvidenceItem[] };
  for (const item of evidence) {
    if (!deadline.accepted.includes(item.kind)) decision.wrongKind.push(item);
    else if (!isEvidenceInTime(deadline.dueAt, item.addedAt)) decision.late.push(item);
    else if (item.rejected) decision.rejected.push(item);
    else decision.counted.push(item);
  }
  const base = { ...decision, dueAt: deadline.dueAt, policyVersion: deadline.policyVersion };
  if (decision.counted.length > 0) {
    return { ...base, outcome: 'FOR_OUTLET', explanation: `evidence delivered in time (按时举证) by ${due} (UTC+8)` };
  }
  if (assertValidDate(now, 'now').getTime() > deadline.dueAt.getTime()) {
    return { ...base, outcome: 'AGAINST_OUTLET', explanation: `no accepted evidence by ${due} (UTC+8): not proven (举证不足)` };
  }
  return { ...base, outcome: 'PENDING', explanation: `waiting for ${deadline.accepted.join(' or ')} until ${due} (UTC+8) (待举证)` };
}
