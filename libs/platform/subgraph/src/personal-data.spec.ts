import { graphql, type GraphQLSchema } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role, Scope, type Identity } from '@courierdesk/platform-auth';
import { auditPersonalData, PersonalData, personalDataFields } from './personal-data';
import { buildFederatedSchema } from './schema';

// A small directory: a desk belongs to an outlet (its phone by field resolver), or to the network.
@Directive('@key(fields: "id")')
@ObjectType()
class Desk {
  @Field(() => ID)
  id: string;

  @PersonalData<Desk>({ subject: (desk) => (desk.courier ? 'COURIER' : 'STAFF'), datum: 'NAME', owner: (desk) => (desk.outletId ? { outletIds: [desk.outletId] } : 'NETWORK') })
  @Field(() => String, { nullable: true })
  name: string;

  @Field({ description: 'What the desk does, not who staffs it.' })
  roleName: string;

  outletId: string | null;
  courier: boolean;
  phoneNumber: string;
}

const desk = (id: string, outletId: string | null, name: string, phoneNumber: string, courier = false) =>
  Object.assign(new Desk(), { id, outletId, name, roleName: `${id} desk`, phoneNumber, courier });
const DESKS = [desk('d1', 'o-1', '张三', '13800000001'), desk('d2', 'o-2', '欧阳娜娜', '13800000002', true), desk('d3', null, '王总部', '0755-29990000')];
const lookups: string[] = [];

@Resolver(() => Desk)
class DeskResolver {
  @Query(() => [Desk])
  desks(): Desk[] {
    return DESKS;
  }

  // The owner is looked up asynchronously, as a loader would.
  @PersonalData<Desk>({ subject: 'STAFF', datum: 'PHONE', owner: async (d, ctx) => (lookups.push(`${ctx.requestId}:${d.id}`), d.outletId ? { outletIds: [d.outletId] } : 'NETWORK') })
  @FieldResolver(() => String, { nullable: true })
  phone(@Root() d: Desk, @Ctx() _ctx: unknown): string {
    return d.phoneNumber;
  }
}

const who = (roles: Role[], scopes: Scope[], outletId: string | null = null): Identity => ({ subject: 's', roles, scopes, outletId, tokenId: 't' });

describe('@PersonalData', () => {
  let run: (identity: Identity, query: string, variables?: Record<string, unknown>) => Promise<any>;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildFederatedSchema(
      { resolvers: [DeskResolver], orphanedTypes: [Desk] },
      { Desk: { __resolveReference: (ref: { id: string }) => DESKS.find((d) => d.id === ref.id) ?? null } },
    );
    run = async (identity, query, variables) => {
      const res = await graphql({ schema, source: query, variableValues: variables, contextValue: { identity, requestId: 'r', loaders: {} } });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    expect([...personalDataFields(schema).values()]).toEqual([
      { typeName: 'Desk', fieldName: 'name', datum: 'NAME', subject: 'BY_ROW' },
      { typeName: 'Desk', fieldName: 'phone', datum: 'PHONE', subject: 'STAFF' },
    ]);
  });

  it.each([
    ['HQ agent: everything whole', who([Role.AGENT], [Scope.PERSONAL_DATA]), [['张三', '13800000001'], ['欧阳娜娜', '13800000002'], ['王总部', '0755-29990000']]],
    ['partner of o-1: its own whole, another outlet masked, the network desk whole', who([Role.OUTLET_PARTNER], [Scope.PERSONAL_DATA], 'o-1'), [['张三', '13800000001'], ['欧阳**', '138****0002'], ['王总部', '0755-29990000']]],
    ['analyst: masked', who([Role.ANALYST], [Scope.NETWORK_READ]), [['张*', '138****0001'], ['欧阳**', '138****0002'], ['王**', '0755-******00']]],
    ['scanner: hidden', who([Role.SCANNER], [Scope.TRACKING_INGEST]), [[null, null], [null, null], [null, null]]],
  ])('lists: %s', async (_name, identity, expected) => {
    const data = await run(identity, '{ desks { name phone roleName } }');
    expect(data.desks.map((d: any) => [d.name, d.phone])).toEqual(expected);
    expect(data.desks.map((d: any) => d.roleName)).toEqual(['d1 desk', 'd2 desk', 'd3 desk']);
  });

  it('applies the same policy to _entities', async () => {
    const data = await run(who([Role.OUTLET_PARTNER], [Scope.PERSONAL_DATA], 'o-2'), 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Desk { name phone } } }', {
      r: [{ __typename: 'Desk', id: 'd1' }, { __typename: 'Desk', id: 'd2' }],
    });
    expect(data._entities).toEqual([{ name: '张*', phone: '138****0001' }, { name: '欧阳娜娜', phone: '13800000002' }]);
  });

  it('asks for the owner only of fields the query selects', async () => {
    lookups.length = 0;
    await run(who([Role.AGENT], [Scope.PERSONAL_DATA]), '{ desks { name } }');
    expect(lookups).toEqual([]);
    await run(who([Role.AGENT], [Scope.PERSONAL_DATA]), '{ desks { phone } }');
    expect(lookups).toEqual(['r:d1', 'r:d2', 'r:d3']);
  });
});

// A field named like a person's datum but undeclared, and one declared but non-null.
@ObjectType()
class Parcel {
  @Field(() => ID)
  id: string;

  @Field()
  recipientName: string;

  @PersonalData<Parcel>({ subject: 'CUSTOMER', datum: 'PHONE', owner: () => null })
  @Field()
  recipientPhone: string;

  @Field()
  senderAddress: string;
}

@Resolver(() => Parcel)
class ParcelResolver {
  @Query(() => Parcel)
  parcel(): Parcel {
    return Object.assign(new Parcel(), { id: 'p', recipientName: '李四', recipientPhone: '13900000000', senderAddress: '某路' });
  }
}

describe('auditPersonalData', () => {
  it('passes a schema whose person-like fields are declared or allowed with a reason', async () => {
    const schema = await buildFederatedSchema({ resolvers: [DeskResolver], orphanedTypes: [Desk] });
    expect(auditPersonalData(schema, { 'Desk.roleName': 'What a desk does names no person.' })).toEqual([]);
  });

  it('names every field that could slip past, and every stale or empty allowance', async () => {
    const schema = await buildFederatedSchema({ resolvers: [ParcelResolver, DeskResolver], orphanedTypes: [Parcel, Desk] });
    expect(auditPersonalData(schema, { 'Parcel.senderAddress': ' ', 'Parcel.gone': 'was removed', 'Desk.name': 'declared as well' }).sort()).toEqual([
      'Desk.name is both declared personal data and allowed',
      'Desk.roleName looks like a person\'s datum: declare it @PersonalData, or allow it with the reason it is not',
      'Parcel.gone is allowed but is no leaf field of this schema',
      'Parcel.recipientName looks like a person\'s datum: declare it @PersonalData, or allow it with the reason it is not',
      'Parcel.recipientPhone is personal data: it must be a nullable String',
      'Parcel.senderAddress is allowed without a reason',
    ]);
  });
});
