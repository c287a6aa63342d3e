import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_KINDS, stripSuggestions } from '@courierdesk/platform-subgraph';
import { refineRequestError } from './request-errors';
import { SubgraphUnavailableError } from './subgraph-data-source';

/** Codes a client may see as they are: ours, and GraphQL's own request errors. */
const CLIENT_CODES = new Set<string>([
  ...ERROR_KINDS,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Message and code for a subgraph that did not answer: partial data, no internals. */
export const SERVICE_UNAVAILABLE = { code: 'SERVICE_UNAVAILABLE', message: 'Part of the graph is temporarily unavailable' } as const;

/**
 * What clients see of an error: stable codes and messages from our subgraphs and GraphQL
 * validation (suggestions removed); subgraph names, URLs, response bodies and stacks never.
 */
export function createGatewayErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { locations: formatted.locations, path: formatted.path };
    const original = unwrapResolverError(error);
    const cause = (original as { originalError?: unknown })?.originalError ?? original;
    if (cause instanceof SubgraphUnavailableError || original instanceof SubgraphUnavailableError) {
      logger.warn({ subgraph: (cause as SubgraphUnavailableError).subgraph, err: (cause as SubgraphUnavailableError).cause }, 'subgraph unavailable');
      return { ...base, message: SERVICE_UNAVAILABLE.message, extensions: { code: SERVICE_UNAVAILABLE.code } };
    }
    const code = formatted.extensions?.code;
    const refined = refineRequestError(code, formatted.message, original);
    if (refined) return { ...base, message: refined.message, extensions: refined.reason ? { code: refined.code, reason: refined.reason } : { code: refined.code } };
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const reason = formatted.extensions?.reason;
      return { ...base, message: stripSuggestions(formatted.message), extensions: typeof reason === 'string' ? { code, reason } : { code } };
    }
    logger.error({ err: original, formatted }, 'unexpected error at the gateway');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
