import { Field, Int, ObjectType } from 'type-graphql';
import { AreaMatchQuality, AreaMatchReason } from '../common/enums';
import { DeliveryArea } from './delivery-area.type';

/** One ranked answer to "who delivers here" (谁派送这里). */
@ObjectType({ description: 'One ranked answer to "who delivers here" (谁派送这里), best first.' })
export class AreaMatch {
  @Field(() => DeliveryArea, { description: 'The matching area, whichever outlet it belongs to.' })
  area: DeliveryArea;

  @Field(() => AreaMatchReason)
  matchedBy: keyof typeof AreaMatchReason;

  @Field(() => AreaMatchQuality)
  quality: keyof typeof AreaMatchQuality;

  @Field({ description: 'The street, area or landmark name that matched.' })
  matched: string;

  @Field(() => Int, { description: 'Higher is better; comparable only within one answer.' })
  score: number;

  outletId: string;
  courierId: string | null;
}
