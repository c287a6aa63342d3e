import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { AuthError, bearerToken, InternalTokenMinter, type CallerTokenVerifier, type SigningKey } from '@courierdesk/platform-auth';
import { healthRoutes, httpErrorHandler, listen, once, type RunningService } from '@courierdesk/platform-subgraph';
import { readCostDirectives } from './demand/cost-directives';
import { demandControl } from './demand/demand-control.plugin';
import { DEFAULT_DEMAND_LIMITS, type DemandLimits } from './demand/demand-limits';
import type { GatewayContext } from './gateway.context';
import { createGatewayErrorFormatter } from './gateway.errors';
import { graphiqlRouter } from './ide/graphiql';
import { introspectionGate } from './introspection.plugin';
import { knownOperationTypesRule, operationResolution } from './operation-resolution';
import { bodyErrorHandler, rejectAs } from './request-errors';
import { SubgraphDataSource, type SubgraphCallOptions } from './subgraph-data-source';
import { unavailableStatus } from './unavailable-status.plugin';

/**
 * Query limits enforced before planning (graphql-armor; tokens: graphql-js's parser); never told to
 * clients. Cost is demand control's (demand/): armor's cost limit does not multiply by list sizes.
 */
export interface GatewayLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: string;
}

// Depth counts every field of the longest chain, the leaf included. A connection hop spends three
// (the field, edges, node): depth 10 passes outlets → inboundWaybills → originOutlet { name } (8)
// but not one more outlet → waybills hop (12).
export const DEFAULT_LIMITS: GatewayLimits = { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxDirectives: 50, maxBodyBytes: '1mb' };

/** How to run the gateway. */
export interface GatewayOptions {
  /** The composed supergraph (committed `supergraph.graphql`); never runtime introspection. */
  readonly supergraphSdl: string;
  /** Subgraph name → URL, overriding the placeholders in the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly callerVerifier: CallerTokenVerifier;
  /** Signs the short-lived context tokens sent to subgraphs. */
  readonly internalKey: SigningKey;
  readonly logger: Logger;
  readonly port?: number;
  readonly host?: string;
  readonly limits?: Partial<GatewayLimits>;
  /** Cost budgets per role and the response cap (demand/demand-limits.ts). */
  readonly demand?: Partial<DemandLimits>;
  readonly subgraphCalls?: Partial<SubgraphCallOptions>;
}

function unauthenticatedError(err: unknown): GraphQLError {
  const reason = err instanceof AuthError ? err.code : 'TOKEN_INVALID';
  const message = err instanceof AuthError ? err.message : 'Authentication required';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
}

/**
 * Starts the gateway: verifies every caller's token, enforces limits, plans over the
 * supergraph and calls subgraphs with signed context, serves the IDE at `/`.
 */
export async function startGateway(opts: GatewayOptions): Promise<RunningService> {
  const { logger } = opts;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const demandLimits = { ...DEFAULT_DEMAND_LIMITS, ...opts.demand };
  const demand = demandControl(readCostDirectives(opts.supergraphSdl), demandLimits, logger);
  const calls: SubgraphCallOptions = {
    timeoutMs: 10_000,
    breakerFailures: 5,
    breakerHalfOpenAfterMs: 5_000,
    maxResponseBytes: demandLimits.maxResponseBytes,
    ...opts.subgraphCalls,
  };

  const minter = new InternalTokenMinter(opts.internalKey);
  const sources: SubgraphDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = opts.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no URL configured for subgraph ${name}`);
      const source = new SubgraphDataSource(name, target, minter, calls);
      sources.push(source);
      return source;
    },
    logger,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rejectAs('DEPTH_LIMIT') },
    maxAliases: { n: limits.maxAliases, ...rejectAs('ALIAS_LIMIT') },
    // armor's token plugin re-parses in parsingDidStart, where any throw (a plain syntax error
    // too) becomes a 500; graphql-js's own `maxTokens` (parseOptions below) fails as a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...rejectAs('DIRECTIVE_LIMIT') },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  let accepting = true;

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // The process owner (main.ts, tools/stack) handles signals and stops services in order;
    // Apollo's own handlers would race it (a second concurrent stop() never settles).
    stopOnTerminationSignals: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [...armor.validationRules, knownOperationTypesRule],
    formatError: createGatewayErrorFormatter(logger),
    stringifyResult: demand.stringifyResult,
    plugins: [operationResolution, ...armor.plugins, introspectionGate, demand.plugin, unavailableStatus, ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  healthRoutes(app, () => accepting);
  app.use(graphiqlRouter());
  app.use(
    '/graphql',
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = randomUUID();
        try {
          const identity = await opts.callerVerifier.verify(bearerToken(req.headers.authorization));
          return { identity, requestId };
        } catch (err) {
          logger.info({ requestId, reason: err instanceof AuthError ? err.code : 'unknown' }, 'refused an unauthenticated request');
          throw unauthenticatedError(err);
        }
      },
    }),
  );
  app.use(bodyErrorHandler, httpErrorHandler(logger));

  const { port, url } = await listen(httpServer, opts.port, opts.host).catch(async (err) => {
    await apollo.stop();
    await Promise.all(sources.map((source) => source.close()));
    throw err;
  });
  logger.info({ url }, 'gateway ready');
  return {
    url,
    port,
    stop: once(async () => {
      accepting = false;
      await apollo.stop();
      await Promise.all(sources.map((source) => source.close()));
      logger.info('gateway stopped');
    }),
  };
}
