import { randomUUID } from 'node:crypto';
import type { ChargeCheckFacts, ChargeCheckLineFacts } from '@courierdesk/domain-liability';
import { as } from '../testing/identities';
import { aWaybillNo } from '../testing/builders';
import { firstError, startClaimsHarness, type ClaimsHarness } from '../testing/claims.harness';

// Overcharge refunds (乱收费退款 → 多收费退还): the refund is tracking's charge check's, never an amount
// the client gives; the shipper gets it back, and the origin outlet, which collected it, is charged back.

const NOW = new Date('2026-11-02T02:00:00Z');
const PICKUP = new Date('2026-10-28T00:00:00Z');

const CLAIM = `id number kind status version claimedFen approvedFen rejectionReason bearingPlaceKind bearingPlaceId headlessSearch { searchId }
  decision { rule code ruleVersion tariffVersion explanationZh explanationEn codes totalFen payableFen bearer lines { code amountFen ruleCode } bearing { code placeKind placeId codes } }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { ${CLAIM} } }`;
const REVIEW = `mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { ${CLAIM} } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { ${CLAIM} } }`;
const APPROVE = `mutation ($input: ClaimVersionInput!) { approveClaim(input: $input) { ${CLAIM} } }`;
const PAY = `mutation ($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { amountFen customerAccountId bearingAccountId chargebackEntryId } } }`;
const READ = `query ($id: ID) { claim(id: $id) { ${CLAIM} history { type field from to } } }`;
const CHECK = `query { ledgerCheck { unbalancedEntries trialBalanceFen } }`;
const TICKET_CLAIM = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Ticket { id claim { id kind status } } } }`;

const line = (code: string, allowedFen: number, chargedFen: number, verdict: string): ChargeCheckLineFacts => ({
  code,
  allowedFen,
  chargedFen,
  differenceFen: chargedFen - allowedFen,
  verdict,
  rule: `${code} per the tariff`,
  ruleZh: `${code}按运价表`,
});
const checkOf = (lines: ChargeCheckLineFacts[], verdict: string): ChargeCheckFacts => ({
  tariffVersion: 'tariff-2026.2',
  pricedAt: PICKUP,
  lines,
  allowedTotalFen: lines.reduce((s, l) => s + l.allowedFen, 0),
  chargedTotalFen: lines.reduce((s, l) => s + l.chargedFen, 0),
  refundOwedFen: lines.reduce((s, l) => s + Math.max(0, l.chargedFen - l.allowedFen), 0),
  verdict,
  explanationZh: '运价核对',
});

describe('claims: overcharge refunds (多收费退还) from the graph’s charge check', () => {
  let h: ClaimsHarness;
  const origin = randomUUID();
  const destination = randomUUID();

  beforeAll(async () => {
    h = await startClaimsHarness({ now: () => NOW });
  });
  afterAll(() => h.stop());

  const ok = (res: any, field: string) => {
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const waybill = (chargeCheck: ChargeCheckFacts | null, charges = [{ code: 'FREIGHT', amountFen: 1_500 }]) =>
    h.waybills.add({
      waybillNo: aWaybillNo(),
      originOutletId: origin,
      destinationOutletId: destination,
      freightFen: charges.find((c) => c.code === 'FREIGHT')?.amountFen ?? 0,
      charges,
      chargeCheck,
      createdAt: PICKUP,
      signedAt: new Date('2026-10-30T02:00:00Z'),
      status: 'SIGNED',
      scans: [{ type: 'PICKED_UP', at: PICKUP, place: { kind: 'OUTLET', id: origin } }],
    }).waybillNo;
  const file = async (input: Record<string, unknown>, who = as.agent()) => ok(await h.gql(who, FILE, { input: { kind: 'OVERCHARGE', claimant: 'SENDER', claimedFen: 99_999, ...input } }), 'fileClaim');
  const review = async (c: { id: string; version: number }) => ok(await h.gql(as.agent(), REVIEW, { input: { claimId: c.id, version: c.version } }), 'reviewClaim');
  const decide = async (c: { id: string; version: number }) => ok(await h.gql(as.manager(), DECIDE, { input: { claimId: c.id, version: c.version, notifiedOfCap: false } }), 'decideClaim');
  const counts = async () => (await h.ds.query(`SELECT (SELECT count(*)::int FROM claims.claim) AS claims, (SELECT count(*)::int FROM claims.ledger_entry) AS entries`))[0];

  it('an overcharged waybill, filed from its OVERCHARGED complaint: the refund owed, approved and paid to the shipper, charged back to the origin outlet, the ledger balanced', async () => {
    const check = checkOf([line('FREIGHT', 1_000, 1_500, 'OVERCHARGED'), line('INSURANCE', 300, 300, 'MATCHES'), line('UPSTAIRS', 0, 800, 'NOT_ALLOWED')], 'OVERCHARGED');
    const no = waybill(check, [{ code: 'FREIGHT', amountFen: 1_500 }, { code: 'INSURANCE', amountFen: 300 }, { code: 'UPSTAIRS', amountFen: 800 }]);
    const ticketId = randomUUID();
    h.tickets.add({ id: ticketId, waybillNo: no, kind: 'COMPLAINT', reason: 'OVERCHARGED', responsibleOutletId: origin });

    // The claimant asks for ¥999.99: the refund is the check's ¥13.00 whatever is asked.
    const filed = await file({ ticketId });
    expect(filed).toMatchObject({ kind: 'OVERCHARGE', status: 'SUBMITTED', claimedFen: 99_999, decision: null, headlessSearch: null });
    const ticket: any = await h.gql(as.agent(), TICKET_CLAIM, { reps: [{ __typename: 'Ticket', id: ticketId }] });
    expect(ticket.data._entities[0].claim).toEqual({ id: filed.id, kind: 'OVERCHARGE', status: 'SUBMITTED' });

    // No evidence is asked for: the charges and the tariff are the network's own records.
    const reviewed = await review(filed);
    expect(reviewed.status).toBe('UNDER_REVIEW');
    const decided = await decide(reviewed);
    expect(decided).toMatchObject({ status: 'UNDER_REVIEW', bearingPlaceKind: 'OUTLET', bearingPlaceId: origin });
    expect(decided.decision).toMatchObject({
      rule: 'OVERCHARGE_REFUND',
      code: 'REFUND',
      ruleVersion: 'liability-2024.1',
      tariffVersion: 'tariff-2026.2',
      totalFen: 1_300,
      payableFen: 1_300,
      bearer: 'CARRIER',
      bearing: { code: 'BORNE_BY_PLACE', placeKind: 'OUTLET', placeId: origin, codes: ['BORNE_BY_ORIGIN_OUTLET'] },
    });
    expect(decided.decision.lines).toEqual([
      { code: 'OVERCHARGE_FREIGHT', amountFen: 500, ruleCode: 'overcharge-refund.freight' },
      { code: 'OVERCHARGE_UPSTAIRS', amountFen: 800, ruleCode: 'overcharge-refund.upstairs' },
    ]);
    expect(decided.decision.codes).toEqual(expect.arrayContaining(['REFUND', 'OVERCHARGED', 'PAYEE_SHIPPER', 'OVERCHARGED_FREIGHT', 'OVERCHARGED_UPSTAIRS']));
    expect(decided.decision.explanationZh).toContain('tariff-2026.2');
    expect(decided.decision.explanationZh).toContain('上楼费不应收取，多收8.00元');
    expect(decided.decision.explanationEn).toContain('FREIGHT ¥5.00 overcharged (allowed ¥10.00, charged ¥15.00');

    const approved = ok(await h.gql(as.manager(), APPROVE, { input: { claimId: decided.id, version: decided.version } }), 'approveClaim');
    expect(approved).toMatchObject({ status: 'APPROVED', approvedFen: 1_300 });
    const pay: any = await h.gql(as.manager(), PAY, { input: { claimId: filed.id, idempotencyKey: `refund-${filed.id}` } });
    expect(pay.errors).toBeUndefined();
    expect(pay.data.payClaim).toMatchObject({ replayed: false, payout: { amountFen: 1_300, customerAccountId: `CUSTOMER:${no}`, bearingAccountId: `OUTLET:${origin}` } });

    const postings = await h.ds.query(
      `SELECT e.kind, p.account_id AS account, p.amount_fen::int AS fen FROM claims.ledger_entry e JOIN claims.ledger_posting p ON p.entry_id = e.id WHERE e.claim_id = $1 ORDER BY e.seq, p.amount_fen`,
      [filed.id],
    );
    expect(postings).toEqual([
      { kind: 'PAYOUT', account: 'NETWORK', fen: -1_300 },
      { kind: 'PAYOUT', account: `CUSTOMER:${no}`, fen: 1_300 },
      { kind: 'CHARGEBACK', account: `OUTLET:${origin}`, fen: -1_300 },
      { kind: 'CHARGEBACK', account: 'NETWORK', fen: 1_300 },
    ]);
    expect(ok(await h.gql(as.manager(), CHECK), 'ledgerCheck')).toEqual({ unbalancedEntries: 0, trialBalanceFen: 0 });
    const read: any = await h.gql(as.agent(), READ, { id: filed.id });
    expect(read.data.claim.status).toBe('PAID');
    expect(read.data.claim.history.map((l: any) => l.type)).toEqual(expect.arrayContaining(['DECISION', 'PAYOUT', 'CHARGEBACK']));
  });

  it.each([
    ['CORRECT', checkOf([line('FREIGHT', 1_500, 1_500, 'MATCHES')], 'CORRECT'), 'CHARGES_CORRECT', '各项收费与运价相符'],
    ['UNDERCHARGED', checkOf([line('FREIGHT', 1_500, 1_200, 'UNDERCHARGED')], 'UNDERCHARGED'), 'UNDERCHARGED', '实收低于应收'],
  ])('a %s charge check: rejected at the decision with its stable reason, nothing owed, nothing to pay', async (_, check, reason, zh) => {
    const filed = await file({ waybillNo: waybill(check) });
    const decided = await decide(filed);
    expect(decided).toMatchObject({ status: 'REJECTED', approvedFen: null, bearingPlaceKind: null });
    expect(decided.decision).toMatchObject({ rule: 'OVERCHARGE_REFUND', code: 'NOT_OVERCHARGED', totalFen: 0, payableFen: 0, bearing: null, lines: [] });
    expect(decided.decision.codes.slice(0, 2)).toEqual(['NOT_OVERCHARGED', reason]);
    expect(decided.rejectionReason).toContain(reason);
    expect(decided.decision.explanationZh).toContain(zh);
    const approve: any = await h.gql(as.manager(), APPROVE, { input: { claimId: decided.id, version: decided.version } });
    expect(firstError(approve)).toEqual({ code: 'CONFLICT', reason: 'CLAIM_TRANSITION_NOT_ALLOWED' });
  });

  it('a waybill tracking cannot price: filing is refused (WAYBILL_NOT_PRICED, CONFLICT) and nothing is written', async () => {
    const before = await counts();
    const res: any = await h.gql(as.agent(), FILE, { input: { waybillNo: waybill(null), kind: 'OVERCHARGE', claimant: 'SENDER', claimedFen: 500 } });
    expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'WAYBILL_NOT_PRICED' });
    expect(await counts()).toEqual(before);
  });

  it('a charge check gone by the decision: the decision is refused (WAYBILL_NOT_PRICED) and the claim is left as it was', async () => {
    const no = waybill(checkOf([line('FREIGHT', 1_000, 1_500, 'OVERCHARGED')], 'OVERCHARGED'));
    const filed = await file({ waybillNo: no });
    h.waybills.known.get(no)!.chargeCheck = null;
    const res: any = await h.gql(as.manager(), DECIDE, { input: { claimId: filed.id, version: filed.version, notifiedOfCap: false } });
    expect(firstError(res)).toEqual({ code: 'CONFLICT', reason: 'WAYBILL_NOT_PRICED' });
    expect((await h.gql(as.agent(), READ, { id: filed.id }) as any).data.claim).toMatchObject({ status: 'SUBMITTED', version: filed.version, decision: null });
  });

  it('a partner of the origin outlet reads its overcharge claim but never decides, approves or pays it', async () => {
    const no = waybill(checkOf([line('FREIGHT', 1_000, 1_200, 'OVERCHARGED')], 'OVERCHARGED'));
    const filed = await file({ waybillNo: no });
    const decided = await decide(filed);
    const read: any = await h.gql(as.partner(origin), READ, { id: filed.id });
    expect(read.data.claim).toMatchObject({ id: filed.id, kind: 'OVERCHARGE', decision: { code: 'REFUND', totalFen: 200 } });

    const forged = as.outletAgentWithDecide(origin);
    const refused: any[] = [
      await h.gql(forged, DECIDE, { input: { claimId: filed.id, version: decided.version, notifiedOfCap: false } }),
      await h.gql(forged, APPROVE, { input: { claimId: filed.id, version: decided.version } }),
      await h.gql(forged, PAY, { input: { claimId: filed.id, idempotencyKey: `partner-${filed.id}` } }),
    ];
    expect(refused.map((r) => firstError(r)?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(firstError(await h.gql(as.partner(origin), APPROVE, { input: { claimId: filed.id, version: decided.version } }))?.code).toBe('FORBIDDEN');
    expect((await h.gql(as.agent(), READ, { id: filed.id }) as any).data.claim).toMatchObject({ status: 'UNDER_REVIEW', version: decided.version });
  });

  it('the charges fill the premium and add-on fees: a delay still waives the freight alone', async () => {
    const no = h.waybills.add({
      waybillNo: aWaybillNo(),
      originOutletId: origin,
      destinationOutletId: destination,
      freightFen: 1_200,
      charges: [{ code: 'FREIGHT', amountFen: 1_200 }, { code: 'INSURANCE', amountFen: 300 }, { code: 'REMOTE_AREA', amountFen: 500 }, { code: 'UPSTAIRS', amountFen: 200 }],
      promisedAt: new Date('2026-10-30T02:00:00Z'),
      signedAt: new Date('2026-10-31T04:00:00Z'),
      status: 'SIGNED',
      scans: [{ type: 'PICKED_UP', at: PICKUP, place: { kind: 'OUTLET', id: origin } }],
    });
    expect(no.fees).toEqual({ serviceFeeFen: 1_200, insuranceFeeFen: 300, addOnFeesFen: 700 });
    const filed = ok(await h.gql(as.agent(), FILE, { input: { waybillNo: no.waybillNo, kind: 'DELAY', claimant: 'SENDER', claimedFen: 5_000 } }), 'fileClaim');
    const decided = await decide(filed);
    expect(decided.decision).toMatchObject({ code: 'SERVICE_FEE_WAIVED', totalFen: 1_200, lines: [{ code: 'SERVICE_FEE_WAIVED', amountFen: 1_200, ruleCode: 'compensation.delay-fee-waiver' }] });
  });
});
