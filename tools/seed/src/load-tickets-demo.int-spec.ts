import { NO_ESCALATION_CONTACTS } from './load-tickets-demo';
import type { DataSource } from 'typeorm';
import { Role, ROLE_SCOPES } from '@courierdesk/platform-auth';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { createTicketsServices, TICKETS_ENTITIES, TICKETS_MIGRATIONS } from '@courierdesk/tickets';
import { loadTicketsDemo, ticketsIsEmpty, type TicketsLoadCounts } from './load-tickets-demo';
import { planTicketsDemo } from './tickets-demo';
import { demoWaybills, PARTNER } from './tickets-demo.test-helper';

// The demo desk opened through the tickets services on a real PostgreSQL, twice (two schemas):
// what it leaves must be what the plan says, the same both times, and quick enough for a first start.
const logger = createLogger('test', 'silent');
const now = new Date(Date.now() - 60_000);
const waybills = demoWaybills(now);
const partnerOutlet = { id: PARTNER, code: '110101-001' };

let db: TestDatabase;
const sources: DataSource[] = [];
let counts: TicketsLoadCounts;
let ms: number;

const migrated = (schema: string) =>
  initializeDataSource(createDataSource({ url: db.url, schema, entities: TICKETS_ENTITIES, migrations: TICKETS_MIGRATIONS, applicationName: 'test', poolMax: 3 }), logger);

/** What a schema holds, without ids, numbers and instants (random or per run). */
const content = (ds: DataSource, schema: string) =>
  ds.query(
    `SELECT waybill_no, kind, reason, channel, priority, status, urge_count, assignee, resolution_code, regulator_case_no,
            responsible_outlet_id, counterpart_outlet_id, opened_by, (merged_into_id IS NOT NULL) AS merged
       FROM "${schema}".ticket ORDER BY waybill_no NULLS FIRST, kind, merged, reason, opened_at`,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  sources.push(await migrated('tickets'), await migrated('tickets_again'));
  const started = Date.now();
  counts = await loadTicketsDemo(sources[0], waybills, { partnerOutlet, now });
  ms = Date.now() - started;
  await loadTicketsDemo(sources[1], waybills, { partnerOutlet, now });
}, 60_000);

afterAll(async () => {
  for (const ds of sources) await ds.destroy();
  await db?.drop();
});

describe('loadTicketsDemo', () => {
  it('opens every planned case through the services, in well under two seconds', async () => {
    const plan = planTicketsDemo(waybills, { partnerOutletId: PARTNER, now });
    expect(counts.tickets).toBe(plan.cases.length);
    expect(counts.merged).toBe(plan.merges.length);
    const [{ n }] = await sources[0].query(`SELECT count(*)::int AS n FROM tickets.ticket`);
    expect(n).toBe(plan.cases.length);
    // Every ticket has its CREATED line, and the audit trail holds each step (repeat urges as URGED).
    const [{ created, urged }] = await sources[0].query(
      `SELECT count(*) FILTER (WHERE type = 'CREATED')::int AS created, count(*) FILTER (WHERE type = 'URGED' AND field IS NULL)::int AS urged FROM tickets.ticket_event`,
    );
    expect(created).toBe(plan.cases.length);
    expect(urged).toBe(counts.repeatUrges);
    expect(ms).toBeLessThan(2000);
    expect(await ticketsIsEmpty(sources[0])).toBe(false);
  });

  it('leaves the same desk on a second run (deterministic)', async () => {
    expect(await content(sources[1], 'tickets_again')).toEqual(await content(sources[0], 'tickets'));
  });

  it('counts repeat urges on the open urge (urge count 2–3), and keeps the 12305 case with its number', async () => {
    const urges = (await sources[0].query(`SELECT urge_count FROM tickets.ticket WHERE kind = 'URGE' AND urge_count > 1`)) as { urge_count: number }[];
    expect(urges.length).toBeGreaterThanOrEqual(3);
    expect(urges.every((u) => u.urge_count >= 2 && u.urge_count <= 3)).toBe(true);
    const [regulator] = await sources[0].query(`SELECT priority, escalation_level, regulator_case_no, regulator_deadline FROM tickets.ticket WHERE channel = 'REGULATOR_12305'`);
    expect(regulator).toMatchObject({ priority: 'URGENT', escalation_level: 'HQ_CS' });
    expect(regulator.regulator_case_no).toMatch(/^YZ12305-/);
  });

  it('shows the partner outlet its problem parcels, from both sides, and nothing of other outlets', async () => {
    const services = createTicketsServices(sources[0], { now: () => now, waybills: { facts: async () => new Map() }, escalationChains: NO_ESCALATION_CONTACTS });
    const partner = { subject: 'partner-110101-001', roles: [Role.OUTLET_PARTNER], scopes: ROLE_SCOPES[Role.OUTLET_PARTNER], outletId: PARTNER, tokenId: 't' };
    const noLoaders = { ticket: { prime: () => undefined } } as never;
    const page = await services.finder.page(
      partner,
      noLoaders,
      { statuses: ['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'ESCALATED', 'RESOLVED', 'CLOSED'], kinds: ['PROBLEM_PARCEL'], outletId: null, transitCentreId: null, assignee: null, breached: null, openedFrom: null, openedTo: null, waybillNo: null },
      { first: 100 },
    );
    const rows = page.edges.map((e) => e.node);
    const [{ n }] = await sources[0].query(`SELECT count(*)::int AS n FROM tickets.ticket WHERE kind = 'PROBLEM_PARCEL'`);
    expect(rows).toHaveLength(n);
    expect(rows.some((r) => r.responsibleOutletId === PARTNER)).toBe(true);
    expect(rows.some((r) => r.counterpartOutletId === PARTNER)).toBe(true);
    const [{ others }] = await sources[0].query(
      `SELECT count(*)::int AS others FROM tickets.ticket WHERE responsible_outlet_id IS DISTINCT FROM $1 AND counterpart_outlet_id IS DISTINCT FROM $1`,
      [PARTNER],
    );
    expect(others).toBeGreaterThan(0);
  });
});
