import 'reflect-metadata';
import { readJwksFile } from '@courierdesk/platform-auth';
import { createLogger } from '@courierdesk/platform-subgraph';
import { startTrackingSubgraph } from './tracking.subgraph';

// Standalone entry: DATABASE_URL, PORT (default 4002), INTERNAL_JWKS_FILE (the gateway's public keys).
async function main(): Promise<void> {
  const logger = createLogger('tracking');
  const databaseUrl = process.env['DATABASE_URL'];
  const jwksFile = process.env['INTERNAL_JWKS_FILE'];
  if (!databaseUrl || !jwksFile) {
    logger.fatal('DATABASE_URL and INTERNAL_JWKS_FILE are required');
    process.exit(2);
  }
  const port = Number(process.env['PORT'] ?? 4002);
  const service = await startTrackingSubgraph({ databaseUrl, port, host: process.env['HOST'] ?? '127.0.0.1', internalJwks: readJwksFile(jwksFile), logger });

  // This entry point owns shutdown (the platform turns Apollo's own signal handlers off).

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, then closing the database pool');
    // A request stuck past this point should not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  createLogger('tracking').fatal({ err }, 'tracking subgraph failed to start');
  process.exit(1);
});
