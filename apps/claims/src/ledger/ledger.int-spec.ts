import { randomUUID } from 'node:crypto';
import { isCheckViolation, postgresErrorCode, violatedConstraint } from '@courierdesk/platform-db';
import { customerAccount, NETWORK_ACCOUNT, outletAccount, transitCentreAccount } from './ledger-account';
import { CLAIMS_MIGRATIONS } from '../claims.entities';
import { LedgerService, transfer } from './ledger.service';
import { insertClaim, moneyRows, startLedgerDatabase, type LedgerTestDatabase } from './testing/ledger.test-helper';

const tables = async (t: LedgerTestDatabase): Promise<string[]> =>
  (await t.ds.query(`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'claims' AND c.relkind = 'r' AND relname <> 'migrations' ORDER BY 1`)).map(
    (r: { relname: string }) => r.relname,
  );

describe('ledger (复式记账) on PostgreSQL', () => {
  let t: LedgerTestDatabase;
  let ledger: LedgerService;
  const at = new Date('2026-12-01T08:00:00+08:00');
  const outlet = randomUUID();

  beforeAll(async () => {
    t = await startLedgerDatabase('ledger-spec');
    ledger = new LedgerService(t.ds);
  });
  afterAll(() => t.stop());

  it('creates the money tables and migrates down to the claims tables and up again', async () => {
    const money = ['arbitration', 'fine', 'ledger_account', 'ledger_entry', 'ledger_posting', 'payout'];
    expect(await tables(t)).toEqual(['arbitration', 'claim', 'claim_event', 'claim_evidence', 'fine', 'ledger_account', 'ledger_entry', 'ledger_posting', 'payout']);
    // Every migration after the claims migration (the ledger's, then issue 12's), undone newest first.
    for (let i = 1; i < CLAIMS_MIGRATIONS.length; i++) await t.ds.undoLastMigration({ transaction: 'each' });
    expect((await tables(t)).filter((name) => money.includes(name))).toEqual([]);
    await t.ds.runMigrations({ transaction: 'each' });
    expect(await tables(t)).toContain('ledger_posting');
  });

  it('posts a balanced entry, opens its accounts and derives balances from the postings', async () => {
    const claim = await insertClaim(t.ds);
    const customer = customerAccount(claim.waybillNo as string);
    const centre = randomUUID();
    const entry = await t.ds.transaction((m) =>
      ledger.post(m, {
        kind: 'ADJUSTMENT',
        claimId: claim.id,
        at,
        memo: 'three-way split',
        actor: 'hq',
        postings: [
          { accountId: NETWORK_ACCOUNT, amountFen: -1_000 },
          { accountId: outletAccount(outlet), amountFen: 600 },
          { accountId: transitCentreAccount(centre), amountFen: 399 },
          { accountId: customer, amountFen: 1 },
        ],
      }),
    );
    expect(await ledger.postingsOf(entry.id)).toEqual(entry.postings);
    const balances = await ledger.balances([outletAccount(outlet), transitCentreAccount(centre), customer, 'OUTLET:00000000-0000-4000-8000-000000000000']);
    expect([...balances.values()]).toEqual([600, 399, 1, 0]);
    const accounts = await t.ds.query(`SELECT id, kind, outlet_id, transit_centre_id, waybill_no FROM ledger_account WHERE id = ANY($1) ORDER BY kind`, [[outletAccount(outlet), transitCentreAccount(centre), customer]]);
    expect(accounts).toEqual([
      { id: customer, kind: 'CUSTOMER', outlet_id: null, transit_centre_id: null, waybill_no: claim.waybillNo },
      { id: outletAccount(outlet), kind: 'OUTLET', outlet_id: outlet, transit_centre_id: null, waybill_no: null },
      { id: transitCentreAccount(centre), kind: 'TRANSIT_CENTRE', outlet_id: null, transit_centre_id: centre, waybill_no: null },
    ]);
    expect(await ledger.check()).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0 });
  });

  it.each([
    ['one posting', [{ accountId: NETWORK_ACCOUNT, amountFen: 5 }], 'ENTRY_UNBALANCED'],
    ['no postings', [], 'ENTRY_UNBALANCED'],
    ['a fen out of balance', [...transfer(NETWORK_ACCOUNT, 'OUTLET:00000000-0000-4000-8000-000000000001', 100), { accountId: NETWORK_ACCOUNT, amountFen: 1 }], 'ENTRY_UNBALANCED'],
    ['a zero posting', [{ accountId: NETWORK_ACCOUNT, amountFen: 0 }, { accountId: NETWORK_ACCOUNT, amountFen: 0 }], 'INVALID_POSTING'],
    ['a fraction of a fen', transfer(NETWORK_ACCOUNT, 'OUTLET:00000000-0000-4000-8000-000000000001', 0.5), 'INVALID_POSTING'],
    ['an account that is not one', transfer(NETWORK_ACCOUNT, 'OUTLET:not-a-uuid', 100), 'INVALID_REFERENCE_ID'],
  ])('refuses an entry with %s before writing anything', async (_name, postings, code) => {
    const before = await moneyRows(t.ds);
    await expect(t.ds.transaction((m) => ledger.post(m, { kind: 'ADJUSTMENT', at, memo: 'bad', actor: 'hq', postings }))).rejects.toMatchObject({ code });
    expect(await moneyRows(t.ds)).toEqual(before);
  });

  it('fails the transaction at COMMIT when SQL writes an unbalanced entry behind the service’s back (deferred constraint trigger)', async () => {
    const before = await moneyRows(t.ds);
    const id = randomUUID();
    const failure = await t.ds
      .transaction(async (m) => {
        await m.query(`INSERT INTO ledger_entry (id, kind, at, memo, actor) VALUES ($1, 'ADJUSTMENT', now(), 'x', 'sql')`, [id]);
        await m.query(`INSERT INTO ledger_posting (entry_id, account_id, amount_fen) VALUES ($1, 'NETWORK', -100), ($1, $2, 99)`, [id, outletAccount(outlet)]);
        // Deferred: inside the transaction the unbalanced rows are there.
        expect(await m.query(`SELECT sum(amount_fen)::int AS s FROM ledger_posting WHERE entry_id = $1`, [id])).toEqual([{ s: -1 }]);
      })
      .catch((err: unknown) => err);
    expect(isCheckViolation(failure)).toBe(true);
    expect(violatedConstraint(failure)).toBe('ledger_entry_balances');
    expect(await moneyRows(t.ds)).toEqual(before);
  });

  it('fails at COMMIT for an entry without postings, and for postings added to a balanced entry later', async () => {
    const lonely = await t.ds.transaction((m) => m.query(`INSERT INTO ledger_entry (id, kind, at, memo, actor) VALUES ($1, 'ADJUSTMENT', now(), 'x', 'sql')`, [randomUUID()])).catch((e: unknown) => e);
    expect(violatedConstraint(lonely)).toBe('ledger_entry_balances');
    const entry = await t.ds.transaction((m) => ledger.post(m, { kind: 'ADJUSTMENT', at, memo: 'ok', actor: 'hq', postings: transfer(NETWORK_ACCOUNT, outletAccount(outlet), 7) }));
    const added = await t.ds.query(`INSERT INTO ledger_posting (entry_id, account_id, amount_fen) VALUES ($1, 'NETWORK', 3)`, [entry.id]).catch((e: unknown) => e);
    expect(violatedConstraint(added)).toBe('ledger_entry_balances');
  });

  it.each([
    ['UPDATE a posting', `UPDATE ledger_posting SET amount_fen = amount_fen * 2`],
    ['DELETE a posting', `DELETE FROM ledger_posting`],
    ['UPDATE an entry', `UPDATE ledger_entry SET memo = 'rewritten'`],
    ['DELETE an entry', `DELETE FROM ledger_entry`],
    ['TRUNCATE the postings', `TRUNCATE ledger_posting`],
    ['UPDATE an account', `UPDATE ledger_account SET kind = 'NETWORK'`],
  ])('is append-only: %s is refused, even for the tables’ owner', async (_name, sql) => {
    await t.ds.transaction((m) => ledger.post(m, { kind: 'ADJUSTMENT', at, memo: 'keep', actor: 'hq', postings: transfer(NETWORK_ACCOUNT, outletAccount(outlet), 11) }));
    const before = await t.ds.query(`SELECT (SELECT count(*) FROM ledger_posting)::int AS n, (SELECT sum(amount_fen) FROM ledger_posting WHERE amount_fen > 0)::text AS s`);
    const err = await t.ds.query(sql).catch((e: unknown) => e);
    expect(postgresErrorCode(err)).toBe('42501');
    expect(String((err as Error).message)).toContain('append-only');
    expect(await t.ds.query(`SELECT (SELECT count(*) FROM ledger_posting)::int AS n, (SELECT sum(amount_fen) FROM ledger_posting WHERE amount_fen > 0)::text AS s`)).toEqual(before);
  });

  it('ledgerCheck finds an unbalanced entry when the balance trigger is switched off (the check does not trust the trigger)', async () => {
    expect(await ledger.check()).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0 });
    const runner = t.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`ALTER TABLE ledger_posting DISABLE TRIGGER ledger_posting_balances`);
      await runner.query(`ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_balances`);
      const id = randomUUID();
      await runner.query(`INSERT INTO ledger_entry (id, kind, at, memo, actor) VALUES ($1, 'ADJUSTMENT', now(), 'x', 'sql')`, [id]);
      await runner.query(`INSERT INTO ledger_posting (entry_id, account_id, amount_fen) VALUES ($1, 'NETWORK', -250)`, [id]);
      const checked = await ledger.check(runner.manager);
      expect(checked).toMatchObject({ unbalancedEntries: 1, trialBalanceFen: -250 });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await ledger.check()).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0 });
  });
});
