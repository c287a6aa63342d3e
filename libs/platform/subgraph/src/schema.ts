import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { scopeAuthChecker } from './auth-checker';
import { DateTimeScalar, rejectInvalidDateTimes } from './date-time.scalar';

/** The Federation 2 version and directives our subgraphs speak. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible"])';

/** `__resolveReference` functions per entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * Turns type-graphql resolvers (entities carry `@Directive('@key(fields: "id")')`) into a
 * Federation 2 subgraph schema: type-graphql builds the schema, we print it with its
 * directives, and `@apollo/subgraph` adds `_service`, `_entities` and the reference resolvers.
 * Every `Date` is our DateTimeISO scalar, whose unreadable inputs the first middleware refuses
 * with BAD_USER_INPUT naming the argument (date-time.scalar.ts).
 */
export async function buildFederatedSchema(options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>, referenceResolvers: ReferenceResolvers = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }, ...(options.scalarsMap ?? [])],
    globalMiddlewares: [rejectInvalidDateTimes, ...(options.globalMiddlewares ?? [])],
    authChecker: scopeAuthChecker,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, ref] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...ref } as never;
  }
  return buildSubgraphSchema({ typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), resolvers });
}
