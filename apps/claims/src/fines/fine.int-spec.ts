import { randomUUID } from 'node:crypto';
import { NETWORK_ACCOUNT, outletAccount } from '../ledger/ledger-account';
import { LedgerService } from '../ledger/ledger.service';
import { PayoutService } from '../ledger/payout.service';
import { as, CaseFactsInMemory, insertClaim, moneyRows, startLedgerDatabase, type LedgerTestDatabase, WaybillsForPayouts } from '../ledger/testing/ledger.test-helper';
import { owedFen } from './fine.row';
import { FineService } from './fine.service';

describe('fines (罚款) and arbitration (仲裁): the ledger follows the outcome', () => {
  let t: LedgerTestDatabase;
  let ledger: LedgerService;
  let fines: FineService;
  const cases = new CaseFactsInMemory();
  const now = new Date('2026-12-03T09:00:00+08:00');
  const balanceOf = async (outletId: string): Promise<number> => (await ledger.balances([outletAccount(outletId)])).get(outletAccount(outletId)) as number;

  beforeAll(async () => {
    t = await startLedgerDatabase('fine-spec', 10);
    ledger = new LedgerService(t.ds);
    fines = new FineService(t.ds, ledger, () => now, cases);
  });
  afterAll(() => t.stop());

  it.each([
    ['不上楼 without evidence, 2024 schedule', 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', new Date('2026-11-30T10:00:00+08:00'), 50_000, 'liability-2024.1'],
    ['不上楼 without evidence, case before 2024-04-01', 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', new Date('2024-03-31T23:59:00+08:00'), 20_000, 'liability-2018.1'],
    ['other complaint lost on evidence', 'NO_EVIDENCE', new Date('2026-11-30T10:00:00+08:00'), 20_000, 'liability-2024.1'],
    ['false sign-off (虚假签收)', 'FALSE_SIGN_OFF', new Date('2026-11-30T10:00:00+08:00'), 100_000, 'liability-2024.1'],
  ] as const)('issues a fine for %s at the schedule’s amount in force when the case arose, posted OUTLET → NETWORK', async (_name, reason, caseAt, amount, version) => {
    const outlet = randomUUID();
    const network = (await ledger.balances([NETWORK_ACCOUNT])).get(NETWORK_ACCOUNT) as number;
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason, caseAt, ticketId: cases.lost(outlet, reason), evidenceRefs: ['ticket:TK1/evidence/1'] });
    expect(fine).toMatchObject({ outletId: outlet, reason, amountFen: amount, status: 'ISSUED', ruleVersion: version, evidenceRefs: ['ticket:TK1/evidence/1'] });
    expect(fine.explanationZh).toContain('罚款');
    expect(await balanceOf(outlet)).toBe(-amount);
    expect((await ledger.balances([NETWORK_ACCOUNT])).get(NETWORK_ACCOUNT)).toBe(network + amount);
    expect(await ledger.postingsOf(fine.entryId)).toEqual([
      { accountId: outletAccount(outlet), amountFen: -amount },
      { accountId: NETWORK_ACCOUNT, amountFen: amount },
    ]);
  });

  it.each([
    ['an amount for a schedule reason', { reason: 'FALSE_SIGN_OFF', amountFen: 1 }, 'AMOUNT_SET_BY_POLICY'],
    ['OTHER without an amount', { reason: 'OTHER', note: 'lost parcel scan' }, 'AMOUNT_REQUIRED'],
    ['OTHER with a fraction of a fen', { reason: 'OTHER', amountFen: 10.5, note: 'x' }, 'INVALID_AMOUNT'],
    ['OTHER with a negative amount', { reason: 'OTHER', amountFen: -100, note: 'x' }, 'INVALID_AMOUNT'],
    ['OTHER without a note', { reason: 'OTHER', amountFen: 100 }, 'INVALID_TEXT'],
    ['an unknown reason', { reason: 'LATE' }, 'INVALID_TEXT'],
    ['an unknown claim', { reason: 'OTHER', amountFen: 100, note: 'x', claimId: randomUUID() }, 'CLAIM_NOT_FOUND'],
    ['a missing-evidence fine without the ticket it is decided on', { reason: 'NO_EVIDENCE' }, 'FINE_CASE_REQUIRED'],
    ['a false sign-off without a waybill or ticket', { reason: 'FALSE_SIGN_OFF' }, 'FINE_CASE_REQUIRED'],
    ['a ticket the graph does not know', { reason: 'NO_EVIDENCE', ticketId: randomUUID() }, 'FINE_CASE_NOT_FOUND'],
  ])('refuses to issue %s, writing nothing', async (_name, over, code) => {
    const rows = await moneyRows(t.ds);
    await expect(fines.issue(as.decider(), { outletId: randomUUID(), ...(over as { reason: 'OTHER' }) })).rejects.toMatchObject({ code });
    expect(await moneyRows(t.ds)).toEqual(rows);
  });

  it.each([
    ['an agent without claims:decide', () => as.agent(), 'SCOPE_MISSING'],
    ['a partner, even with claims:decide in its token', () => as.partner(randomUUID(), ['claims:decide'] as never), 'HQ_ONLY'],
  ])('lets only HQ with claims:decide issue a fine: refuses %s', async (_name, who, code) => {
    await expect(fines.issue(who(), { outletId: randomUUID(), reason: 'NO_EVIDENCE' })).rejects.toMatchObject({ code });
  });

  it.each([
    ['evidence delivered in time', 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', 'FOR_OUTLET', false],
    ['the evidence deadline still running', 'NO_EVIDENCE', 'PENDING', false],
    ['another outlet’s ticket', 'NO_EVIDENCE', 'AGAINST_OUTLET', true],
  ] as const)('refuses a fine the case does not support — %s (FINE_NOT_SUPPORTED), writing nothing', async (_name, reason, outcome, otherOutlet) => {
    const outlet = randomUUID();
    const ticketId = cases.lost(otherOutlet ? randomUUID() : outlet, reason, outcome);
    const rows = await moneyRows(t.ds);
    await expect(fines.issue(as.decider(), { outletId: outlet, reason, ticketId })).rejects.toMatchObject({ code: 'FINE_NOT_SUPPORTED', kind: 'CONFLICT' });
    expect(await moneyRows(t.ds)).toEqual(rows);
  });

  it('fines an outlet once per case and reason (FINE_ALREADY_ISSUED)', async () => {
    const outlet = randomUUID();
    const ticketId = cases.lost(outlet, 'NO_EVIDENCE');
    await fines.issue(as.decider(), { outletId: outlet, reason: 'NO_EVIDENCE', ticketId });
    await expect(fines.issue(as.decider(), { outletId: outlet, reason: 'NO_EVIDENCE', ticketId })).rejects.toMatchObject({ code: 'FINE_ALREADY_ISSUED', kind: 'CONFLICT' });
    expect(await balanceOf(outlet)).toBe(-20_000);
  });

  it('fine → dispute by the outlet → arbitration OVERTURNED: the outlet’s balance is restored', async () => {
    const outlet = randomUUID();
    const before = await balanceOf(outlet);
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', ticketId: cases.lost(outlet, 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE') });
    expect(await balanceOf(outlet)).toBe(before - 50_000);

    const disputed = await fines.dispute(as.partner(outlet), { fineId: fine.id, statement: '已上楼，有通话录音', evidenceRefs: ['oss://rec/1.m4a'] });
    expect(disputed.fine.status).toBe('DISPUTED');
    expect(disputed.arbitration).toMatchObject({ status: 'OPEN', statement: '已上楼，有通话录音', evidenceRefs: ['oss://rec/1.m4a'], outcome: null });

    const decided = await fines.decide(as.decider(), { fineId: fine.id, outcome: 'OVERTURNED', note: 'recording accepted' });
    expect(decided.fine.status).toBe('OVERTURNED');
    expect(decided.arbitration).toMatchObject({ status: 'DECIDED', outcome: 'OVERTURNED', decidedBy: 'hq-decider', decisionNote: 'recording accepted' });
    expect(owedFen(decided.fine, decided.arbitration)).toBe(0);
    expect(await balanceOf(outlet)).toBe(before);
    expect(await ledger.postingsOf(decided.arbitration?.reversalEntryId as string)).toEqual([
      { accountId: NETWORK_ACCOUNT, amountFen: -50_000 },
      { accountId: outletAccount(outlet), amountFen: 50_000 },
    ]);
  });

  it.each([
    ['REDUCED to ¥300', 'REDUCED', 30_000, -30_000, 1],
    ['UPHELD', 'UPHELD', null, -100_000, 0],
  ] as const)('arbitration %s: the ledger reverses the difference only', async (_name, outcome, reducedToFen, balance, reversals) => {
    const outlet = randomUUID();
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason: 'FALSE_SIGN_OFF', ticketId: cases.lost(outlet, 'FALSE_SIGN_OFF') });
    await fines.dispute(as.partner(outlet), { fineId: fine.id, statement: '签收有底单' });
    const decided = await fines.decide(as.decider(), { fineId: fine.id, outcome, reducedToFen });
    expect(decided.fine.status).toBe(outcome);
    expect(owedFen(decided.fine, decided.arbitration)).toBe(-balance);
    expect(await balanceOf(outlet)).toBe(balance);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM ledger_entry WHERE fine_id = $1 AND kind = 'FINE_REVERSAL'`, [fine.id])).toEqual([{ n: reversals }]);
  });

  it.each([
    ['0 (that is OVERTURNED)', 0],
    ['the whole fine (that is UPHELD)', 20_000],
    ['more than the fine', 20_001],
    ['a fraction of a fen', 100.5],
    ['nothing', null],
  ])('refuses a reduction to %s (INVALID_REDUCED_AMOUNT), leaving the case open', async (_name, reducedToFen) => {
    const outlet = randomUUID();
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason: 'NO_EVIDENCE', ticketId: cases.lost(outlet, 'NO_EVIDENCE') });
    await fines.dispute(as.partner(outlet), { fineId: fine.id, statement: 'x' });
    await expect(fines.decide(as.decider(), { fineId: fine.id, outcome: 'REDUCED', reducedToFen })).rejects.toMatchObject({ code: 'INVALID_REDUCED_AMOUNT' });
    expect((await fines.find(fine.id))?.arbitration?.status).toBe('OPEN');
    expect(await balanceOf(outlet)).toBe(-20_000);
  });

  it('lets only the fined outlet dispute, once; HQ decides only an open case, once — even 10 decisions at the same moment', async () => {
    const outlet = randomUUID();
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason: 'NO_EVIDENCE', ticketId: cases.lost(outlet, 'NO_EVIDENCE') });
    await expect(fines.decide(as.decider(), { fineId: fine.id, outcome: 'OVERTURNED' })).rejects.toMatchObject({ code: 'ARBITRATION_NOT_OPEN' });
    await expect(fines.dispute(as.partner(randomUUID()), { fineId: fine.id, statement: 'not ours' })).rejects.toMatchObject({ code: 'FINE_NOT_FOUND', kind: 'NOT_FOUND' });
    await expect(fines.dispute(as.decider(), { fineId: fine.id, statement: 'HQ' })).rejects.toMatchObject({ code: 'OUTLET_ONLY' });
    await expect(fines.dispute(as.partner(outlet), { fineId: fine.id, statement: '' })).rejects.toMatchObject({ code: 'INVALID_TEXT' });
    await fines.dispute(as.partner(outlet), { fineId: fine.id, statement: 'first' });
    await expect(fines.dispute(as.partner(outlet), { fineId: fine.id, statement: 'again' })).rejects.toMatchObject({ code: 'FINE_NOT_DISPUTABLE' });
    await expect(fines.decide(as.partner(outlet, ['claims:decide'] as never), { fineId: fine.id, outcome: 'OVERTURNED' })).rejects.toMatchObject({ code: 'HQ_ONLY' });

    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => fines.decide(as.decider(), { fineId: fine.id, outcome: i % 2 ? 'OVERTURNED' : 'REDUCED', reducedToFen: i % 2 ? null : 5_000 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(9).fill('ARBITRATION_NOT_OPEN'));
    const { fine: after, arbitration } = (await fines.find(fine.id)) as NonNullable<Awaited<ReturnType<FineService['find']>>>;
    expect(await balanceOf(outlet)).toBe(-owedFen(after, arbitration));
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM ledger_entry WHERE fine_id = $1 AND kind = 'FINE_REVERSAL'`, [fine.id])).toEqual([{ n: 1 }]);
  });

  it('balances after everything: payouts, chargebacks, fines and reversals — no unbalanced entry, trial balance 0, every outlet’s balance the sum of its story', async () => {
    const outlet = randomUUID();
    const payouts = new PayoutService(t.ds, ledger, () => now, new WaybillsForPayouts());
    const claim = await insertClaim(t.ds, { approvedFen: 12_345, bearingPlaceKind: 'OUTLET', bearingPlaceId: outlet });
    await payouts.pay(as.decider(), { claimId: claim.id, idempotencyKey: randomUUID() });
    const fine = await fines.issue(as.decider(), { outletId: outlet, reason: 'FALSE_SIGN_OFF', claimId: claim.id, ticketId: cases.lost(outlet, 'FALSE_SIGN_OFF') });
    await fines.dispute(as.partner(outlet), { fineId: fine.id, statement: 'x' });
    await fines.decide(as.decider(), { fineId: fine.id, outcome: 'REDUCED', reducedToFen: 40_000 });
    expect(await balanceOf(outlet)).toBe(-12_345 - 40_000);
    const check = await ledger.check();
    expect(check).toMatchObject({ unbalancedEntries: 0, trialBalanceFen: 0 });
    expect(check.entries).toBeGreaterThan(20);
    const [{ sum }] = await t.ds.query(`SELECT sum(b)::text AS sum FROM (SELECT sum(amount_fen) AS b FROM ledger_posting GROUP BY account_id) x`);
    expect(sum).toBe('0');
  });
});
