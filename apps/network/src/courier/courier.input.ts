import { Field, ID, InputType, Int } from 'type-graphql';

/** A new courier at an outlet (新增业务员). */
@InputType()
export class CreateCourierInput {
  @Field(() => ID)
  outletId: string;

  @Field({ description: '`<outlet code>-<seq>`, e.g. `440305-001-007`; unique.' })
  code: string;

  @Field({ description: 'Eight-digit employee number (工号); unique.' })
  employeeNo: string;

  @Field()
  name: string;

  @Field({ description: 'Mobile number (手机号).' })
  phone: string;
}

/** Changes to a courier; omitted fields stay. Deactivate only after handing over their areas. */
@InputType()
export class UpdateCourierInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  active?: boolean;
}
