import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { TransitCentreEntity } from './transit-centre.entity';

/** Transit centre (分拨中心、中转中心): the hub that sorts and forwards parcels for a city's outlets. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Transit centre (分拨中心): the hub that sorts and forwards parcels for its outlets.' })
export class TransitCentre {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Centre code (分拨中心编号), `TC-<city>-<seq>`, e.g. `TC-4403-01`.' })
  code: string;

  @Field()
  name: string;

  @Field({ description: 'Two-digit GB/T 2260 province prefix, e.g. `44`.' })
  provinceCode: string;

  @Field({ description: 'Four-digit GB/T 2260 city prefix, e.g. `4403`.' })
  cityCode: string;

  @Field({ description: 'Six-digit county-level code (区县) where the centre stands.' })
  districtCode: string;

  @Field()
  address: string;

  @Field(() => Int)
  version: number;
}

/** The schema's view of a transit centre row. */
export function toTransitCentre(row: TransitCentreEntity): TransitCentre {
  return Object.assign(new TransitCentre(), {
    id: row.id,
    code: row.code,
    name: row.name,
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    address: row.address,
    version: row.version,
  });
}
