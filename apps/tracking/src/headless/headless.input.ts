import { Field, ID, InputType, Int } from 'type-graphql';
import { HeadlessParcelStatus, HeadlessPlaceKind } from './headless.type';

/** A headless parcel to register (无头件登记). */
@InputType({ description: 'A parcel found without its label (无头件登记): where and when, weight, size, packaging, contents, photo.' })
export class RegisterHeadlessParcelInput {
  @Field(() => HeadlessPlaceKind)
  foundPlaceKind: keyof typeof HeadlessPlaceKind;

  @Field(() => ID, { description: 'The transit centre or outlet where it was found (network id).' })
  foundPlaceId: string;

  @Field(() => Date, { description: 'When it was found; not in the future.' })
  foundAt: Date;

  @Field(() => Int, { description: 'Weight in grams, 1–1,000,000.' })
  weightGrams: number;

  @Field(() => Int, { description: 'Length in cm, 1–500.' })
  lengthCm: number;

  @Field(() => Int, { description: 'Width in cm, 1–500.' })
  widthCm: number;

  @Field(() => Int, { description: 'Height in cm, 1–500.' })
  heightCm: number;

  @Field(() => String, { nullable: true, description: 'Packaging (包装), at most 200 characters.' })
  packaging?: string | null;

  @Field(() => String, { nullable: true, description: 'What it holds (内件), at most 500 characters.' })
  contents?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference to its photo: 1–200 characters of letters, digits and `-_./:`, e.g. `evidence/2026/03/hp-1.jpg`.' })
  photoRef?: string | null;
}

/** Filters of the headless-parcel list. */
@InputType({ description: 'Filters of the headless-parcel list (无头件列表); all given must hold. Found range: from inclusive, to exclusive.' })
export class HeadlessParcelFilter {
  @Field(() => ID, { nullable: true, description: 'Found at this transit centre or outlet.' })
  placeId?: string | null;

  @Field(() => HeadlessParcelStatus, { nullable: true })
  status?: keyof typeof HeadlessParcelStatus | null;

  @Field(() => Date, { nullable: true })
  foundFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  foundTo?: Date | null;
}

/** A search for a waybill's headless parcel (查找无头件). */
@InputType({ description: 'Search the headless parcels for a lost or stalled waybill (查找无头件).' })
export class SearchHeadlessParcelsInput {
  @Field()
  waybillNo: string;

  @Field(() => String, { nullable: true, description: 'What the customer says is inside (托寄物); the waybill’s declared contents when absent. At most 200 characters.' })
  description?: string | null;

  @Field(() => [Int], { nullable: true, description: 'The size the customer gives, three dimensions in cm (any order).' })
  sizeCm?: number[] | null;
}

/** Confirming a proposed match (确认认领). */
@InputType({ description: 'Confirm that a proposed headless parcel is the waybill’s (确认认领): it is relabelled onto the waybill with a scan.' })
export class ConfirmHeadlessMatchInput {
  @Field()
  waybillNo: string;

  @Field(() => ID)
  headlessParcelId: string;

  @Field(() => ID, { nullable: true, description: 'The search that proposed it; any search of this waybill when absent.' })
  searchId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The parcel’s version as seen; CONFLICT (HEADLESS_PARCEL_VERSION_CONFLICT) if it changed since.' })
  expectedVersion?: number | null;
}
