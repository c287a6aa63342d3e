import type { GatewayReason } from './gateway.reasons';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

// Both checks below refuse, as a client error, a request @apollo/gateway would otherwise fail
// with a plain error while planning, which Apollo Server answers 500.

/**
 * `mutation` or `subscription` on a graph without that root type. graphql-js 16 lets it through
 * validation (v17 adds KnownOperationTypesRule, which this mirrors).
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The graph does not support ${node.operation} operations`, { nodes: node, extensions: { reason: 'OPERATION_TYPE_UNSUPPORTED' satisfies GatewayReason } }));
      }
    },
  };
}

/**
 * A document whose operation cannot be picked: an unknown `operationName`, or several
 * operations and no name. Apollo Server leaves that to the executor.
 */
export const operationResolution: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const named = typeof request.operationName === 'string' && request.operationName !== '';
        // The name is not echoed: it is client text of any length.
        throw new GraphQLError(named ? 'The document has no operation of the requested name' : 'The document has several operations: name the one to run', {
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE', reason: (named ? 'OPERATION_NOT_FOUND' : 'OPERATION_NAME_REQUIRED') satisfies GatewayReason, http: { status: 400 } },
        });
      },
    };
  },
};
