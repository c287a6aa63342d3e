import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { captureLogger } from './int-spec/capture-logger';
import { findFreePort } from './port-check';
import { repoRoot } from './repo-root';
import { startDatabase } from './start-database';

const FIXTURE = path.join(__dirname, 'int-spec', 'start-database.fixture.ts');

interface Started {
  child: ChildProcess;
  reply: { url?: string; embedded?: boolean; error?: string };
  logs: () => string;
}

/** Runs startDatabase in a child process (see the fixture for why) and waits for its answer. */
function startInChild(dataDir: string, port: number): Promise<Started> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE, dataDir, String(port)], {
    cwd: repoRoot(),
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, reply: JSON.parse(stdout.slice(0, newline)), logs: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`fixture exited (${code}) before answering:\n${stderr}`)));
  });
}

function stopChild({ child }: Started): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.end();
  });
}

function killChild({ child }: Started): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8').split('\n')[0], 10) : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The embedded path only runs without DATABASE_URL, which the suite itself may be given. */
async function withoutDatabaseUrl<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env['DATABASE_URL'];
  delete process.env['DATABASE_URL'];
  try {
    return await fn();
  } finally {
    if (saved !== undefined) process.env['DATABASE_URL'] = saved;
  }
}

describe('startDatabase', () => {
  let base: string;
  const dataDirs: string[] = [];

  const newDataDir = async () => {
    const dir = path.join(base, `cluster-${dataDirs.length}`, 'postgres');
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'platform-db-start-'));
    await chmod(base, 0o755); // the postgres user must be able to reach the clusters inside
  });

  afterAll(async () => {
    // Whatever a failed test left running is shut down here: no stray servers.
    for (const dataDir of dataDirs) {
      const pid = postmasterPid(dataDir);
      if (pid && isAlive(pid)) process.kill(pid, 'SIGQUIT');
    }
    await rm(base, { recursive: true, force: true });
  });

  it('initialises a cluster once, creates the app database, and keeps the data across restarts', async () => {
    const dataDir = await newDataDir();
    const port = await findFreePort();

    const first = await startInChild(dataDir, port);
    expect(first.reply).toEqual({ url: expect.stringMatching(new RegExp(`@127\\.0\\.0\\.1:${port}/courierdesk$`)), embedded: true });
    await query(first.reply.url!, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('寄件')`);
    await stopChild(first);
    expect(postmasterPid(dataDir)).toBeUndefined();
    expect(first.logs()).toMatch(/initialised a new PostgreSQL cluster/);
    expect(first.logs()).toMatch(/created the application database/);

    const second = await startInChild(dataDir, port);
    try {
      expect(second.reply.url).toBe(first.reply.url);
      expect(await query(second.reply.url!, 'SELECT note FROM kept')).toEqual([{ note: '寄件' }]);
      expect(second.logs()).not.toMatch(/initialised a new PostgreSQL cluster|created the application database/);
    } finally {
      await stopChild(second);
    }
  });

  it('takes over a cluster whose owning process was killed (orphaned server, stale postmaster.pid)', async () => {
    const dataDir = await newDataDir();
    const port = await findFreePort();
    const first = await startInChild(dataDir, port);
    await killChild(first);
    const orphan = postmasterPid(dataDir)!;
    expect(isAlive(orphan)).toBe(true);

    const second = await startInChild(dataDir, port);
    try {
      expect(second.logs()).toMatch(/stopping an orphaned PostgreSQL/);
      expect(isAlive(orphan)).toBe(false);
      expect(await query(second.reply.url!, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await stopChild(second);
    }
  });

  it('refuses a second start on a data directory whose server another live process runs, leaving that one alone', async () => {
    const dataDir = await newDataDir();
    const port = await findFreePort();
    const first = await startInChild(dataDir, port);
    try {
      const second = await startInChild(dataDir, port); // answers with its error, then exits
      expect(second.reply.error).toMatch(/belongs to another running process/);
      expect(await query(first.reply.url!, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await stopChild(first);
    }
  });

  it('starts after the server itself was killed and left postmaster.pid behind', async () => {
    const dataDir = await newDataDir();
    const port = await findFreePort();
    const first = await startInChild(dataDir, port);
    const pid = postmasterPid(dataDir)!;
    process.kill(pid, 'SIGKILL');
    await killChild(first);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

    const second = await startInChild(dataDir, port);
    try {
      expect(second.reply.error).toBeUndefined();
      expect(await query(second.reply.url!, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await stopChild(second);
    }
  });

  it('says clearly that the port is taken', async () => {
    const server: Server = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const dataDir = await newDataDir();
      await expect(withoutDatabaseUrl(() => startDatabase({ dataDir, port, logger: captureLogger().logger }))).rejects.toThrow(
        new RegExp(`Port ${port} on 127.0.0.1 is already in use.*EMBEDDED_PG_PORT.*DATABASE_URL`),
      );
    } finally {
      server.close();
    }
  });

  it('refuses a non-empty directory that holds no cluster instead of wiping it', async () => {
    const dataDir = await newDataDir();
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'notes.txt'), 'not a database');

    const port = await findFreePort();
    await expect(
      withoutDatabaseUrl(() => startDatabase({ dataDir, port, logger: captureLogger().logger })),
    ).rejects.toThrow(/is not empty but holds no PostgreSQL cluster/);
    expect(existsSync(path.join(dataDir, 'notes.txt'))).toBe(true);
  });

  it('uses DATABASE_URL as it is when set, and never stops that server', async () => {
    const saved = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = 'postgres://app:secret@db.internal:5432/courierdesk';
    try {
      const { logger, records } = captureLogger();
      const db = await startDatabase({ logger });
      expect(db).toEqual({ url: 'postgres://app:secret@db.internal:5432/courierdesk', embedded: false, stop: expect.any(Function) });
      await db.stop();
      expect(JSON.stringify(records)).not.toContain('secret');
    } finally {
      if (saved === undefined) delete process.env['DATABASE_URL'];
      else process.env['DATABASE_URL'] = saved;
    }
  });
});
