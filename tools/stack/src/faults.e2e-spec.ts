import { Client } from 'pg';
import { CallerTokenIssuer, callerTokenSettings, generateSigningKey, Role, Scope, type SigningKey } from '@courierdesk/platform-auth';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { startStack, type RunningStack } from './stack';

const UNAVAILABLE_DATABASE = { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryable: true };
const UNAVAILABLE_SUBGRAPH = { code: 'SERVICE_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE', retryable: true };

// Faults under the whole graph (gateway → subgraphs → PostgreSQL): database connections cut under
// a request, and a subgraph that is gone. A request is held by a table lock another session
// takes, so that its connection can be terminated (as a restart or failover would) while it is
// surely in flight.
describe('faults, through the gateway', () => {
  let db: TestDatabase;
  let stack: RunningStack;
  let issuerKey: SigningKey;
  let probe: Client;
  let locker: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    [issuerKey] = await Promise.all([generateSigningKey()]);
    stack = await startStack({
      databaseUrl: db.url,
      keys: { issuer: issuerKey, internal: await generateSigningKey() },
      logger: createLogger('e2e', 'silent'),
      gatewayPort: 0,
      networkPort: 0,
      trackingPort: 0,
      demo: { provinces: ['11'], waybills: 60 },
    });
    // Two sessions: pg_stat_activity is a snapshot per transaction, so the lock holder cannot watch.
    [probe, locker] = [new Client({ connectionString: db.url }), new Client({ connectionString: db.url })];
    await Promise.all([probe.connect(), locker.connect()]);
  });
  afterAll(async () => {
    await Promise.all([probe?.end(), locker?.end()]);
    await stack?.stop();
    await db?.drop();
  });

  const graphql = async (query: string, token: string, variables?: Record<string, unknown>) => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: { message: string; path?: unknown[]; extensions: Record<string, unknown> }[] } };
  };
  /** A hub's scanner: records scans anywhere (tracking:ingest:any). */
  const hubScanner = () =>
    new CallerTokenIssuer(issuerKey, callerTokenSettings({})).mint({ subject: 'hub-scanner-faults', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });

  /** The pid of a tracking backend waiting for a lock, other than `except`. */
  const heldTrackingBackend = async (except: number[] = [], answered = () => false): Promise<number> => {
    for (;;) {
      // A request answered before it ever waited on the lock never reached the database (refused
      // earlier): the test would otherwise wait for a backend that never comes.
      if (answered()) throw new Error('the request was answered without waiting on the lock');
      const { rows } = await probe.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'courierdesk-tracking' AND wait_event_type = 'Lock' AND NOT pid = ANY($1::int[])`,
        [except],
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** Sends `request` while tracking.waybill is locked, terminates the backend serving it, then unlocks. */
  async function withConnectionCut<T>(request: () => Promise<T>, { waitForRetry }: { waitForRetry: boolean }): Promise<T> {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tracking.waybill IN ACCESS EXCLUSIVE MODE');
    try {
      let answered = false;
      const pending = request().finally(() => (answered = true));
      const first = await heldTrackingBackend([], () => answered);
      await probe.query('SELECT pg_terminate_backend($1)', [first]);
      // A retried read waits for the lock again, on another connection.
      if (waitForRetry) await heldTrackingBackend([first]);
      await locker.query('COMMIT');
      return await pending;
    } catch (err) {
      await locker.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  const someWaybill = async () =>
    (await probe.query<{ waybill_no: string; origin_outlet_id: string }>('SELECT waybill_no, origin_outlet_id FROM tracking.waybill ORDER BY waybill_no LIMIT 1')).rows[0];

  it('answers a read whose database connection is cut mid-request (retried once on a fresh one)', async () => {
    const waybill = await someWaybill();
    const res = await withConnectionCut(() => graphql('query($no: String!) { waybill(waybillNo: $no) { waybillNo status } }', stack.tokens.agent, { no: waybill.waybill_no }), { waitForRetry: true });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.waybill).toEqual({ waybillNo: waybill.waybill_no, status: expect.any(String) });
  });

  it('reports a write cut mid-request as retryable, unchanged through the gateway, and the resend goes through', async () => {
    const waybill = await someWaybill();
    const scanner = await hubScanner();
    const upload = () =>
      graphql('mutation($e: [ScanEventInput!]!) { recordScans(input: { events: $e }) { accepted duplicates } }', scanner, {
        e: [{ eventId: `faults-${Date.now()}`, waybillNo: waybill.waybill_no, type: 'ARRIVED_AT_OUTLET', eventTime: new Date(Date.now() - 60_000).toISOString(), location: { kind: 'OUTLET', id: waybill.origin_outlet_id } }],
      });
    const cut = await withConnectionCut(upload, { waitForRetry: false });
    // The whole operation failed for a passing reason: 503, and the error says resending is safe.
    expect(cut.status).toBe(503);
    expect(cut.body.data ?? null).toBeNull();
    expect(cut.body.errors).toEqual([{ message: expect.any(String), path: ['recordScans'], extensions: UNAVAILABLE_DATABASE }]);
    expect(cut.text).not.toMatch(/terminating|57P01|SELECT|tracking\./);
    // The transaction died with its connection: nothing was stored, and the resend stores it once.
    const resent = await upload();
    expect(resent.body.data.recordScans).toEqual({ accepted: 1, duplicates: 0 });
  });

  describe('with the network subgraph gone', () => {
    beforeAll(() => stack.network.stop());

    it('keeps the tracking data and says, per missing field, which one is missing', async () => {
      const res = await graphql('{ waybills(first: 3) { edges { node { waybillNo originOutlet { id name } } } } }', stack.tokens.agent);
      const nodes = res.body.data.waybills.edges.map((e: { node: unknown }) => e.node);
      expect(nodes).toHaveLength(3);
      // Outlet.name is non-null, so its absence nulls the outlet (GraphQL's null propagation);
      // the error still names the field that is missing.
      for (const node of nodes) expect(node).toEqual({ waybillNo: expect.any(String), originOutlet: null });
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual(
        [0, 1, 2].map((i) => ({ message: expect.any(String), path: ['waybills', 'edges', i, 'node', 'originOutlet', 'name'], extensions: UNAVAILABLE_SUBGRAPH })),
      );
    });

    it('names the missing root field next to the data of the live subgraph', async () => {
      const res = await graphql('{ here: outletByCode(code: "110101-001") { name } waybills(first: 1) { edges { node { waybillNo } } } }', stack.tokens.agent);
      expect(res.body.data.here).toBeNull();
      expect(res.body.data.waybills.edges).toHaveLength(1);
      expect(res.body.errors).toEqual([{ message: expect.any(String), path: ['here'], extensions: UNAVAILABLE_SUBGRAPH }]);
      expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|network/);
    });
  });
});
