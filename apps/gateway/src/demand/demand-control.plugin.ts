import type { GatewayReason } from '../gateway.reasons';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { Identity } from '@courierdesk/platform-auth';
import type { GatewayContext } from '../gateway.context';
import type { CostDirectives } from './cost-directives';
import { estimateCost } from './cost-estimate';
import type { DemandLimits } from './demand-limits';

/** Refusal of an operation estimated over the caller's budget; the numbers stay private. */
export const costLimitError = (): GraphQLError =>
  new GraphQLError('The query asks for too much at once: request smaller pages (`first`) or fewer nested lists', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT' satisfies GatewayReason, http: { status: 400 } },
  });

/** What is sent instead of a response over the size cap. */
export const RESPONSE_TOO_LARGE = {
  message: 'The response is too large: request smaller pages (`first`) or fewer fields',
  extensions: { code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE' satisfies GatewayReason },
} as const;

/** The caller's budget: the most generous of its roles' (a token without a known role gets the tightest). */
export function costBudget(identity: Identity, limits: DemandLimits): number {
  const budgets = identity.roles.map((role) => limits.costByRole[role]).filter((n) => n !== undefined);
  return budgets.length > 0 ? Math.max(...budgets) : Math.min(...Object.values(limits.costByRole));
}

/**
 * Demand control at the gateway: every operation's cost is estimated from the supergraph's
 * `@listSize`/`@cost` before it is planned, and refused over the caller's budget — in
 * milliseconds, before any subgraph is called. `stringifyResult` is the second wall: a response
 * body over the cap is replaced by an error (the status is already sent as 200 by then).
 */
export function demandControl(directives: CostDirectives, limits: DemandLimits, logger: Logger) {
  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          const budget = costBudget(contextValue.identity, limits);
          let cost: number | null;
          try {
            cost = estimateCost(schema, directives, { document, operationName: request.operationName, variables: request.variables });
          } catch (err) {
            // graphql-query-complexity stops at 10,000 selections walked (fragments spread over and
            // over): such a document is refused like an expensive one, as is any estimate that fails.
            if (!(err instanceof GraphQLError)) logger.error({ err, requestId: contextValue.requestId }, 'cost estimate failed');
            cost = Number.POSITIVE_INFINITY;
          }
          if (cost !== null && cost > budget) {
            logger.info({ requestId: contextValue.requestId, cost, budget, subject: contextValue.identity.subject }, 'refused an operation over its cost budget');
            throw costLimitError();
          }
        },
      };
    },
  };

  const stringifyResult = (result: FormattedExecutionResult): string => {
    const body = `${JSON.stringify(result)}\n`;
    if (body.length <= limits.maxResponseBytes / 3 || Buffer.byteLength(body, 'utf8') <= limits.maxResponseBytes) return body;
    logger.warn({ bytes: Buffer.byteLength(body, 'utf8'), cap: limits.maxResponseBytes }, 'replaced a response over the size cap');
    return `${JSON.stringify({ errors: [RESPONSE_TOO_LARGE], data: null })}\n`;
  };

  return { plugin, stringifyResult };
}
