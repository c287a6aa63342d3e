import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { scopeAuthChecker } from './auth-checker';
import { checkArguments } from './argument-checks';
import { DateTimeScalar } from './date-time.scalar';

/**
 * The Federation 2 version and directives our subgraphs speak. 2.9 for `@cost` and `@listSize`
 * (demand control): composition carries them into the supergraph, where the gateway reads them.
 */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@cost", "@listSize"])';

/** `__resolveReference` functions per entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/** What every subgraph gets from the platform, with the few choices a subgraph makes. */
export interface FederatedSchemaDefaults {
  /** Batch mutations that refuse NUL characters per item (in their results) rather than for the whole call. */
  readonly perItemFields?: ReadonlySet<string>;
}

/**
 * Turns type-graphql resolvers (entities carry `@Directive('@key(fields: "id")')`) into a
 * Federation 2 subgraph schema: type-graphql builds the schema, we print it with its
 * directives, and `@apollo/subgraph` adds `_service`, `_entities` and the reference resolvers.
 * No global middlewares: plain property fields resolve plainly. Every `Date` is our DateTimeISO
 * scalar; where there are arguments, unreadable date-times and NUL characters are refused with
 * BAD_USER_INPUT naming the argument (argument-checks.ts).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker' | 'globalMiddlewares'>,
  referenceResolvers: ReferenceResolvers = {},
  defaults: FederatedSchemaDefaults = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }, ...(options.scalarsMap ?? [])],
    authChecker: scopeAuthChecker,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  checkArguments(schema, resolvers, defaults.perItemFields);
  for (const [typeName, ref] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...ref } as never;
  }
  return buildSubgraphSchema({ typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), resolvers });
}
