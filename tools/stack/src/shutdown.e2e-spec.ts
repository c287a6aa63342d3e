import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { CallerTokenIssuer, callerTokenSettings, loadLocalKeys, Role, Scope } from '@courierdesk/platform-auth';
import { killStackProcess, startStackProcess, type StackProcess } from './testing/stack-process';

// `npm start` on its embedded PostgreSQL, as a process of its own, stopped by a signal while it
// holds a 1,000-scan upload: the upload must get its answer, and the services stop in order,
// PostgreSQL last. The upload is held by a table lock taken from another session, so the signal
// surely arrives while it is in flight; the lock is let go once the stop has begun.
describe('npm start stops in order on a signal, finishing what it holds', () => {
  let dataDir: string;
  let stack: StackProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'courierdesk-shutdown-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as user postgres when the tests run as root
  });
  afterEach(() => {
    killStackProcess(stack);
    stack = undefined;
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined); // the server stops at the end of each test
    await client.connect();
    return client;
  };

  /** The tracking subgraph's backend waiting for a lock, i.e. the upload, held. */
  const uploadIsHeld = async (probe: Client, answered: () => boolean) => {
    for (;;) {
      // An upload answered before it ever waited was refused before the database: fail, don't hang.
      if (answered()) throw new Error('the upload was answered without waiting on the lock');
      const { rows } = await probe.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'courierdesk-tracking' AND wait_event_type = 'Lock'`);
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const scansFor = async (probe: Client, runId: string) => {
    const { rows } = await probe.query<{ waybill_no: string; origin_outlet_id: string; created_at: Date }>(
      'SELECT waybill_no, origin_outlet_id, created_at FROM tracking.waybill ORDER BY waybill_no LIMIT 50',
    );
    return Array.from({ length: 1000 }, (_, i) => {
      const waybill = rows[i % rows.length];
      return {
        eventId: `${runId}-${i}`,
        waybillNo: waybill.waybill_no,
        type: 'ARRIVED_AT_OUTLET',
        eventTime: new Date(Math.max(waybill.created_at.getTime() + 60_000, Date.now() - 3_600_000 + i * 1000)).toISOString(),
        location: { kind: 'OUTLET', id: waybill.origin_outlet_id },
      };
    });
  };

  it.each([
    ['SIGTERM to the process (a supervisor)', 'SIGTERM', 'process'],
    ['SIGINT to the process group (Ctrl-C in a terminal)', 'SIGINT', 'group'],
  ] as const)('%s', async (_label, signal, target) => {
    // The first case initialises the cluster and loads the demo; the second starts on it again.
    stack = await startStackProcess(dataDir, ['--provinces', '11', '--waybills', '50']);
    const { issuer } = await loadLocalKeys(dataDir);
    const scanner = await new CallerTokenIssuer(issuer, callerTokenSettings({})).mint({ subject: 'scanner-shutdown', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
    const probe = await connect(stack.adminUrl);
    const locker = await connect(stack.adminUrl);
    let upload: Promise<{ status: number; body: { data?: any; errors?: unknown[] } }>;
    try {
      const events = await scansFor(probe, `${signal}-${Date.now()}`);
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tracking.waybill IN ACCESS EXCLUSIVE MODE');
      upload = fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${scanner}` },
        body: JSON.stringify({ query: 'mutation($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted duplicates rejected } }', variables: { e: events } }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } }));
      let answered = false;
      void upload.finally(() => (answered = true)).catch(() => undefined);
      await uploadIsHeld(probe, () => answered);

      if (target === 'group') process.kill(-stack.child.pid!, signal);
      else stack.child.kill(signal);
      await stack.printed(new RegExp(`${signal}: stopping`));
      await locker.query('COMMIT');
    } finally {
      await Promise.all([probe.end(), locker.end()]);
    }

    const answer = await upload;
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    const { accepted, duplicates, rejected } = answer.body.data.recordScans;
    expect(accepted + duplicates + rejected).toBe(1000);
    expect(accepted).toBeGreaterThan(0);

    expect(await stack.exited).toBe(0);
    const output = stack.output();
    const order = ['gateway stopped', 'network subgraph stopped', 'tracking subgraph stopped', 'embedded PostgreSQL stopped'].map((msg) => output.indexOf(`"msg":"${msg}"`));
    expect(order.every((at) => at > output.indexOf(`${signal}: stopping`))).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(output).not.toMatch(/shutting down|terminating connection|Internal server error/);
    // A first start initialises the cluster and loads the demo: slow on a busy machine.
  }, 180_000);
});
