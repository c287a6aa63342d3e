import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { InternalTokenVerifier, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { buildFederatedSchema, createLogger, keyedLoader, type RunningService, type SubgraphContext, startSubgraphServer, composeSupergraph } from '@courierdesk/platform-subgraph';

// Root fields are nullable, as cross-subgraph fields should be: one failing subgraph must not
// null the whole answer.
// Two small but real subgraphs (type-graphql → Federation 2 → HTTP with the signed context)
// so the gateway's own behaviour is tested without depending on any product subgraph.

const DEPOTS = [
  { id: 'd1', name: 'North', phone: '13800000001' },
  { id: 'd2', name: 'South', phone: '13800000002' },
];

@Directive('@key(fields: "id")')
@ObjectType()
export class Depot {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Authorized(Scope.PERSONAL_DATA)
  @Field(() => String, { nullable: true })
  phone: string | null;
}

@Resolver(() => Depot)
class DepotResolver {
  @Authorized(Scope.NETWORK_READ)
  @Query(() => [Depot], { nullable: true })
  depots(): Depot[] {
    return DEPOTS;
  }

  @FieldResolver(() => Depot, { nullable: true, description: 'The other depot: a cycle, for depth tests.' })
  next(@Root() depot: Depot): Depot {
    return DEPOTS.find((d) => d.id !== depot.id)!;
  }

  @Authorized(Scope.NETWORK_READ)
  @Query(() => String, { description: 'Who the subgraph thinks is calling (from the signed context).' })
  whoAmI(@Ctx() ctx: SubgraphContext): string {
    return `${ctx.identity.subject}|${ctx.identity.roles.join(',')}|${ctx.identity.outletId ?? '-'}`;
  }

  @Authorized(Scope.NETWORK_READ)
  @Query(() => String, { nullable: true })
  async slow(@Arg('ms', () => Int) ms: number): Promise<string> {
    await new Promise((r) => setTimeout(r, ms).unref());
    return 'done';
  }

  @Authorized(Scope.NETWORK_READ)
  @Mutation(() => String, { nullable: true, description: 'A write that changes nothing: GET must never run a mutation.' })
  touchDepot(@Arg('id', () => ID) id: string): string {
    return id;
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Depot')
class DepotStub {
  @Field(() => ID)
  id: string;
}

@ObjectType()
class Parcel {
  @Field(() => ID)
  no: string;

  @Field(() => DepotStub, { nullable: true })
  depot: DepotStub | null;
}

@Resolver(() => DepotStub)
class DepotParcelsResolver {
  @FieldResolver(() => Int, { nullable: true })
  parcelCount(@Root() depot: DepotStub): number {
    return depot.id === 'd1' ? 3 : 1;
  }
}

@Resolver(() => Parcel)
class ParcelResolver {
  @Authorized(Scope.NETWORK_READ)
  @Query(() => [Parcel], { nullable: true })
  parcels(): Parcel[] {
    return [
      { no: 'P1', depot: { id: 'd1' } },
      { no: 'P2', depot: { id: 'd2' } },
    ];
  }

  @Authorized(Scope.NETWORK_READ)
  @Query(() => String, { nullable: true })
  crash(): string {
    throw new Error('connect ECONNREFUSED 10.0.0.9:5432 — password authentication failed for user "parcels"');
  }
}

/** A running pair of fixture subgraphs with the supergraph they compose to. */
export interface Fixture {
  readonly depots: RunningService;
  readonly parcels: RunningService;
  readonly supergraphSdl: string;
}

export async function startFixtureSubgraphs(internalKey: SigningKey): Promise<Fixture> {
  const logger = createLogger('fixture', 'silent');
  const depotsSchema = await buildFederatedSchema(
    { resolvers: [DepotResolver], orphanedTypes: [Depot] },
    { Depot: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext<{ depot: ReturnType<typeof keyedLoader<string, Depot>> }>) => ctx.loaders.depot.load(ref.id) } },
  );
  const parcelsSchema = await buildFederatedSchema({ resolvers: [ParcelResolver, DepotParcelsResolver], orphanedTypes: [DepotStub] });
  const depots = await startSubgraphServer({
    name: 'depots',
    schema: depotsSchema,
    verifier: new InternalTokenVerifier(internalKey.publicJwks, 'depots'),
    createLoaders: () => ({ depot: keyedLoader(async (ids: readonly string[]) => DEPOTS.filter((d) => ids.includes(d.id)), (d) => d.id) }),
    logger,
  });
  const parcels = await startSubgraphServer({
    name: 'parcels',
    schema: parcelsSchema,
    verifier: new InternalTokenVerifier(internalKey.publicJwks, 'parcels'),
    createLoaders: () => ({}),
    logger,
  });
  const supergraphSdl = composeSupergraph([
    { name: 'depots', url: 'http://depots.invalid/graphql', schema: depotsSchema },
    { name: 'parcels', url: 'http://parcels.invalid/graphql', schema: parcelsSchema },
  ]);
  return { depots, parcels, supergraphSdl };
}
