import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { hasScopes, Scope } from '@courierdesk/platform-auth';
import type { GatewayContext } from './gateway.context';

/** True when the operation asks for `__schema` or `__type` anywhere (fragments included). */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/**
 * Schema introspection is for people exploring the graph (agents, analysts, admins, the IDE),
 * not for partner apps: it maps the whole attack surface. `__typename` stays free.
 */
export const introspectionGate: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, contextValue }) {
        if (document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION) && asksForIntrospection(document) && !hasScopes(contextValue.identity, [Scope.INTROSPECT])) {
          throw new GraphQLError('Introspection is not allowed for this token', { extensions: { code: 'FORBIDDEN', reason: 'SCOPE_MISSING', http: { status: 403 } } });
        }
      },
    };
  },
};
