import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { listSize } from '@courierdesk/platform-subgraph';
import { CoverageAnswer } from '../common/enums';
import { AreaMatch } from '../delivery-area/area-match.type';
import { District } from '../division/district.type';
import { Outlet } from '../outlet/outlet.type';

/** Most ranked areas one coverage answer lists (the best one decides; the rest are alternatives). */
export const MAX_COVERAGE_MATCHES = 20;

/** Most partner stations one coverage answer lists, in code order. */
export const MAX_SELF_PICKUP_STATIONS = 20;

/**
 * "Do we deliver here" (派送范围查询) for a district and, optionally, a street or landmark: whether
 * the network delivers there, by which outlet and courier, and where self pick-up applies. Not an
 * entity: an answer computed per question. Other subgraphs add what they know to `district`.
 */
@ObjectType({ description: 'Do we deliver here (派送范围/覆盖查询): whether a district — and a street or landmark in it — is served, by whom, and where self pick-up (自提) applies.' })
export class Coverage {
  @Field(() => District, { description: 'The district asked about (区县), with what other subgraphs know of it (surcharges, transit times).' })
  district: District;

  @Field({ description: 'The network delivers to the door in this district (有派送): it has delivery areas (承包区) or an outlet other than a partner station there. Partner stations alone do not make a district served.' })
  served: boolean;

  @Field(() => CoverageAnswer, { description: 'The verdict for this address: see CoverageAnswer.' })
  answer: CoverageAnswer;

  @Directive(listSize(MAX_COVERAGE_MATCHES))
  @Field(() => [AreaMatch], {
    description: `The areas whose street, name or landmark matches \`text\`, best first (as whoDeliversHere), at most \`limit\` (≤ ${MAX_COVERAGE_MATCHES}); empty without text.`,
  })
  matches: AreaMatch[];

  @Field(() => Int, { description: 'Delivery areas (承包区) of the district.' })
  areaCount: number;

  @Field(() => Int, { description: 'Delivery areas of the district with a courier now.' })
  coveredAreaCount: number;

  @Directive(listSize(MAX_SELF_PICKUP_STATIONS))
  @Field(() => [Outlet], {
    description: `Partner stations (驿站、代收点, kind PARTNER_STATION) in the district, in code order, at most ${MAX_SELF_PICKUP_STATIONS}: self pick-up (自提) applies there. Where the matched area has no courier now, this is where the parcel waits for the recipient.`,
  })
  selfPickupStations: Outlet[];

  /** Text the agent gave (trimmed), or null. */
  text: string | null;
  outletId: string | null;
  courierId: string | null;
  stationCount: number;
  moreStations: boolean;
}
