import { Field, Int, ObjectType } from 'type-graphql';
import type { AreaMatch as RankedArea } from '@courierdesk/domain-network';
import { AreaMatchQuality, AreaMatchReason } from '../common/enums';
import type { DeliveryAreaEntity } from './delivery-area.entity';
import { DeliveryArea, toDeliveryArea } from './delivery-area.type';

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

/** The schema's view of one of the matcher's answers (an area row with its open assignment). */
export function toAreaMatch(match: RankedArea<DeliveryAreaEntity>): AreaMatch {
  return Object.assign(new AreaMatch(), {
    area: toDeliveryArea(match.area),
    courierId: match.area.current?.courierId ?? null,
    outletId: match.area.outletId,
    matchedBy: match.reason,
    quality: match.quality,
    matched: match.matched,
    score: match.score,
  });
}
