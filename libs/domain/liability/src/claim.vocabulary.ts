/** What a compensation claim is for (理赔类型). Values are API: add, never rename. */
export const ClaimKind = {
  /** The whole parcel lost (丢失). */
  LOSS: 'LOSS',
  /** Damaged (破损). */
  DAMAGE: 'DAMAGE',
  /** Part of the contents missing (内件短少). */
  PARTIAL_LOSS: 'PARTIAL_LOSS',
  /** Delivered late or not yet (延误). */
  DELAY: 'DELAY',
} as const;
/** What a compensation claim is for (理赔类型). */
export type ClaimKind = (typeof ClaimKind)[keyof typeof ClaimKind];

/** All claim kinds, in declaration order. */
export const CLAIM_KINDS: readonly ClaimKind[] = Object.values(ClaimKind);

/** Chinese names of the claim kinds. */
export const CLAIM_KIND_NAMES_ZH: Readonly<Record<ClaimKind, string>> = { LOSS: '丢失', DAMAGE: '破损', PARTIAL_LOSS: '内件短少', DELAY: '延误' };

/**
 * Every kind of claim filed with the network (理赔类型): the compensation kinds (ClaimKind), return
 * freight after a refusal (拒收退回运费) and the refund of charges above the tariff (多收费退还,
 * decideOverchargeRefund). Values are API: add, never rename.
 */
export const FiledClaimKind = { ...ClaimKind, RETURN_FREIGHT: 'RETURN_FREIGHT', OVERCHARGE: 'OVERCHARGE' } as const;
/** Every kind of claim filed with the network (理赔类型). */
export type FiledClaimKind = (typeof FiledClaimKind)[keyof typeof FiledClaimKind];

/** All filed claim kinds, in declaration order. */
export const FILED_CLAIM_KINDS: readonly FiledClaimKind[] = Object.values(FiledClaimKind);

/** Chinese names of every filed claim kind. */
export const FILED_CLAIM_KIND_NAMES_ZH: Readonly<Record<FiledClaimKind, string>> = { ...CLAIM_KIND_NAMES_ZH, RETURN_FREIGHT: '拒收退回运费', OVERCHARGE: '多收费退还' };

/** Why the carrier is not liable (免责事由): Civil Code arts. 832, 835; Postal Law art. 48. */
export const Exemption = {
  /** Force majeure (不可抗力): the freight is still refunded, an insured parcel still paid. */
  FORCE_MAJEURE: 'FORCE_MAJEURE',
  /** The goods' own nature or normal wear (货物本身的自然性质或合理损耗). */
  GOODS_NATURE: 'GOODS_NATURE',
  /** The shipper's fault (寄件人过错), e.g. bad packing, a false declaration. */
  SHIPPER_FAULT: 'SHIPPER_FAULT',
  /** The consignee's fault (收件人过错). */
  CONSIGNEE_FAULT: 'CONSIGNEE_FAULT',
} as const;
/** Why the carrier is not liable (免责事由). */
export type Exemption = (typeof Exemption)[keyof typeof Exemption];

/** All exemptions, in declaration order. */
export const EXEMPTIONS: readonly Exemption[] = Object.values(Exemption);

/** Chinese names of the exemptions. */
export const EXEMPTION_NAMES_ZH: Readonly<Record<Exemption, string>> = {
  FORCE_MAJEURE: '不可抗力',
  GOODS_NATURE: '货物本身性质或合理损耗',
  SHIPPER_FAULT: '寄件人过错',
  CONSIGNEE_FAULT: '收件人过错',
};
