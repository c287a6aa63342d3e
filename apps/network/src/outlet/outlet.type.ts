import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { ofOutlet } from '../common/access';
import { OutletKind } from '../common/enums';
import type { OutletEntity } from './outlet.entity';

/**
 * Outlet (网点): collects and delivers in its districts. Directory data: every network reader
 * sees these fields; its manager's name and phone and its desk phone are personal data of the
 * outlet's staff (common/access.ts).
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

  @Field({ description: 'Business address (营业地址): where customers hand parcels in.' })
  address: string;

  @PersonalData<Outlet>({ subject: 'STAFF', datum: 'NAME', owner: (outlet) => ofOutlet(outlet.id) })
  @Field(() => String, { nullable: true, description: 'Outlet manager (网点负责人); 张* outside your outlet or without pii:read.' })
  managerName: string | null;

  @PersonalData<Outlet>({ subject: 'STAFF', datum: 'PHONE', owner: (outlet) => ofOutlet(outlet.id) })
  @Field(() => String, { nullable: true, description: 'Desk phone; masked (0755-******78) outside your outlet or without pii:read.' })
  phone: string | null;

  @PersonalData<Outlet>({ subject: 'STAFF', datum: 'PHONE', owner: (outlet) => ofOutlet(outlet.id) })
  @Field(() => String, { nullable: true, description: 'Manager’s phone; masked outside your outlet or without pii:read.' })
  managerPhone: string | null;

  @Field(() => Int, { description: 'Send it back with an update; a stale version is refused with CONFLICT.' })
  version: number;

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
    phone: row.phone,
    managerPhone: row.managerPhone,
    transitCentreId: row.transitCentreId,
  });
}
