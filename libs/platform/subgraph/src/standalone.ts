import type { JSONWebKeySet } from 'jose';
import { readJwksFile } from '@courierdesk/platform-auth';
import { createLogger, type Logger } from './logger';
import type { RunningService } from './server';

/** What a subgraph needs from its environment when it runs as its own process. */
export interface SubgraphEnv {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly internalJwks: JSONWebKeySet;
}

/** Reads DATABASE_URL, PORT, HOST and INTERNAL_JWKS_FILE (the gateway's public keys). */
export function subgraphEnv(defaultPort: number, env: NodeJS.ProcessEnv = process.env): SubgraphEnv {
  const databaseUrl = env['DATABASE_URL'];
  const jwksFile = env['INTERNAL_JWKS_FILE'];
  if (!databaseUrl || !jwksFile) throw new Error('DATABASE_URL and INTERNAL_JWKS_FILE are required');
  return { databaseUrl, port: Number(env['PORT'] ?? defaultPort), host: env['HOST'] ?? '127.0.0.1', internalJwks: readJwksFile(jwksFile) };
}

/**
 * Runs one service as a process: starts it, and on SIGINT/SIGTERM drains it (HTTP first, then
 * pools) and exits; a stop stuck past 15 s exits anyway, so a hung request cannot pin the process.
 */
export function runService(name: string, start: (logger: Logger) => Promise<RunningService>): void {
  const logger = createLogger(name);
  start(logger).then(
    (service) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, `${name}: shutting down`);
        setTimeout(() => process.exit(1), 15_000).unref();
        service.stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, `${name}: shutdown failed`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    },
    (err) => {
      logger.fatal({ err }, `${name} failed to start`);
      process.exit(1);
    },
  );
}
