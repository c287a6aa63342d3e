import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorRequestHandler, Express } from 'express';
import type { Logger } from 'pino';

/**
 * Last-resort HTTP errors (body too large, malformed JSON, a bug) in GraphQL's response shape,
 * without internals.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) logger.error({ err }, 'unhandled HTTP error');
    const message = status === 413 ? 'Request body too large' : status < 500 ? 'Bad request' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  };
}

/** `/health/live` (the process answers) and `/health/ready` (it should get traffic). */
export function healthRoutes(app: Express, ready: () => boolean | Promise<boolean>): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const ok = await Promise.resolve()
      .then(ready)
      .catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable' });
  });
}

/** Listens, failing clearly (e.g. port taken) instead of hanging; returns the GraphQL URL. */
export async function listen(server: http.Server, port = 0, host = '127.0.0.1'): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use`) : err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/graphql` };
}

/** Wraps a shutdown so concurrent and repeated calls share the one run. */
export function once(stop: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= stop());
}
