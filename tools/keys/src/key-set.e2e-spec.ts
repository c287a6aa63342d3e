import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CallerTokenIssuer, callerTokenSettings, fromPrivateJwk, generateSigningKey, mintInternalToken, Role, Scope } from '@courierdesk/platform-auth';
import { repoRoot } from '@courierdesk/platform-db';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { KEY_FILES, writeKeySet } from './key-set';

const NODE = [process.execPath, '-r', '@swc-node/register'] as const;

/** A service started as a deployment starts it: its own process, configured by environment only. */
interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  stop(): Promise<number | null>;
}

async function startService(entry: string, env: Record<string, string>): Promise<ServiceProcess> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env['PATH'], LOG_LEVEL: 'info', ...env };
  const child = spawn(NODE[0], [...NODE.slice(1), entry], { cwd: repoRoot(), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = /"url":"([^"]+)","msg":"[a-z]+ (?:subgraph )?ready"/.exec(output);
      if (ready) resolve(ready[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void closed.then((code) => reject(new Error(`${entry} exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, url, stop: () => (child.kill('SIGTERM'), closed) };
}

const run = async (args: string[], env: Record<string, string> = {}) =>
  (await promisify(execFile)(NODE[0], [...NODE.slice(1), ...args], { cwd: repoRoot(), env: { PATH: process.env['PATH'], ...env } })).stdout.trim();

// The key tool's set, used the way docs/deployment.md says: the network subgraph and the gateway
// each started alone from environment variables pointing at the files, and a token minted by
// `npm run token -- --keys` going through both.
describe('a key set written by the key tool', () => {
  let dir: string;
  let db: TestDatabase;
  let network: ServiceProcess | undefined;
  let gateway: ServiceProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courierdesk-keys-'));
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await gateway?.stop();
    await network?.stop();
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps private keys private, and rewrites only the public sets when run again', async () => {
    const first = await writeKeySet(join(dir, 'again'));
    expect(first.created).toHaveLength(2);
    for (const name of [KEY_FILES.internalPrivate, KEY_FILES.issuerPrivate]) expect((await stat(join(dir, 'again', name))).mode & 0o077).toBe(0);
    const before = await readFile(join(dir, 'again', KEY_FILES.internalPrivate), 'utf8');
    const second = await writeKeySet(join(dir, 'again'));
    expect(second.created).toEqual([]);
    expect(await readFile(join(dir, 'again', KEY_FILES.internalPrivate), 'utf8')).toBe(before);
    const jwks = JSON.parse(await readFile(join(dir, 'again', KEY_FILES.internalJwks), 'utf8'));
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
    expect(jwks.keys[0]).toMatchObject({ kid: (await fromPrivateJwk(JSON.parse(before))).kid, alg: 'EdDSA', use: 'sig' });
  });

  it('lets separately started services verify tokens minted with it, and only those', async () => {
    await run(['tools/keys/src/main.ts', '--out', dir]);
    network = await startService('apps/network/src/main.ts', {
      DATABASE_URL: db.url,
      PORT: '0',
      INTERNAL_JWKS_FILE: join(dir, KEY_FILES.internalJwks),
    });
    gateway = await startService('apps/gateway/src/main.ts', {
      PORT: '0',
      SUBGRAPH_NETWORK_URL: network.url,
      AUTH_JWKS_FILE: join(dir, KEY_FILES.issuerJwks),
      INTERNAL_SIGNING_KEY_FILE: join(dir, KEY_FILES.internalPrivate),
    });
    const agent = await run(['tools/token/src/main.ts', '--keys', dir, '--role', 'agent']);

    const ask = (url: string, token: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ outlets(first: 1) { edges { node { code } } } }' }) });
    // Through the gateway: it verifies the caller with the public issuer set and signs its call
    // to the subgraph with the internal key, which the subgraph verifies with its public set.
    const answer = await ask(gateway.url, agent);
    expect(await answer.json()).toEqual({ data: { outlets: { edges: [] } } });

    const stranger = await new CallerTokenIssuer(await generateSigningKey(), callerTokenSettings({})).mint({ subject: 'x', roles: [Role.AGENT] });
    expect((await ask(gateway.url, stranger)).status).toBe(401);
    const identity = { subject: 'agent-cli', roles: [Role.AGENT], scopes: [Scope.NETWORK_READ], outletId: null, tokenId: 'j' };
    const internalKey = await fromPrivateJwk(JSON.parse(await readFile(join(dir, KEY_FILES.internalPrivate), 'utf8')));
    expect((await ask(network.url, await mintInternalToken(internalKey, identity, 'network'))).status).toBe(200);
    expect((await ask(network.url, await mintInternalToken(await generateSigningKey(), identity, 'network'))).status).toBe(401);

    // Both stop on SIGTERM after draining, with exit code 0.
    expect(await gateway.stop()).toBe(0);
    expect(await network.stop()).toBe(0);
  });
});
