import { Field, Int, ObjectType } from 'type-graphql';
import { DistanceClass, EtaConfidence, EtaSource } from '../common/enums';

/** An expected delivery time (预计送达时间). */
@ObjectType('DeliveryEstimate', { description: 'Expected delivery (预计送达) with its band, from lane history or the service level’s default.' })
export class DeliveryEstimate {
  @Field()
  expectedAt: Date;

  @Field()
  earliest: Date;

  @Field()
  latest: Date;

  @Field(() => EtaSource)
  source: keyof typeof EtaSource;

  @Field(() => Int, { description: 'Usable history samples on this lane and level.' })
  samples: number;

  @Field(() => EtaConfidence)
  confidence: keyof typeof EtaConfidence;

  @Field(() => DistanceClass)
  distanceClass: keyof typeof DistanceClass;

  @Field({ description: 'How the estimate was made, in one sentence (for a late parcel: since when, against which promise, and the re-estimate).' })
  basis: string;

  @Field({ description: 'The expected delivery counted from pickup (or the order time): what was promised. Late once it passes undelivered.' })
  promisedAt: Date;

  @Field({ description: 'Not delivered and past promisedAt (超时); expectedAt is then re-estimated from where the parcel is, never in the past.' })
  late: boolean;

  @Field(() => Date, { nullable: true, description: 'When it became late (= promisedAt); null while on time.' })
  lateSince: Date | null;
}
