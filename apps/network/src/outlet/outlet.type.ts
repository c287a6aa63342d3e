import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OutletKind } from '../common/enums';
import type { OutletEntity } from './outlet.entity';

/**
 * Outlet (网点): collects and delivers in its districts. Directory data: every network reader
 * sees these fields; phones, couriers, areas and contacts follow the access policy (common/access.ts).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Outlet (网点): collects (揽收) and delivers (派送) in its area.' })
export class Outlet {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Outlet code (网点编号), `<district>-<seq>`, e.g. `440305-001`.' })
  code: string;

  @Field()
  name: string;

  @Field(() => OutletKind)
  kind: OutletKind;

  @Field({ description: 'Two-digit GB/T 2260 province prefix, e.g. `44`.' })
  provinceCode: string;

  @Field({ description: 'Four-digit GB/T 2260 city prefix, e.g. `4403`.' })
  cityCode: string;

  @Field({ description: 'Six-digit county-level code (区县), e.g. `440305`.' })
  districtCode: string;

  @Field({ description: 'Province name (省), e.g. 广东省.' })
  provinceName: string;

  @Field({ description: 'City name (市), e.g. 深圳市; a municipality repeats its name (北京市).' })
  cityName: string;

  @Field({ description: 'District name (区县), e.g. 南山区.' })
  districtName: string;

  @Field()
  address: string;

  @Field(() => String, { nullable: true, description: 'Outlet manager (网点负责人).' })
  managerName: string | null;

  @Field(() => Int, { description: 'Send it back with an update; a stale version is refused with CONFLICT.' })
  version: number;

  /** Raw desk number; exposed only through the masking field resolver. */
  phoneNumber: string | null;

  /** Raw manager number; exposed only through the masking field resolver. */
  managerPhoneNumber: string | null;

  transitCentreId: string | null;
}

/** The schema's view of an outlet row. */
export function toOutlet(row: OutletEntity): Outlet {
  return Object.assign(new Outlet(), {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    provinceName: row.provinceName,
    cityName: row.cityName,
    districtName: row.districtName,
    address: row.address,
    managerName: row.managerName,
    version: row.version,
    phoneNumber: row.phone,
    managerPhoneNumber: row.managerPhone,
    transitCentreId: row.transitCentreId,
  });
}
