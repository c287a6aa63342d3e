import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { postgresErrorCode } from '@courierdesk/platform-db';
import { customerAccount, NETWORK_ACCOUNT, outletAccount, transitCentreAccount } from './ledger-account';
import { LedgerService } from './ledger.service';
import { PayoutService, type PayOutcome } from './payout.service';
import { as, insertClaim, moneyRows, startLedgerDatabase, type LedgerTestDatabase, WaybillsForPayouts } from './testing/ledger.test-helper';

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const codeOf = (r: PromiseSettledResult<unknown>): string => (r.status === 'rejected' ? ((r.reason as { code?: string }).code ?? String(r.reason)) : 'OK');

const claimState = async (ds: DataSource, id: string) => {
  const [row] = await ds.query(`SELECT status, version, paid_at IS NOT NULL AS paid FROM claim WHERE id = $1`, [id]);
  const events = await ds.query(`SELECT type, field, from_value, to_value FROM claim_event WHERE claim_id = $1 ORDER BY id`, [id]);
  return { ...row, events };
};

const entriesOf = async (ds: DataSource, claimId: string) =>
  ds.query(
    `SELECT e.kind, p.account_id AS account, p.amount_fen::int AS fen FROM ledger_entry e JOIN ledger_posting p ON p.entry_id = e.id WHERE e.claim_id = $1 ORDER BY e.seq, p.id`,
    [claimId],
  );

