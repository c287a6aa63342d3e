import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonalData } from '@courierdesk/platform-subgraph';
import { ofOutlet } from '../common/access';
import type { CourierEntity } from './courier.entity';

/** Courier (快递员、业务员): picks up and delivers within the delivery areas assigned to them. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Courier (快递员): picks up and delivers within assigned delivery areas (承包区).' })
export class Courier {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Courier code (业务员编号), `<outlet code>-<seq>`, e.g. `440305-001-007`.' })
  code: string;

  @Field({ description: 'Eight-digit employee number (工号): how work orders name a courier without naming the person.' })
  employeeNo: string;

  @PersonalData<Courier>({ subject: 'COURIER', datum: 'NAME', owner: (courier) => ofOutlet(courier.outletId) })
  @Field(() => String, { nullable: true, description: 'Name; 张* outside your outlet or without pii:read.' })
  name: string;

  @PersonalData<Courier>({ subject: 'COURIER', datum: 'PHONE', owner: (courier) => ofOutlet(courier.outletId) })
  @Field(() => String, { nullable: true, description: 'Mobile; whole only with pii:read within your outlet (or not outlet-bound), else 138****1234.' })
  phone: string;

  @Field({ description: 'False once the courier has left; history keeps the name.' })
  active: boolean;

  @Field(() => Int)
  version: number;

  outletId: string;
}

/** The schema's view of a courier row. */
export function toCourier(row: CourierEntity): Courier {
  return Object.assign(new Courier(), {
    id: row.id,
    code: row.code,
    employeeNo: row.employeeNo,
    name: row.name,
    active: row.active,
    version: row.version,
    outletId: row.outletId,
    phone: row.phone,
  });
}
