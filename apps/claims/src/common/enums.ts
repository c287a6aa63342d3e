import { registerEnumType } from 'type-graphql';
import { ClaimStatus, Exemption, FiledClaimKind, RefusalCause } from '@courierdesk/domain-liability';
import { EvidenceKind } from '@courierdesk/domain-ticket';

// The GraphQL enums are the liability library's vocabularies, registered once; values never drift from the rules.

/** What a claim is for (理赔类型): the library's filed claim kinds — compensation, return freight after a refusal, an overcharge refund. */
export const ClaimType = FiledClaimKind;
/** What a claim is for (理赔类型). */
export type ClaimType = (typeof ClaimType)[keyof typeof ClaimType];

/** Who claims (索赔人): the sender (寄件人) or the recipient (收件人). */
export const Claimant = { SENDER: 'SENDER', RECIPIENT: 'RECIPIENT' } as const;
/** Who claims (索赔人). */
export type Claimant = (typeof Claimant)[keyof typeof Claimant];

registerEnumType(ClaimType, { name: 'ClaimKind', description: 'What a claim is for (理赔类型): 丢失 LOSS, 破损 DAMAGE, 内件短少 PARTIAL_LOSS, 延误 DELAY, 拒收退回运费 RETURN_FREIGHT, 多收费退还 OVERCHARGE.' });
registerEnumType(Claimant, { name: 'Claimant', description: 'Who claims: the sender (寄件人) or the recipient (收件人).' });
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where the claim stands; it moves only by the allowed transitions (domain-liability CLAIM_TRANSITIONS). PAID is set by the payout alone.',
});
registerEnumType(RefusalCause, { name: 'RefusalCause', description: 'Why the consignee refused the parcel (拒收原因): the cause decides who pays the return freight.' });
registerEnumType(Exemption, { name: 'Exemption', description: 'Why the carrier is not liable (免责事由): force majeure, the goods’ nature, the shipper’s or the consignee’s fault.' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'Kind of evidence (证据): photo, recording, document, signature image, locker pick-up record.' });

