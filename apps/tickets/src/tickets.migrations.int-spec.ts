import type { DataSource } from 'typeorm';
import { createDataSource, initializeDataSource } from '@courierdesk/platform-db';
import { createLogger } from '@courierdesk/platform-subgraph';
import { createTestDatabase, type TestDatabase } from '@courierdesk/testing';
import { ticketPageQuery } from './ticket/ticket-queue.query';
import { TICKETS_DB_SCHEMA, TICKETS_ENTITIES, TICKETS_MIGRATIONS } from './tickets.entities';

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND relname <> 'migrations' ORDER BY 1`, [TICKETS_DB_SCHEMA])).map(
    (r: { relname: string }) => r.relname,
  );

const plan = async (ds: DataSource, sql: string, params: unknown[]): Promise<string> => {
  await ds.query('SET enable_seqscan = off');
  const rows = (await ds.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[];
  await ds.query('RESET enable_seqscan');
  return rows.map((r) => r['QUERY PLAN']).join('\n');
};

const QUEUE = { statuses: null, kinds: null, outletId: null, transitCentreId: null, assignee: null, breached: null, openedFrom: null, openedTo: null, waybillNo: null, restrictOutletId: null, now: new Date() };

describe('tickets migrations and indexes', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await initializeDataSource(
      createDataSource({ url: db.url, schema: TICKETS_DB_SCHEMA, entities: TICKETS_ENTITIES, migrations: TICKETS_MIGRATIONS, applicationName: 'tickets-migrations-test', poolMax: 2 }),
      createLogger('test', 'silent'),
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('creates the desk’s tables and migrates down to nothing and up again', async () => {
    const all = ['feed_position', 'outlet_working_hours', 'ticket', 'ticket_comment', 'ticket_escalation', 'ticket_event', 'ticket_evidence'];
    expect(await tables(ds)).toEqual(all);
    for (let i = 0; i < TICKETS_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(all);
  });

  it.each([
    ['the HQ queue', {}, 'ticket_open_queue'],
    ['an assignee’s queue', { assignee: 'agent-1' }, 'ticket_assignee'],
    ['a transit centre’s queue', { transitCentreId: '00000000-0000-4000-8000-000000000001' }, 'ticket_transit_centre'],
    ['a waybill’s tickets', { waybillNo: 'CD000000000019' }, 'ticket_waybill'],
    ['an outlet’s queue (responsible walk)', { outletId: '00000000-0000-4000-8000-000000000002' }, 'ticket_responsible_outlet'],
    ['an outlet’s queue (counterpart walk)', { outletId: '00000000-0000-4000-8000-000000000002' }, 'ticket_counterpart_outlet'],
    ['a partner’s queue (responsible walk)', { restrictOutletId: '00000000-0000-4000-8000-000000000002' }, 'ticket_responsible_outlet'],
  ])('%s walks an index', async (_name, criteria, index) => {
    const { sql, params } = ticketPageQuery({ ...QUEUE, ...criteria }, 50, null);
    expect(await plan(ds, sql, params)).toContain(index);
  });

  it('reads an outlet’s queue in queue order from its indexes, without sorting its whole history', async () => {
    const { sql, params } = ticketPageQuery({ ...QUEUE, outletId: '00000000-0000-4000-8000-000000000002' }, 50, null);
    const shown = await plan(ds, sql, params);
    expect(shown).toContain('Merge Append');
    expect(shown).not.toContain('Bitmap');
  });
});
