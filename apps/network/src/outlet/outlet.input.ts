import { Field, ID, InputType, Int } from 'type-graphql';
import { OutletKind } from '../common/enums';

/** Filters of the outlet directory; all given filters must hold. */
@InputType({ description: 'Filters of the outlet directory (all given filters must hold).' })
export class OutletFilter {
  @Field({ nullable: true, description: 'Province: `44` or `440000`.' })
  provinceCode?: string;

  @Field({ nullable: true, description: 'City: `4403` or `440300`.' })
  cityCode?: string;

  @Field({ nullable: true, description: 'District (区县): `440305`.' })
  districtCode?: string;

  @Field(() => OutletKind, { nullable: true })
  kind?: OutletKind;

  @Field({ nullable: true, description: 'Part of the name, code or address (case-insensitive); blank means no filter.' })
  text?: string;
}

/** A new outlet (开设网点). HQ only. */
@InputType()
export class CreateOutletInput {
  @Field({ description: '`<districtCode>-<seq>`, e.g. `440305-001`; unique.' })
  code: string;

  @Field()
  name: string;

  @Field(() => OutletKind)
  kind: OutletKind;

  @Field({ description: 'Six-digit county-level code (区县) the outlet is registered in.' })
  districtCode: string;

  @Field({ nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  managerName?: string | null;

  @Field(() => String, { nullable: true })
  managerPhone?: string | null;

  @Field(() => ID, { nullable: true })
  transitCentreId?: string | null;
}

/** Changes to an outlet; omitted fields stay, null clears an optional one. */
@InputType()
export class UpdateOutletInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT (STALE_VERSION).' })
  version: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => OutletKind, { nullable: true, description: 'HQ only.' })
  kind?: OutletKind;

  @Field({ nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  managerName?: string | null;

  @Field(() => String, { nullable: true })
  managerPhone?: string | null;

  @Field(() => ID, { nullable: true, description: 'HQ only.' })
  transitCentreId?: string | null;
}
