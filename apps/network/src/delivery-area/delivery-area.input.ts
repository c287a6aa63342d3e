import { Field, ID, InputType, Int } from 'type-graphql';
import { LandmarkKind } from '../common/enums';

/** A landmark as entered. */
@InputType()
export class LandmarkInput {
  @Field()
  name: string;

  @Field(() => LandmarkKind)
  kind: LandmarkKind;
}

/** A new delivery area (新增承包区), optionally with its first courier. */
@InputType()
export class CreateDeliveryAreaInput {
  @Field(() => ID)
  outletId: string;

  @Field({ description: 'Nine-digit town/street code (乡镇街道代码); its first six digits are the district.' })
  streetCode: string;

  @Field({ nullable: true, description: 'Defaults to the name in the national register.' })
  streetName?: string;

  @Field()
  name: string;

  @Field(() => [LandmarkInput], { nullable: true })
  landmarks?: LandmarkInput[];

  @Field(() => ID, { nullable: true, description: 'The courier who covers it from now on.' })
  courierId?: string | null;
}

/** Changes to a delivery area; omitted fields stay, `landmarks` replaces the list. */
@InputType()
export class UpdateDeliveryAreaInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  streetName?: string;

  @Field(() => [LandmarkInput], { nullable: true })
  landmarks?: LandmarkInput[];
}

/** Hand one area to another courier (交接承包区). */
@InputType()
export class HandOverDeliveryAreaInput {
  @Field(() => ID)
  areaId: string;

  @Field(() => ID)
  toCourierId: string;

  @Field(() => ID, { nullable: true, description: 'The courier you believe covers it now; refused if someone else does.' })
  fromCourierId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the new courier takes over; default now, never in the future.' })
  effectiveAt?: Date | null;
}

/** Hand every area of a courier to another (离职交接), all or nothing. */
@InputType()
export class HandOverCourierAreasInput {
  @Field(() => ID)
  fromCourierId: string;

  @Field(() => ID)
  toCourierId: string;

  @Field(() => Date, { nullable: true })
  effectiveAt?: Date | null;
}
