import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { AuthError, bearerToken, type Identity, type InternalTokenVerifier } from '@courierdesk/platform-auth';
import { declareReadOnly, runUnitOfWork } from '@courierdesk/platform-db';
import type { SubgraphContext } from './context';
import { createErrorFormatter } from './errors';
import { healthRoutes, httpErrorHandler, listen, once } from './http';

/** How to run one subgraph. */
export interface SubgraphServerOptions<L> {
  /** Subgraph name; also the audience its gateway tokens must carry. */
  readonly name: string;
  readonly schema: GraphQLSchema;
  readonly verifier: InternalTokenVerifier;
  /** Builds this request's DataLoaders (called once per request). */
  readonly createLoaders: (identity: Identity) => L;
  readonly logger: Logger;
  readonly port?: number;
  readonly host?: string;
  /** Readiness probe, e.g. a database ping. */
  readonly ready?: () => Promise<boolean>;
  /** Runs after HTTP has drained, e.g. closing pools. */
  readonly onStop?: () => Promise<void>;
}

/** A running HTTP service. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

type AuthedRequest = Request & { identity?: Identity; requestId?: string };

/** 401 in GraphQL's response shape, before any GraphQL runs. */
function refuse(res: Response, err: AuthError): void {
  res.status(401).json({ errors: [{ message: err.message, extensions: { code: err.kind, reason: err.code } }] });
}

/**
 * Queries are reads: once the operation is known, the request's unit of work (opened per HTTP
 * request below) is declared read-only, so a read that meets a lost database connection is
 * retried once. Mutations never are: a write may have been committed before the loss.
 */
const readOnlyQueries: ApolloServerPlugin<SubgraphContext<unknown>> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'query') declareReadOnly();
      },
    };
  },
};

/**
 * Starts a subgraph: `/graphql` behind the gateway's signed context (every operation,
 * `_service` and `_entities` included), `/health/live` and `/health/ready` open, structured
 * logs, per-request loaders, and a drain-then-close shutdown.
 */
export async function startSubgraphServer<L>(opts: SubgraphServerOptions<L>): Promise<RunningService> {
  const { logger } = opts;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Keep-alive from the gateway: outlive its idle sockets so it never writes to a closing one.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let accepting = true;

  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema: opts.schema,
    // The process owner (main.ts, tools/stack) handles signals and stops services in order;
    // Apollo's own handlers would race it (a second concurrent stop() never settles).
    stopOnTerminationSignals: false,
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    // No inline traces: they would send timing internals to whoever calls. No cache control: we
    // set no hints, and its per-field hook wrapped every field of every list (~10 % of a page's CPU).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      readOnlyQueries as ApolloServerPlugin<SubgraphContext<L>>,
    ],
  });
  await apollo.start();

  healthRoutes(app, async () => accepting && (opts.ready ? await opts.ready() : true));

  const authenticate = async (req: AuthedRequest, res: Response, next: NextFunction): Promise<void> => {
    req.requestId = String(req.headers['x-request-id'] ?? randomUUID());
    try {
      req.identity = await opts.verifier.verify(bearerToken(req.headers.authorization));
      next();
    } catch (err) {
      logger.warn({ requestId: req.requestId, reason: err instanceof AuthError ? err.code : 'unknown' }, 'refused a call without a valid gateway context');
      if (err instanceof AuthError) refuse(res, err);
      else next(err);
    }
  };

  app.use(
    '/graphql',
    authenticate,
    express.json({ limit: '2mb' }),
    // One unit of work per request, opened right before GraphQL runs: everything Apollo starts
    // from here on (resolvers, DataLoader batches) belongs to it.
    (_req: Request, _res: Response, next: NextFunction) => runUnitOfWork(next),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { identity, requestId } = req as AuthedRequest;
        if (!identity || !requestId) throw new Error('authenticate middleware did not run');
        return { identity, requestId, loaders: opts.createLoaders(identity), logger: logger.child({ requestId, subject: identity.subject }) };
      },
    }),
  );
  app.use(httpErrorHandler(logger));

  const { port, url } = await listen(httpServer, opts.port, opts.host).catch(async (err) => {
    await apollo.stop();
    throw err;
  });
  logger.info({ url }, `${opts.name} subgraph ready`);
  return {
    url,
    port,
    stop: once(async () => {
      accepting = false;
      await apollo.stop();
      await opts.onStop?.();
      logger.info(`${opts.name} subgraph stopped`);
    }),
  };
}
