import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HEADLESS_MATCH_POLICY } from '@courierdesk/domain-parcel';
import { listSize } from '@courierdesk/platform-subgraph';
import type { HeadlessParcelRow, HeadlessProposalRow, HeadlessSearchRow } from './headless.row';

/** Where a headless parcel was found: a transit centre (分拨中心) or an outlet (网点). */
export const HeadlessPlaceKind = { HUB: 'HUB', OUTLET: 'OUTLET' } as const;
registerEnumType(HeadlessPlaceKind, { name: 'HeadlessPlaceKind', description: 'Where a headless parcel (无头件) was found: HUB (分拨中心) or OUTLET (网点).' });

/** Status of a headless parcel (无头件状态). */
export const HeadlessParcelStatus = { OPEN: 'OPEN', MATCHED: 'MATCHED', DISPOSED: 'DISPOSED' } as const;
registerEnumType(HeadlessParcelStatus, {
  name: 'HeadlessParcelStatus',
  description: 'OPEN: waiting for its waybill (待认领); MATCHED: relabelled onto its waybill (已认领); DISPOSED: handled otherwise after the storage period (已处理).',
});

/** Which part of a match a reason explains. */
export const HeadlessMatchComponent = { PLACE: 'PLACE', TIME: 'TIME', WEIGHT: 'WEIGHT', SIZE: 'SIZE', WORDS: 'WORDS' } as const;
registerEnumType(HeadlessMatchComponent, {
  name: 'HeadlessMatchComponent',
  description: 'A part of a headless-parcel match (无头件匹配): PLACE on the route, TIME found, WEIGHT, SIZE, WORDS of the description (托寄物).',
});

/** Reasons a proposal carries: one per component at most. */
export const MAX_MATCH_REASONS = Object.keys(HeadlessMatchComponent).length;

/** A headless parcel (无头件): found without its label, waiting for its waybill. */
@ObjectType({ description: 'Headless parcel (无头件): a parcel found without its label at a hub or outlet, with what can identify it.' })
export class HeadlessParcel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Readable number (无头件编号), `HP` + registration date + sequence: `HP20260303000042`.' })
  parcelNo: string;

  @Field(() => HeadlessPlaceKind)
  foundPlaceKind: keyof typeof HeadlessPlaceKind;

  @Field({ description: 'When it was found (发现时间).' })
  foundAt: Date;

  @Field({ description: 'When it was registered (登记时间).' })
  registeredAt: Date;

  @Field({ description: 'The account that registered it (登记人): a staff or device subject.' })
  registeredBy: string;

  @Field(() => Int, { description: 'Weight in grams (重量).' })
  weightGrams: number;

  @Field(() => Int, { description: 'Length in cm (长).' })
  lengthCm: number;

  @Field(() => Int, { description: 'Width in cm (宽).' })
  widthCm: number;

  @Field(() => Int, { description: 'Height in cm (高).' })
  heightCm: number;

  @Field(() => String, { nullable: true, description: 'Packaging (包装), e.g. `蓝色纸箱，胶带破损`.' })
  packaging: string | null;

  @Field(() => String, { nullable: true, description: 'What it holds (内件), as seen: goods, not a person’s data.' })
  contents: string | null;

  @Field(() => String, { nullable: true, description: 'Reference to its photo (照片) in the evidence store.' })
  photoRef: string | null;

  @Field(() => HeadlessParcelStatus)
  status: keyof typeof HeadlessParcelStatus;

  @Field(() => Date, { nullable: true, description: 'When it was matched to its waybill (认领时间).' })
  matchedAt: Date | null;

  @Field(() => Int, { description: 'Version for optimistic locking: pass it as confirmHeadlessMatch’s expectedVersion.' })
  version: number;

  row: HeadlessParcelRow;
}

/** Why a proposal scored what it did, one component. */
@ObjectType({ description: 'One part of a headless-parcel match (匹配理由): its points and why.' })
export class HeadlessMatchReason {
  @Field(() => HeadlessMatchComponent)
  component: keyof typeof HeadlessMatchComponent;

  @Field(() => Float)
  points: number;

  @Field()
  text: string;
}

/** A parcel a search proposed (匹配建议), ranked. */
@ObjectType({ description: 'A headless parcel proposed for a waybill (匹配建议): rank, score out of 100 and the reasons.' })
export class HeadlessMatchProposal {
  @Field(() => Int, { description: '1 = best.' })
  rank: number;

  @Field(() => Float, { description: 'Points out of 100 (place 30, time 20, weight 25, size 10, description 15).' })
  score: number;

  @Directive(listSize(MAX_MATCH_REASONS))
  @Field(() => [HeadlessMatchReason])
  reasons: HeadlessMatchReason[];

  row: HeadlessProposalRow;
}

/** A recorded search for a waybill's headless parcel (无头件查找记录). */
@ObjectType({
  description:
    'A recorded search for a lost or stalled waybill among headless parcels (无头件查找记录): who, when, by which policy version, and the ranked proposals — ' +
    'the evidence a claim for a lost parcel (丢失理赔) shows before it is paid.',
})
export class HeadlessSearch {
  @Field(() => ID)
  id: string;

  @Field()
  waybillNo: string;

  @Field()
  searchedAt: Date;

  @Field({ description: 'The account that searched (查找人).' })
  searchedBy: string;

  @Field({ description: `The matching policy’s version, e.g. \`${HEADLESS_MATCH_POLICY.version}\`.` })
  policyVersion: string;

  @Field(() => String, { nullable: true, description: 'The description searched with (托寄物): the agent’s, else the waybill’s.' })
  description: string | null;

  @Directive(listSize(3))
  @Field(() => [Int], { nullable: true, description: 'The size searched with, cm (长宽高), when given.' })
  sizeCm: number[] | null;

  @Field(() => Int, { description: 'Open parcels considered at the waybill’s places and times.' })
  candidateCount: number;

  @Field(() => Int, { description: 'Of those, excluded outright (weight far off, found too early or too late).' })
  excludedCount: number;

  row: HeadlessSearchRow;
}

/** The schema's view of a headless-parcel row. */
export function toHeadlessParcel(row: HeadlessParcelRow): HeadlessParcel {
  const { id, parcelNo, foundPlaceKind, foundAt, registeredAt, registeredBy, weightGrams, lengthCm, widthCm, heightCm, packaging, contents, photoRef, status, matchedAt, version } = row;
  return Object.assign(new HeadlessParcel(), { id, parcelNo, foundPlaceKind, foundAt, registeredAt, registeredBy, weightGrams, lengthCm, widthCm, heightCm, packaging, contents, photoRef, status, matchedAt, version, row });
}

/** The schema's view of a search row. */
export function toHeadlessSearch(row: HeadlessSearchRow): HeadlessSearch {
  const { id, waybillNo, searchedAt, searchedBy, policyVersion, description, sizeCm, candidateCount, excludedCount } = row;
  return Object.assign(new HeadlessSearch(), { id, waybillNo, searchedAt, searchedBy, policyVersion, description, sizeCm, candidateCount, excludedCount, row });
}

/** The schema's view of a proposal row. */
export function toHeadlessProposal(row: HeadlessProposalRow): HeadlessMatchProposal {
  return Object.assign(new HeadlessMatchProposal(), {
    rank: row.rank,
    score: row.score,
    reasons: row.reasons.map((r) => Object.assign(new HeadlessMatchReason(), r)),
    row,
  });
}
