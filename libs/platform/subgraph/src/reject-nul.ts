import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { containsNul } from '@courierdesk/domain-core';
import { platformError } from './errors';

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a parameter fails the whole statement.
 * Every field that takes arguments refuses one here, before its resolver runs (BAD_USER_INPUT,
 * INVALID_CHARACTERS). Fields without arguments are left as they are: wrapping the thousands of
 * plain property fields of a list page cost most of its CPU when this was a global middleware.
 * Batch mutations named in `perItemFields` check each item themselves, so one bad item never
 * fails the others.
 */
export function rejectNulInArguments(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>, perItemFields: ReadonlySet<string> = new Set()): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 || perItemFields.has(field.name)) continue;
      const typeResolvers = (resolvers[type.name] ??= {}) as Record<string, unknown>;
      const existing = typeResolvers[field.name];
      const resolve = (typeof existing === 'function' ? existing : defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
      typeResolvers[field.name] = ((source, args, context, info) => {
        if (containsNul(args)) throw platformError('INVALID_CHARACTERS', `${field.name}: text must not contain NUL characters`);
        return resolve(source, args, context, info);
      }) satisfies GraphQLFieldResolver<unknown, unknown>;
    }
  }
}
