import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MAX_LANDMARKS_PER_AREA } from '@courierdesk/domain-network';
import { listSize } from '@courierdesk/platform-subgraph';
import { LandmarkKind } from '../common/enums';
import type { AreaAssignmentEntity } from './area-assignment.entity';
import type { DeliveryAreaEntity } from './delivery-area.entity';

/** A named place inside a delivery area (地标): school, residential compound, unit, major customer. */
@ObjectType({ description: 'A named place inside a delivery area (地标).' })
export class Landmark {
  @Field()
  name: string;

  @Field(() => LandmarkKind)
  kind: LandmarkKind;
}

/** One step of an area's history (承包记录): who covered it during [from, to). */
@ObjectType({ description: 'Who covered a delivery area during [from, to) (承包记录); `to` is null while current.' })
export class AreaAssignment {
  @Field(() => ID)
  id: string;

  @Field()
  from: Date;

  @Field(() => Date, { nullable: true })
  to: Date | null;

  courierId: string;
}

/** Delivery area (承包区、派送片区): part of a town/street an outlet delivers, covered by one courier at a time. */
@ObjectType({ description: 'Delivery area (承包区): a street or part of one, served by an outlet and covered by one courier at a time.' })
export class DeliveryArea {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Six-digit county-level code (区县).' })
  districtCode: string;

  @Field({ description: 'Nine-digit town/street code (乡镇街道代码).' })
  streetCode: string;

  @Field({ description: 'Town/street name, e.g. 粤海街道.' })
  streetName: string;

  @Field()
  name: string;

  @Directive(listSize(MAX_LANDMARKS_PER_AREA))
  @Field(() => [Landmark], { description: `At most ${MAX_LANDMARKS_PER_AREA}.` })
  landmarks: Landmark[];

  @Field(() => Int)
  version: number;

  outletId: string;

  currentCourierId: string | null;
}

/** The schema's view of an area row (with its open assignment joined in). */
export function toDeliveryArea(row: DeliveryAreaEntity): DeliveryArea {
  return Object.assign(new DeliveryArea(), {
    id: row.id,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    streetName: row.streetName,
    name: row.name,
    landmarks: row.landmarks.map((l) => Object.assign(new Landmark(), { name: l.name, kind: l.kind })),
    version: row.version,
    outletId: row.outletId,
    currentCourierId: row.current?.courierId ?? null,
  });
}

/** The schema's view of an assignment row. */
export function toAreaAssignment(row: AreaAssignmentEntity): AreaAssignment {
  return Object.assign(new AreaAssignment(), { id: row.id, from: row.startsAt, to: row.endsAt, courierId: row.courierId });
}
