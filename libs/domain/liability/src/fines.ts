import { sortScanEvents, type ScanEvent } from '@courierdesk/domain-parcel';
import { assertValidDate, formatChinaTime } from '@courierdesk/domain-sla';
import type { EvidenceOutcome } from '@courierdesk/domain-ticket';
import { totalOf, type AmountLine, type DecisionRecord } from './decision';
import { liabilityPolicyAt, type LiabilityPolicies } from './liability-policy';
import { formatYuan } from './money';

/** A sign-off the scans themselves show was premature (提前签收): the delivery went on after it. */
export interface PrematureSignOff {
  signedAt: Date;
  /** The first delivery scan after the sign-off (out for delivery, failed attempt, arrival). */
  laterScan: ScanEvent;
}

/** Scans that mean the parcel was still on its way after a sign-off. */
const STILL_DELIVERING = new Set(['ARRIVED_AT_HUB', 'DEPARTED_HUB', 'ARRIVED_AT_OUTLET', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED']);

/**
 * A premature sign-off (虚假签收) visible in the scans: a SIGNED scan followed by a scan that only a
 * parcel still on its way gets. Couriers sign early to dodge late-delivery fines; the status rules
 * drop the later scans as inconsistent, so this looks at the raw history. Null when none.
 */
export function prematureSignOff(scans: readonly ScanEvent[]): PrematureSignOff | null {
  let signedAt: Date | null = null;
  for (const event of sortScanEvents(scans)) {
    if (event.type === 'RETURN_STARTED') return null;
    if (event.type === 'SIGNED' && signedAt === null) signedAt = event.eventTime;
    else if (signedAt !== null && STILL_DELIVERING.has(event.type)) return { signedAt, laterScan: event };
  }
  return null;
}

/** What finesFor needs: the facts of one ticket against one outlet. */
export interface FineInput {
  outletId: string;
  /** When the case arose (ticket opened): the policy in force then applies. */
  at: Date;
  /**
   * A disputed complaint's evidence outcome (decideOnEvidence), with the complaint's reason:
   * AGAINST_OUTLET means the outlet did not produce accepted evidence in time.
   */
  evidence?: { reason: 'NOT_DELIVERED_UPSTAIRS' | 'OTHER'; outcome: EvidenceOutcome } | null;
  /**
   * A false or premature sign-off established: by the scans (`prematureSignOff`), or by a
   * "signed but not received" ticket lost on evidence (no signature, locker record or recording).
   */
  falseSignOff?: { premature: PrematureSignOff | null; notReceivedOutcome: EvidenceOutcome | null } | null;
  policies?: LiabilityPolicies;
}

/** The fines an outlet owes on a case (网点罚款), line by line. */
export interface FineDecision extends DecisionRecord {
  code: 'FINED' | 'NO_FINE' | 'PENDING_EVIDENCE';
  outletId: string;
  totalFen: number;
  lines: AmountLine[];
}

/**
 * Fines (罚款) an outlet owes on a case, by the policy in force at `at`: for a disputed complaint
 * lost for want of evidence in time (不上楼 without a photo or recording has its own, heavier
 * amount), and for a false or premature sign-off (虚假签收). A case still inside its evidence
 * deadline is PENDING_EVIDENCE and fines nothing yet.
 */
export function finesFor(input: FineInput): FineDecision {
  const at = assertValidDate(input.at, 'at');
  const policy = liabilityPolicyAt(at, input.policies);
  const lines: AmountLine[] = [];
  const zh: string[] = [];
  const codes: string[] = [];
  let pending = false;

  const evidence = input.evidence ?? null;
  if (evidence?.outcome === 'AGAINST_OUTLET') {
    const upstairs = evidence.reason === 'NOT_DELIVERED_UPSTAIRS';
    const amount = upstairs ? policy.fines.notDeliveredUpstairsNoEvidenceFen : policy.fines.otherNoEvidenceFen;
    lines.push({ code: upstairs ? 'FINE_NOT_UPSTAIRS_NO_EVIDENCE' : 'FINE_NO_EVIDENCE', amountFen: amount, ruleCode: 'fines.no-evidence' });
    codes.push(upstairs ? 'NOT_UPSTAIRS_NO_EVIDENCE' : 'NO_EVIDENCE');
    zh.push(upstairs ? `“未送货上楼”投诉，网点未按时提供上楼照片或通话录音，罚款${formatYuan(amount)}。` : `投诉未按时举证，罚款${formatYuan(amount)}。`);
  } else if (evidence?.outcome === 'PENDING') {
    pending = true;
    codes.push('EVIDENCE_PENDING');
    zh.push('举证期限未到，暂不处罚。');
  } else if (evidence?.outcome === 'FOR_OUTLET') {
    codes.push('EVIDENCE_ACCEPTED');
  }

  const sign = input.falseSignOff ?? null;
  if (sign && (sign.premature !== null || sign.notReceivedOutcome === 'AGAINST_OUTLET')) {
    const amount = policy.fines.falseSignOffFen;
    lines.push({ code: 'FINE_FALSE_SIGN_OFF', amountFen: amount, ruleCode: 'fines.false-sign-off' });
    codes.push(sign.premature ? 'PREMATURE_SIGN_OFF' : 'SIGN_OFF_NOT_PROVEN');
    zh.push(
      sign.premature
        ? `快件于${formatChinaTime(sign.premature.signedAt)}显示签收，之后仍有派送记录，属虚假签收，罚款${formatYuan(amount)}。`
        : `“签收未收到”投诉，网点未能提供签收底单、取件记录或录音，按虚假签收罚款${formatYuan(amount)}。`,
    );
  } else if (sign?.notReceivedOutcome === 'PENDING') {
    pending = true;
    codes.push('SIGN_OFF_EVIDENCE_PENDING');
    zh.push('签收举证期限未到，暂不处罚。');
  }

  const totalFen = totalOf(lines);
  const code = totalFen > 0 ? 'FINED' : pending ? 'PENDING_EVIDENCE' : 'NO_FINE';
  if (code === 'NO_FINE') zh.push('无需处罚。');
  return {
    code,
    outletId: input.outletId,
    totalFen,
    lines,
    ruleCode: 'fines',
    ruleVersion: policy.version,
    explanationZh: zh.join(''),
    codes: [code, ...codes],
  };
}
