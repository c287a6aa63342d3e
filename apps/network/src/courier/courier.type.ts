import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { CourierEntity } from './courier.entity';

/** Courier (快递员、业务员): picks up and delivers within the delivery areas assigned to them. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Courier (快递员): picks up and delivers within assigned delivery areas (承包区).' })
export class Courier {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Courier code (业务员编号), `<outlet code>-<seq>`, e.g. `440305-001-007`.' })
  code: string;

  @Field({ description: 'Eight-digit employee number (工号).' })
  employeeNo: string;

  @Field()
  name: string;

  @Field({ description: 'False once the courier has left; history keeps the name.' })
  active: boolean;

  @Field(() => Int)
  version: number;

  outletId: string;

  /** Raw mobile number; exposed only through the masking field resolver. */
  phoneNumber: string;
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
    phoneNumber: row.phone,
  });
}
