import { Field, ObjectType } from 'type-graphql';

/** One reason an item of a batch was refused. */
@ObjectType({ description: 'Why one item of a batch was refused: the field and a stable code.' })
export class ItemRejection {
  @Field()
  field: string;

  @Field({ description: 'Stable code, e.g. INVALID_WAYBILL_NO, UNKNOWN_WAYBILL, LOCATION_REQUIRED, EVENT_TIME_IN_FUTURE.' })
  code: string;

  @Field()
  message: string;
}
