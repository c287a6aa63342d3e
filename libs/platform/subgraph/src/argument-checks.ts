import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { containsNul } from '@courierdesk/domain-core';
import { assertReadableDateTimes, takesDateTime } from './date-time.scalar';
import { platformError } from './errors';

/**
 * The checks every argument gets, once, where there are arguments, before the field's resolver:
 * - a date-time the DateTimeISO scalar could not read is BAD_USER_INPUT (INVALID_DATE_TIME),
 *   naming the argument and the accepted form (date-time.scalar.ts);
 * - PostgreSQL text cannot hold U+0000, which would fail the whole statement: a NUL is
 *   BAD_USER_INPUT (INVALID_CHARACTERS). Batch mutations named in `perItemFields` check each
 *   item themselves, so one bad item never fails the others.
 * Fields without arguments are left as they are: wrapping the thousands of plain property fields
 * of a list page cost most of its CPU when this was a global middleware.
 */
export function checkArguments(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>, perItemFields: ReadonlySet<string> = new Set()): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const dates = takesDateTime(field);
      const nul = !perItemFields.has(field.name);
      if (!dates && !nul) continue;
      const typeResolvers = (resolvers[type.name] ??= {}) as Record<string, unknown>;
      const existing = typeResolvers[field.name];
      const resolve = (typeof existing === 'function' ? existing : defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
      typeResolvers[field.name] = ((source, args, context, info) => {
        if (dates) assertReadableDateTimes(args);
        if (nul && containsNul(args)) throw platformError('INVALID_CHARACTERS', `${field.name}: text must not contain NUL characters`);
        return resolve(source, args, context, info);
      }) satisfies GraphQLFieldResolver<unknown, unknown>;
    }
  }
}
