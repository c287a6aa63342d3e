// Child process for jest-global-setup.int-spec.ts: runs the global setup as jest would, prints
// one JSON line ({ adminUrl, runId, dir } or { error }), and runs the teardown when stdin closes.
// Tests kill it in various ways to check what an interrupted jest run leaves behind.
import globalSetup, { GLOBAL_KEY, type GlobalTestServer } from '../jest-global-setup';
import globalTeardown from '../jest-global-teardown';
import { ADMIN_URL_ENV, RUN_ID_ENV } from '../test-run';

async function main(): Promise<void> {
  await globalSetup();
  const server = (globalThis as Record<string, unknown>)[GLOBAL_KEY] as GlobalTestServer;
  const reply = { adminUrl: process.env[ADMIN_URL_ENV], runId: process.env[RUN_ID_ENV], dir: server.cluster?.dir };
  process.stdout.write(`${JSON.stringify(reply)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void globalTeardown().then(() => process.exit(0));
  });
}

main().catch((err: Error) => {
  process.stdout.write(`${JSON.stringify({ error: err.message })}\n`);
  process.exit(1);
});
