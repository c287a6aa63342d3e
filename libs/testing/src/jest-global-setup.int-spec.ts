import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createDatabase, repoRoot } from '@courierdesk/platform-db';
import pino from 'pino';
import { Client } from 'pg';
import { reapAbandonedClusters } from './test-cluster';
import { ADMIN_URL_ENV, runDatabasePrefix } from './test-run';

const FIXTURE = path.join(__dirname, 'int-spec', 'global-setup.fixture.ts');

interface Reply {
  adminUrl: string;
  runId: string;
  dir?: string;
  error?: string;
}

/** Runs the global setup in a child process, as jest would, and waits for its answer. */
function setupInChild(databaseUrl?: string): Promise<{ child: ChildProcess; reply: Reply }> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE], { cwd: repoRoot(), env });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, reply: JSON.parse(stdout.slice(0, newline)) });
    });
    child.once('exit', (code) => reject(new Error(`fixture exited (${code}) before answering:\n${stderr}`)));
  });
}

function exited(child: ChildProcess, act: () => void): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    act();
  });
}

function postmasterPid(dir: string): number {
  return Number.parseInt(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return !isAlive(pid);
}

async function databasesWithPrefix(adminUrl: string, prefix: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('jest global setup and teardown', () => {
  it('starts a throwaway cluster in a temp dir, and teardown removes it', async () => {
    const { child, reply } = await setupInChild();
    expect(reply.adminUrl).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    const pid = postmasterPid(reply.dir!);

    await exited(child, () => child.stdin?.end());

    expect(await waitUntilDead(pid)).toBe(true);
    expect(existsSync(reply.dir!)).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no server or files behind when jest gets %s', async (signal) => {
    const { child, reply } = await setupInChild();
    const pid = postmasterPid(reply.dir!);

    await exited(child, () => child.kill(signal));

    expect(await waitUntilDead(pid)).toBe(true);
    expect(existsSync(reply.dir!)).toBe(false);
  });

  it('reaps the cluster of a run that was killed outright, at the next setup', async () => {
    const { child, reply } = await setupInChild();
    const pid = postmasterPid(reply.dir!);
    await exited(child, () => child.kill('SIGKILL'));
    expect(isAlive(pid)).toBe(true); // nothing can run on SIGKILL: the server is orphaned

    await reapAbandonedClusters(pino({ level: 'silent' }));

    expect(await waitUntilDead(pid)).toBe(true);
    expect(existsSync(reply.dir!)).toBe(false);
  });

  it('on a DATABASE_URL server, teardown drops every database the run left behind', async () => {
    const server = process.env[ADMIN_URL_ENV]!;
    const { child, reply } = await setupInChild(server);
    expect(reply).toEqual({ adminUrl: server, runId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const prefix = runDatabasePrefix(reply.runId);
    await createDatabase(server, `${prefix}w1_crashed`);
    await createDatabase(server, `${prefix}w2_crashed`);

    await exited(child, () => child.stdin?.end());

    expect(await databasesWithPrefix(server, prefix)).toEqual([]);
  });
});
