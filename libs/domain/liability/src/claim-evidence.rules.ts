import type { EvidenceKind } from '@courierdesk/domain-ticket';
import type { FiledClaimKind } from './claim.vocabulary';

/** A claim the evidence rules know: a compensation claim, return freight after a refusal, an overcharge refund. */
export type EvidenceClaimKind = FiledClaimKind;

/** One item of evidence a claim needs (理赔材料). */
export interface EvidenceRequirement {
  /** Stable code of the item, e.g. PROOF_OF_VALUE. */
  item: string;
  /** Evidence kinds that can serve as it. */
  accepted: readonly EvidenceKind[];
  /** ALWAYS, IF_INSURED, or OPTIONAL (helps, never required). */
  need: 'ALWAYS' | 'IF_INSURED' | 'OPTIONAL';
  nameZh: string;
}

const PROOF_OF_VALUE: EvidenceRequirement = { item: 'PROOF_OF_VALUE', accepted: ['DOCUMENT'], need: 'ALWAYS', nameZh: '价值证明（发票、订单或付款记录）' };
const INSURANCE_RECEIPT: EvidenceRequirement = { item: 'INSURANCE_RECEIPT', accepted: ['DOCUMENT'], need: 'IF_INSURED', nameZh: '保价凭证' };

/**
 * The evidence each claim kind needs (理赔所需材料). The agent guides the claimant to it; a claim is
 * reviewed only when every required item is on file. A delay needs none: the promise and the scans
 * are the network's own records; nor does an overcharge refund: the charges and the tariff are.
 */
export const DEFAULT_CLAIM_EVIDENCE: Readonly<Record<EvidenceClaimKind, readonly EvidenceRequirement[]>> = {
  LOSS: [PROOF_OF_VALUE, INSURANCE_RECEIPT],
  DAMAGE: [
    { item: 'DAMAGE_PHOTO', accepted: ['PHOTO'], need: 'ALWAYS', nameZh: '破损照片（外包装、内件及面单）' },
    PROOF_OF_VALUE,
    INSURANCE_RECEIPT,
    { item: 'REPAIR_QUOTE', accepted: ['DOCUMENT'], need: 'OPTIONAL', nameZh: '维修报价或检测报告' },
  ],
  PARTIAL_LOSS: [
    { item: 'CONTENTS_PHOTO', accepted: ['PHOTO'], need: 'ALWAYS', nameZh: '外包装、剩余内件及称重照片' },
    PROOF_OF_VALUE,
    INSURANCE_RECEIPT,
  ],
  DELAY: [],
  RETURN_FREIGHT: [{ item: 'REFUSAL_CAUSE_PROOF', accepted: ['PHOTO', 'RECORDING', 'DOCUMENT'], need: 'ALWAYS', nameZh: '拒收原因证明（照片、录音或平台记录）' }],
  // The charges and the tariff are the network's own records, checked by tracking's chargeCheck.
  OVERCHARGE: [],
};

