import type { GatewayReason } from './gateway.reasons';
import type { ErrorRequestHandler } from 'express';
import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * Client errors raised before anything runs: query limits, malformed requests, persisted-query
 * mismatches. Each answers 4xx with a stable `code` and a `reason`; limit messages name the
 * kind of limit but never its number (an attacker would tune to it).
 */

/** Which query limit refused a document. `COST_LIMIT` comes from the demand-control plugin. */
export type LimitReason = Extract<GatewayReason, 'DEPTH_LIMIT' | 'ALIAS_LIMIT' | 'DIRECTIVE_LIMIT' | 'TOKEN_LIMIT' | 'COST_LIMIT' | 'BODY_TOO_LARGE'>;

export const LIMIT_MESSAGES: Readonly<Record<LimitReason, string>> = {
  DEPTH_LIMIT: 'The query is nested too deeply',
  ALIAS_LIMIT: 'The query uses too many aliases',
  DIRECTIVE_LIMIT: 'The query uses too many directives',
  TOKEN_LIMIT: 'The query document is too long',
  COST_LIMIT: 'The query would cost too much to run',
  BODY_TOO_LARGE: 'The request body is too large',
};

/**
 * graphql-armor options that report a refusal as a validation error of ours (Apollo answers 400
 * GRAPHQL_VALIDATION_FAILED) instead of armor's "Syntax Error: Query validation error.".
 */
export function rejectAs(reason: 'DEPTH_LIMIT' | 'ALIAS_LIMIT' | 'DIRECTIVE_LIMIT') {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(new GraphQLError(LIMIT_MESSAGES[reason], { extensions: { reason } }))],
  };
}

/** What a client sees of a request error: code, message, reason. */
export interface RequestErrorView {
  readonly code: string;
  readonly message: string;
  readonly reason?: string;
}

// graphql-js's own token limit (parse option `maxTokens`): "Document contains more that N tokens".
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;
// @apollo/server 5 raises this without a code, so it would read as INTERNAL_SERVER_ERROR.
const APQ_HASH_MISMATCH_MESSAGE = 'provided sha does not match query';
const CSRF_MESSAGE = 'This operation has been blocked as a potential Cross-Site Request Forgery';

/** Reason of an HTTP-level rejection (Apollo's BAD_REQUEST or the JSON body parser's), by status. */
function httpRejectionReason(status: number | undefined, message: string): GatewayReason {
  if (message.startsWith(CSRF_MESSAGE)) return 'CSRF_PREVENTION';
  if (message.startsWith('Operation batching disabled')) return 'BATCHING_DISABLED';
  switch (status) {
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 406:
      return 'NOT_ACCEPTABLE';
    case 413:
      return 'BODY_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return 'MALFORMED_REQUEST';
  }
}

/**
 * Refines a request error Apollo raised: the token limit gets its reason and loses its number,
 * a persisted-query hash mismatch gets a code of its own, HTTP rejections get a reason.
 * Undefined for everything else.
 */
export function refineRequestError(code: unknown, message: string, original: unknown): RequestErrorView | undefined {
  if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT_MESSAGE.test(message)) {
    return { code, message: LIMIT_MESSAGES.TOKEN_LIMIT, reason: 'TOKEN_LIMIT' };
  }
  if (!(original instanceof GraphQLError)) return undefined;
  if (original.message === APQ_HASH_MISMATCH_MESSAGE) {
    return { code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'The persisted query hash does not match the query' };
  }
  const status = (original.extensions.http as { status?: number } | undefined)?.status;
  // Apollo's own request checks set an HTTP status; a few (an unsupported persisted-query
  // version) set no code, and would otherwise be masked as INTERNAL_SERVER_ERROR. (Errors of
  // ours always carry a code and a reason.)
  const { code: ownCode, reason } = original.extensions;
  const codeless = ownCode === undefined && reason === undefined && typeof status === 'number' && status >= 400 && status < 500;
  if (code === 'BAD_REQUEST' || codeless) {
    return { code: 'BAD_REQUEST', message, reason: httpRejectionReason(status, message) };
  }
  return undefined;
}

/**
 * The JSON body parser's refusals (too large, not JSON, unsupported charset or encoding) as 4xx
 * BAD_REQUEST with a reason; anything else goes on to the platform's last-resort handler.
 */
export const bodyErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  const status = (err as { status?: unknown }).status;
  const type = (err as { type?: unknown }).type;
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    next(err);
    return;
  }
  const reason = type === 'entity.parse.failed' ? 'MALFORMED_JSON' : httpRejectionReason(status, '');
  const message = reason === 'BODY_TOO_LARGE' ? LIMIT_MESSAGES.BODY_TOO_LARGE : reason === 'MALFORMED_JSON' ? 'The request body is not valid JSON' : 'Bad request';
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', reason } }] });
};
