import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { findFreePort, repoRoot } from '@courierdesk/platform-db';

/** `npm start` as a process of its own (node on tools/stack/src/main.ts), on the embedded default. */
export interface StackProcess {
  readonly child: ChildProcess;
  readonly gatewayUrl: string;
  readonly dataDir: string;
  /** Superuser URL of the embedded cluster (read from the files beside it). */
  readonly adminUrl: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once `pattern` has been printed. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the process exited. */
  readonly exited: Promise<number | null>;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A gateway port whose two successors (the subgraphs' ports) were free too. */
async function freePortTriple(): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if (port < 65000 && (await portIsFree(port + 1)) && (await portIsFree(port + 2))) return port;
  }
}

/**
 * Starts the stack as `npm start` does, in `dataDir` (COURIERDESK_DATA_DIR), without
 * DATABASE_URL, in a process group of its own (so a test can signal the group as a terminal
 * does), and waits for the "running" banner.
 */
export async function startStackProcess(dataDir: string, args: readonly string[], timeoutMs = 170_000): Promise<StackProcess> {
  const [gatewayPort, pgPort] = [await freePortTriple(), await findFreePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, COURIERDESK_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'info' };
  delete env['DATABASE_URL'];
  delete env['JEST_WORKER_ID'];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/stack/src/main.ts', '--port', String(gatewayPort), ...args], {
    cwd: repoRoot(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const check of waiters) check();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  // 'close', not 'exit': the last lines may still be in the pipes when the process exits.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const printed = (pattern: RegExp, wait = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => pattern.test(text) && finish();
      const finish = (err?: Error) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => finish(new Error(`not printed within ${wait} ms: ${pattern}\n${text.slice(-3000)}`)), wait);
      waiters.add(check);
      check();
      void exited.then((code) => waiters.has(check) && finish(new Error(`exited (${code}) before printing ${pattern}\n${text.slice(-3000)}`)));
    });

  await printed(/Courierdesk graph is running/, timeoutMs);
  const postgresDir = path.join(dataDir, 'postgres');
  const password = readFileSync(`${postgresDir}.password`, 'utf8').trim();
  return {
    child,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    dataDir,
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/courierdesk`,
    output: () => text,
    printed,
    exited,
  };
}

/** Last resort after a failed test: kill the process group and the server it left. */
export function killStackProcess(stack: StackProcess | undefined): void {
  if (!stack) return;
  if (stack.child.exitCode === null && stack.child.signalCode === null) {
    try {
      process.kill(-stack.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const pidFile = path.join(stack.dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  try {
    process.kill(Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10), 'SIGQUIT');
  } catch {
    // already gone
  }
}