describe('payouts (赔付): idempotent, exactly once', () => {
  let t: LedgerTestDatabase;
  let ledger: LedgerService;
  let payouts: PayoutService;
  const now = new Date('2026-12-02T10:00:00+08:00');

  beforeAll(async () => {
    t = await startLedgerDatabase('payout-spec', 10);
    ledger = new LedgerService(t.ds);
    payouts = new PayoutService(t.ds, ledger, () => now, new WaybillsForPayouts());
  });
  afterAll(() => t.stop());
  afterEach(async () => expect(await ledger.check()).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0 }));

  it('pays an approved claim borne by an outlet: payout and chargeback in one transaction, claim PAID with its audit lines', async () => {
    const outlet = randomUUID();
    const claim = await insertClaim(t.ds, { approvedFen: 123_456, bearingPlaceKind: 'OUTLET', bearingPlaceId: outlet });
    const before = await ledger.balances([NETWORK_ACCOUNT]);

    const { payout, replayed } = await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'pay-1' });

    expect(replayed).toBe(false);
    expect(payout).toMatchObject({ claimId: claim.id, amountFen: 123_456, bearingAccountId: outletAccount(outlet), customerAccountId: customerAccount(claim.waybillNo as string), paidBy: 'hq-decider' });
    expect(await entriesOf(t.ds, claim.id)).toEqual([
      { kind: 'PAYOUT', account: NETWORK_ACCOUNT, fen: -123_456 },
      { kind: 'PAYOUT', account: customerAccount(claim.waybillNo as string), fen: 123_456 },
      { kind: 'CHARGEBACK', account: outletAccount(outlet), fen: -123_456 },
      { kind: 'CHARGEBACK', account: NETWORK_ACCOUNT, fen: 123_456 },
    ]);
    const after = await ledger.balances([NETWORK_ACCOUNT, outletAccount(outlet), customerAccount(claim.waybillNo as string)]);
    expect(after.get(NETWORK_ACCOUNT)).toBe(before.get(NETWORK_ACCOUNT));
    expect(after.get(outletAccount(outlet))).toBe(-123_456);
    expect(after.get(customerAccount(claim.waybillNo as string))).toBe(123_456);
    expect(await claimState(t.ds, claim.id)).toEqual({
      status: 'PAID',
      version: 4,
      paid: true,
      events: [
        { type: 'PAID', field: 'status', from_value: 'APPROVED', to_value: 'PAID' },
        { type: 'PAYOUT', field: null, from_value: null, to_value: null },
        { type: 'CHARGEBACK', field: null, from_value: null, to_value: null },
      ],
    });
  });

  it.each(['HUB'] as const)('charges a transit centre that bears the fault (bearing place kind %s), and charges nobody when no place bears it', async (kind) => {
    const centre = randomUUID();
    const borne = await insertClaim(t.ds, { approvedFen: 700, bearingPlaceKind: kind, bearingPlaceId: centre });
    const unborne = await insertClaim(t.ds, { approvedFen: 900 });
    expect((await payouts.pay(as.decider(), { claimId: borne.id, idempotencyKey: randomUUID() })).payout.bearingAccountId).toBe(transitCentreAccount(centre));
    expect((await ledger.balances([transitCentreAccount(centre)])).get(transitCentreAccount(centre))).toBe(-700);
    const { payout } = await payouts.pay(as.decider(), { claimId: unborne.id, idempotencyKey: randomUUID() });
    expect(payout.chargebackEntryId).toBeNull();
    expect((await entriesOf(t.ds, unborne.id)).map((e: { kind: string }) => e.kind)).toEqual(['PAYOUT', 'PAYOUT']);
  });

  it('returns the first result on a retry with the same key, refuses another key (CLAIM_ALREADY_PAID) and the same key for another claim (IDEMPOTENCY_KEY_REUSED)', async () => {
    const claim = await insertClaim(t.ds);
    const other = await insertClaim(t.ds);
    const first = await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'retry-key' });
    const rows = await moneyRows(t.ds);

    // A retry by another HQ agent with the key (a second browser tab) gets the first result, as recorded.
    const again = await payouts.pay(as.decider('hq-other'), { claimId: claim.id.toUpperCase(), idempotencyKey: 'retry-key' });
    expect(again).toEqual({ payout: first.payout, replayed: true });
    await expect(payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'another-key' })).rejects.toMatchObject({ code: 'CLAIM_ALREADY_PAID', kind: 'CONFLICT' });
    await expect(payouts.pay(as.decider(), { claimId: other.id, idempotencyKey: 'retry-key' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', kind: 'BAD_USER_INPUT' });
    expect(await moneyRows(t.ds)).toEqual(rows);
    expect((await claimState(t.ds, other.id)).status).toBe('APPROVED');
    expect(await payouts.payoutOf(claim.id)).toEqual(first.payout);
  });

  it.each(['SUBMITTED', 'NEEDS_EVIDENCE', 'UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'])('refuses a %s claim (CLAIM_NOT_APPROVED), writing nothing', async (status) => {
    const claim = await insertClaim(t.ds, { status });
    const rows = await moneyRows(t.ds);
    await expect(payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: 'CLAIM_NOT_APPROVED', kind: 'CONFLICT' });
    expect(await moneyRows(t.ds)).toEqual(rows);
    expect(await claimState(t.ds, claim.id)).toEqual({ status, version: 3, paid: false, events: [] });
  });

  it.each([
    ['an agent without claims:decide', () => as.agent(), 'SCOPE_MISSING'],
    ['a partner with claims:decide forged into its token', () => as.partner(randomUUID(), ['claims:read', 'claims:decide'] as never), 'HQ_ONLY'],
  ])('refuses %s', async (_name, who, code) => {
    const claim = await insertClaim(t.ds);
    await expect(payouts.pay(who(), { claimId: claim.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code });
    expect((await claimState(t.ds, claim.id)).status).toBe('APPROVED');
  });

  it.each([
    ['an unknown claim', { claimId: randomUUID(), idempotencyKey: 'k' }, 'CLAIM_NOT_FOUND'],
    ['a claim id that is not a UUID', { claimId: 'CL-1', idempotencyKey: 'k' }, 'INVALID_REFERENCE_ID'],
    ['an empty key', { claimId: randomUUID(), idempotencyKey: '' }, 'INVALID_IDEMPOTENCY_KEY'],
    ['a key of 256 characters', { claimId: randomUUID(), idempotencyKey: 'k'.repeat(256) }, 'INVALID_IDEMPOTENCY_KEY'],
    ['a key with a newline', { claimId: randomUUID(), idempotencyKey: 'a\nb' }, 'INVALID_IDEMPOTENCY_KEY'],
  ])('refuses %s', async (_name, input, code) => {
    await expect(payouts.pay(as.decider(), input)).rejects.toMatchObject({ code });
  });

  it('pays once under 50 concurrent payouts of one claim, half with one shared key and half with keys of their own', async () => {
    const outlet = randomUUID();
    const claim = await insertClaim(t.ds, { approvedFen: 8_800, bearingPlaceKind: 'OUTLET', bearingPlaceId: outlet });
    const keys = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 'shared-key' : `own-key-${i}`));

    const results = await settle(keys.map((idempotencyKey) => payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey })));

    const paid = results.filter((r): r is PromiseFulfilledResult<PayOutcome> => r.status === 'fulfilled');
    expect(paid.filter((r) => !r.value.replayed)).toHaveLength(1);
    expect(new Set(paid.map((r) => r.value.payout.payoutId)).size).toBe(1);
    const winnerKey = keys[results.findIndex((r) => r.status === 'fulfilled' && !r.value.replayed)];
    // Every call with the winner's key got its result; every other call was told the claim is paid.
    results.forEach((r, i) => expect(codeOf(r)).toBe(keys[i] === winnerKey ? 'OK' : 'CLAIM_ALREADY_PAID'));
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM payout WHERE claim_id = $1`, [claim.id])).toEqual([{ n: 1 }]);
    expect(await entriesOf(t.ds, claim.id)).toHaveLength(4);
    expect((await ledger.balances([outletAccount(outlet)])).get(outletAccount(outlet))).toBe(-8_800);
    expect(await claimState(t.ds, claim.id)).toMatchObject({ status: 'PAID', version: 4 });
  });

  it('pays once under 50 concurrent retries with the same key: all get the one result', async () => {
    const claim = await insertClaim(t.ds, { approvedFen: 4_200 });
    const results = await Promise.all(Array.from({ length: 50 }, () => payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: `same-${claim.id}` })));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    // jsonb stores the first result with its keys reordered: equal objects, not equal strings.
    for (const r of results) expect(r.payout).toEqual(results[0].payout);
    expect(await entriesOf(t.ds, claim.id)).toHaveLength(2);
  });

  it('lets one key pay one claim when 10 claims race with it: the losers hit the key’s UNIQUE and are told IDEMPOTENCY_KEY_REUSED', async () => {
    const claims = await Promise.all(Array.from({ length: 10 }, () => insertClaim(t.ds, { approvedFen: 100 })));
    const key = `racing-${randomUUID()}`;
    const results = await settle(claims.map((c) => payouts.pay(as.decider(), { claimId: c.id, idempotencyKey: key })));
    expect(results.map(codeOf).sort()).toEqual([...Array(9).fill('IDEMPOTENCY_KEY_REUSED'), 'OK']);
    const statuses = await t.ds.query(`SELECT status, count(*)::int AS n FROM claim WHERE id = ANY($1) GROUP BY status ORDER BY status`, [claims.map((c) => c.id)]);
    expect(statuses).toEqual([
      { status: 'APPROVED', n: 9 },
      { status: 'PAID', n: 1 },
    ]);
  });

  it('keeps the payout row append-only', async () => {
    const claim = await insertClaim(t.ds);
    await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: randomUUID() });
    for (const sql of [`UPDATE payout SET amount_fen = 1 WHERE claim_id = $1`, `DELETE FROM payout WHERE claim_id = $1`]) {
      expect(postgresErrorCode(await t.ds.query(sql, [claim.id]).catch((e: unknown) => e))).toBe('42501');
    }
    expect(await t.ds.query(`SELECT amount_fen::int AS fen FROM payout WHERE claim_id = $1`, [claim.id])).toEqual([{ fen: 50_000 }]);
  });

  describe('a connection killed mid-payout (pg_terminate_backend)', () => {
    it('after the entries are written and before COMMIT: loses nothing, pays nothing, and the retry with the same key pays once', async () => {
      const outlet = randomUUID();
      const claim = await insertClaim(t.ds, { approvedFen: 3_300, bearingPlaceKind: 'OUTLET', bearingPlaceId: outlet });
      const rows = await moneyRows(t.ds);
      let killed: number | null = null;
      const faulty = new PayoutService(t.ds, ledger, () => now, new WaybillsForPayouts(), {
        afterEntries: async (manager) => {
          // The entries are in, uncommitted: the backend that holds them is cut from another connection.
          const [{ pid, pending }] = await manager.query(`SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM ledger_entry WHERE claim_id = $1) AS pending`, [claim.id]);
          expect(pending).toBe(2);
          const [{ ok }] = await t.ds.query(`SELECT pg_terminate_backend($1) AS ok`, [pid]);
          killed = ok ? pid : null;
        },
      });

      await expect(faulty.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'cut-key' })).rejects.toThrow();
      expect(killed).not.toBeNull();
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [killed])).toEqual([{ n: 0 }]);
      expect(await moneyRows(t.ds)).toEqual(rows);
      expect(await claimState(t.ds, claim.id)).toEqual({ status: 'APPROVED', version: 3, paid: false, events: [] });

      const retried = await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'cut-key' });
      expect(retried.replayed).toBe(false);
      expect(await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'cut-key' })).toEqual({ payout: retried.payout, replayed: true });
      expect(await entriesOf(t.ds, claim.id)).toHaveLength(4);
      expect((await ledger.balances([outletAccount(outlet)])).get(outletAccount(outlet))).toBe(-3_300);
    });

    it('while it waits on the claim’s row lock: the killed payout writes nothing, the lock holder’s work stands, the retry pays once', async () => {
      const claim = await insertClaim(t.ds, { approvedFen: 2_500 });
      const rows = await moneyRows(t.ds);
      const holder = t.ds.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT id FROM claim WHERE id = $1 FOR UPDATE`, [claim.id]);
        const waiting = payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'lock-cut' }).then(
          () => 'paid',
          (err: unknown) => err,
        );
        const pid = await waitForLockWaiter(t.ds);
        await t.ds.query(`SELECT pg_terminate_backend($1)`, [pid]);
        expect(await waiting).toBeInstanceOf(Error);
        await holder.query(`UPDATE claim SET updated_at = now() WHERE id = $1`, [claim.id]);
        await holder.commitTransaction();
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      expect(await moneyRows(t.ds)).toEqual(rows);
      expect((await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: 'lock-cut' })).replayed).toBe(false);
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM payout WHERE claim_id = $1`, [claim.id])).toEqual([{ n: 1 }]);
    });
  });
});

/** The backend of this database waiting on a row lock (the payout behind the holder), once it waits. */
async function waitForLockWaiter(ds: DataSource): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const [row] = (await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`)) as { pid: number }[];
    if (row) return row.pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no payout waited on the claim’s lock');
}
