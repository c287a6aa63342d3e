import { randomUUID } from 'node:crypto';
import { chinaTime } from '@courierdesk/domain-sla';
import { DEFAULT_LIABILITY_POLICIES, LIABILITY_POLICY_2024 } from '@courierdesk/domain-liability';
import { as } from '../testing/identities';
import { aWaybillNo } from '../testing/builders';
import { firstError, startClaimsHarness, type ClaimsHarness, type TestScan } from '../testing/claims.harness';

const NOW = new Date('2026-11-02T02:00:00Z'); // Monday 10:00 in China
const t = (iso: string) => new Date(iso);
/** A headless-parcel search (无头件查找) made before NOW: a lost parcel is agreed and paid only after one. */
const SEARCHED = { id: 'hs-1', searchedAt: t('2026-11-01T02:00:00Z'), candidateCount: 2, policyVersion: 'headless-2026.1' };

const CLAIM = `id number kind claimant status version waybillNo ticketId claimedFen approvedFen agreedAt acknowledgedAt ruleVersion bearingPlaceKind bearingPlaceId
  decision { rule code ruleVersion explanationZh codes totalFen payableFen treatedAs insured billed bearer shipperMayClaimDamages eventAt
    lines { code amountFen ruleCode } bearing { code placeKind placeId explanationZh codes } }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { ${CLAIM} } }`;
const EVIDENCE = `mutation ($input: AddClaimEvidenceInput!) { addClaimEvidence(input: $input) { evidence { id item kind } claim { id version } } }`;
const REVIEW = `mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { ${CLAIM} } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { ${CLAIM} } }`;
const APPROVE = `mutation ($input: ClaimVersionInput!) { approveClaim(input: $input) { ${CLAIM} } }`;
const READ = `query ($id: ID, $number: String) { claim(id: $id, number: $number) { ${CLAIM} history { type field from to } evidence { item } } }`;

describe('claims: filing, evidence, decision and approval on the graph’s facts', () => {
  let h: ClaimsHarness;
  const origin = randomUUID();
  const destination = randomUUID();
  const hub = randomUUID();

  beforeAll(async () => {
    h = await startClaimsHarness({ now: () => NOW });
  });
  afterAll(() => h.stop());

  const ok = (res: any, field: string) => {
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const file = async (input: Record<string, unknown>, who = as.agent()) => ok(await h.gql(who, FILE, { input }), 'fileClaim');
  const addEvidence = async (claimId: string, item: string, kind: string) =>
    ok(await h.gql(as.agent(), EVIDENCE, { input: { claimId, item, kind, storageRef: `oss://claims/${randomUUID()}` } }), 'addClaimEvidence');
  const review = async (claim: { id: string; version: number }) => ok(await h.gql(as.agent(), REVIEW, { input: { claimId: claim.id, version: claim.version } }), 'reviewClaim');
  const decide = async (claim: { id: string; version: number }, findings: Record<string, unknown> = { notifiedOfCap: true }) =>
    ok(await h.gql(as.manager(), DECIDE, { input: { claimId: claim.id, version: claim.version, ...findings } }), 'decideClaim');
  const approve = async (claim: { id: string; version: number }) => ok(await h.gql(as.manager(), APPROVE, { input: { claimId: claim.id, version: claim.version } }), 'approveClaim');
  const counts = async () => (await h.ds.query(`SELECT (SELECT count(*)::int FROM claims.claim) AS claims, (SELECT count(*)::int FROM claims.claim_event) AS events`))[0];

  // Picked up at the origin outlet, through the hub, arrived at the destination outlet.
  const trip = (): TestScan[] => [
    { type: 'PICKED_UP', at: t('2026-10-28T00:00:00Z'), place: { kind: 'OUTLET', id: origin } },
    { type: 'ARRIVED_AT_HUB', at: t('2026-10-28T12:00:00Z'), place: { kind: 'HUB', id: hub } },
    { type: 'DEPARTED_HUB', at: t('2026-10-28T18:00:00Z'), place: { kind: 'HUB', id: hub } },
  ];
  const arrived = (): TestScan[] => [...trip(), { type: 'ARRIVED_AT_OUTLET', at: t('2026-10-29T02:00:00Z'), place: { kind: 'OUTLET', id: destination } }];
  const waybill = (facts: Parameters<ClaimsHarness['waybills']['add']>[0] extends infer F ? Omit<F, 'waybillNo'> : never) =>
    h.waybills.add({ waybillNo: aWaybillNo(), originOutletId: origin, destinationOutletId: destination, promisedAt: t('2026-10-31T02:00:00Z'), ...facts }).waybillNo;

  it('a lost insured parcel: evidence asked for, then the insured amount (never above the value), borne by the hub that loaded it last, approved', async () => {
    const no = waybill({ declaredValueFen: 50_000, insuredValueFen: 50_000, freightFen: 1_200, scans: trip(), headlessSearch: SEARCHED });
    const filed = await file({ waybillNo: no, kind: 'LOSS', claimant: 'SENDER', claimedFen: 50_000, actualValueFen: 60_000 });
    expect(filed).toMatchObject({ status: 'SUBMITTED', version: 1, kind: 'LOSS', claimedFen: 50_000, decision: null });
    expect(filed.number).toMatch(/^CL20261102-\d{6,}$/);

    const asked = await review(filed);
    expect(asked).toMatchObject({ status: 'NEEDS_EVIDENCE', version: 2 });
    expect(asked.acknowledgedAt).toBe(NOW.toISOString());
    await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
    await addEvidence(filed.id, 'INSURANCE_RECEIPT', 'DOCUMENT');
    const complete = await review(asked);
    expect(complete.status).toBe('UNDER_REVIEW');

    const decided = await decide(complete);
    expect(decided.decision).toMatchObject({ rule: 'COMPENSATION', code: 'COMPENSATE', ruleVersion: 'liability-2024.1', insured: true, totalFen: 50_000, payableFen: 50_000 });
    expect(decided.decision.lines).toEqual([{ code: 'INSURED_COMPENSATION', amountFen: 50_000, ruleCode: 'compensation.insured-loss' }]);
    expect(decided.decision.explanationZh).toContain('保价快件丢失');
    expect(decided.decision.bearing).toMatchObject({ code: 'BORNE_BY_PLACE', placeKind: 'HUB', placeId: hub });
    expect(decided.decision.bearing.codes).toContain('LOST_AFTER_DEPARTURE');
    expect(decided).toMatchObject({ bearingPlaceKind: 'HUB', bearingPlaceId: hub, ruleVersion: 'liability-2024.1' });

    const approved = await approve(decided);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedFen: 50_000, agreedAt: NOW.toISOString() });
    const read: any = await h.gql(as.agent(), READ, { number: filed.number.toLowerCase() });
    expect(read.data.claim.history.map((l: any) => l.type)).toEqual(
      expect.arrayContaining(['CREATED', 'REVIEWED', 'EVIDENCE_CHECKED', 'EVIDENCE_ADDED', 'DECIDED', 'DECISION', 'APPROVED']),
    );
    expect(read.data.claim.history).toContainEqual({ type: 'APPROVED', field: 'status', from: 'UNDER_REVIEW', to: 'APPROVED' });

    // Paid once, whatever the retries; the claim shows its payout and its statutory clocks.
    const PAY = `mutation ($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { amountFen customerAccountId bearingAccountId } } }`;
    const pays: any[] = await Promise.all([1, 2, 3].map(() => h.gql(as.manager(), PAY, { input: { claimId: filed.id, idempotencyKey: `pay-${filed.id}` } })));
    expect(pays.map((p) => p.errors)).toEqual([undefined, undefined, undefined]);
    expect(pays.filter((p) => !p.data.payClaim.replayed)).toHaveLength(1);
    const PAID = `query ($id: ID) { claim(id: $id) { status payout { amountFen bearingAccountId } clocks { metric state doneAt ruleVersion } } }`;
    const paid: any = await h.gql(as.agent(), PAID, { id: filed.id });
    expect(paid.data.claim).toMatchObject({ status: 'PAID', payout: { amountFen: 50_000, bearingAccountId: `TRANSIT_CENTRE:${hub}` } });
    expect(paid.data.claim.clocks.map((c: any) => [c.metric, c.state])).toEqual([
      ['FILING', 'MET'],
      ['ACKNOWLEDGE', 'MET'],
      ['DECIDE', 'MET'],
      ['PAY', 'MET'],
    ]);
  });

  it('a lost uninsured parcel: the actual loss, capped at 3× the freight only when the shipper was told of the cap', async () => {
    const no = waybill({ freightFen: 1_000, scans: trip(), headlessSearch: SEARCHED });
    const filed = await file({ waybillNo: no, kind: 'LOSS', claimant: 'SENDER', claimedFen: 20_000, actualValueFen: 20_000 });
    await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
    const notTold = await decide(await review(filed), { notifiedOfCap: false });
    expect(notTold.decision).toMatchObject({ insured: false, totalFen: 20_000, payableFen: 20_000 });
    expect(notTold.decision.codes).toContain('CAP_NOT_NOTIFIED');
    const told = await decide(notTold, { notifiedOfCap: true });
    expect(told.decision.lines).toEqual([
      { code: 'ACTUAL_LOSS', amountFen: 20_000, ruleCode: 'compensation.uninsured-actual-loss' },
      { code: 'UNINSURED_CAP', amountFen: -17_000, ruleCode: 'compensation.uninsured-cap' },
    ]);
    expect(told.decision.totalFen).toBe(3_000);
    expect((await approve(told)).approvedFen).toBe(3_000);
  });

  it.each([
    ['reported 8 h after arrival: the destination outlet bears it', '2026-10-29T10:00:00Z', 'OUTLET', 'DAMAGED_IN_CUSTODY'],
    ['reported on arrival (within 2 h): the hub before it bears it', '2026-10-29T03:00:00Z', 'HUB', 'DAMAGED_ON_ARRIVAL'],
  ])('a damaged parcel %s', async (_what, reportedAt, placeKind, code) => {
    const scans: TestScan[] = [
      ...arrived(),
      { type: 'PROBLEM_REPORTED', at: t(reportedAt), place: { kind: 'OUTLET', id: destination }, problemCode: 'DAMAGED' },
      { type: 'SIGNED', at: t('2026-10-30T02:00:00Z'), place: { kind: 'OUTLET', id: destination }, courierId: randomUUID() },
    ];
    const no = waybill({ freightFen: 1_500, scans, signedAt: t('2026-10-30T02:00:00Z'), status: 'DELIVERED' });
    const filed = await file({ waybillNo: no, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 4_000, actualValueFen: 10_000, actualLossFen: 4_000 });
    await addEvidence(filed.id, 'DAMAGE_PHOTO', 'PHOTO');
    await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
    const decided = await decide(await review(filed));
    expect(decided.decision).toMatchObject({ code: 'COMPENSATE', totalFen: 4_000, eventAt: new Date(reportedAt).toISOString() });
    expect(decided.decision.bearing).toMatchObject({ placeKind, placeId: placeKind === 'HUB' ? hub : destination });
    expect(decided.decision.bearing.codes).toContain(code);
    expect(decided).toMatchObject({ bearingPlaceKind: placeKind, bearingPlaceId: placeKind === 'HUB' ? hub : destination });
  });

  it.each([
    ['NOT_AS_DESCRIBED', 'BILL_SHIPPER', 'SHIPPER', 'SHIPPER', 0, null],
    ['CARRIER_DELAY', 'CARRIER_BEARS', null, 'CARRIER', 1_200, 'destination'],
    ['COURIER_MISCONDUCT', 'CARRIER_BEARS', null, 'CARRIER', 1_200, null],
    ['NO_REASON', 'BILL_SHIPPER', 'SHIPPER', 'CONSIGNEE', 0, null],
    ['DAMAGED_IN_CARRIAGE', 'CARRIER_BEARS', null, 'CARRIER', 1_200, 'destination'],
    ['PLATFORM_NO_REASON_RETURN', 'BILL_SHIPPER', 'SHIPPER', 'MERCHANT_OR_PLATFORM', 0, null],
  ])('return freight after a refusal, cause %s → %s (billed %s, borne by %s, payable %d, internal bearer %s)', async (cause, code, billed, bearer, payable, place) => {
    const refusedAt = '2026-10-29T04:00:00Z';
    const scans: TestScan[] = [
      ...arrived(),
      { type: 'OUT_FOR_DELIVERY', at: t('2026-10-29T03:00:00Z'), place: { kind: 'OUTLET', id: destination }, courierId: randomUUID() },
      { type: 'DELIVERY_FAILED', at: t(refusedAt), place: { kind: 'OUTLET', id: destination }, failureReason: 'REFUSED' },
      { type: 'RETURN_STARTED', at: t('2026-10-29T05:00:00Z'), place: { kind: 'OUTLET', id: destination } },
    ];
    const no = waybill({ freightFen: 1_200, scans, status: 'RETURNING' });
    const filed = await file({ waybillNo: no, kind: 'RETURN_FREIGHT', claimant: 'SENDER', claimedFen: 1_200, refusalCause: cause });
    await addEvidence(filed.id, 'REFUSAL_CAUSE_PROOF', 'RECORDING');
    const decided = await decide(await review(filed));
    expect(decided.decision).toMatchObject({ rule: 'RETURN_FREIGHT', code, billed, bearer, totalFen: 1_200, payableFen: payable, eventAt: new Date(refusedAt).toISOString() });
    expect(decided.decision.codes).toContain(`CAUSE_${cause}`);
    expect(decided.decision.shipperMayClaimDamages).toBe(cause === 'DAMAGED_IN_CARRIAGE');
    expect(decided.bearingPlaceId).toBe(place ? destination : null);
    if (cause === 'COURIER_MISCONDUCT') expect(decided.decision.codes).toContain('INTERNAL_BEARER_UNKNOWN');
    expect((await approve(decided)).approvedFen).toBe(payable);
  });

  it('a delay waives the service fee; a thorough delay of a parcel still missing is treated as loss', async () => {
    const late = waybill({
      freightFen: 1_200,
      promisedAt: t('2026-10-29T02:00:00Z'),
      signedAt: t('2026-10-30T04:00:00Z'),
      status: 'DELIVERED',
      scans: [...arrived(), { type: 'SIGNED', at: t('2026-10-30T04:00:00Z'), place: { kind: 'OUTLET', id: destination } }],
    });
    const ordinary = await file({ waybillNo: late, kind: 'DELAY', claimant: 'SENDER', claimedFen: 1_200 });
    // A delay needs no evidence: the promise and the scans are the network's own records.
    const reviewed = await review(ordinary);
    expect(reviewed.status).toBe('UNDER_REVIEW');
    const decided = await decide(reviewed);
    expect(decided.decision).toMatchObject({ code: 'SERVICE_FEE_WAIVED', treatedAs: 'DELAY', totalFen: 1_200 });
    expect(decided.decision.lines).toEqual([{ code: 'SERVICE_FEE_WAIVED', amountFen: 1_200, ruleCode: 'compensation.delay-fee-waiver' }]);
    expect(decided.decision.codes).toContain('ORDINARY_DELAY');
    // The stall is placed where the parcel sat longest (the destination outlet: arrived 29 Oct, signed 30 Oct).
    expect(decided.bearingPlaceId).toBe(destination);

    const missing = waybill({ freightFen: 1_200, promisedAt: t('2026-10-25T02:00:00Z'), scans: trip() });
    const thorough = await file({ waybillNo: missing, kind: 'DELAY', claimant: 'RECIPIENT', claimedFen: 30_000, actualValueFen: 30_000 });
    const asLoss = await decide(await review(thorough), { notifiedOfCap: false });
    expect(asLoss.decision).toMatchObject({ code: 'COMPENSATE', treatedAs: 'LOSS', totalFen: 30_000 });
    expect(asLoss.decision.codes).toEqual(expect.arrayContaining(['THOROUGH_DELAY', 'THOROUGH_DELAY_AS_LOSS']));
  });

  it('refuses bad amounts, an unknown waybill and a late claim with the library’s codes, writing nothing', async () => {
    const declared = waybill({ declaredValueFen: 50_000, scans: trip() });
    const longAgo = waybill({ signedAt: t('2025-10-01T02:00:00Z'), status: 'DELIVERED', scans: trip() });
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ waybillNo: declared, kind: 'LOSS', claimedFen: -1 }, 'BAD_USER_INPUT', 'NEGATIVE_AMOUNT'],
      [{ waybillNo: declared, kind: 'LOSS', claimedFen: 12.5 }, 'BAD_USER_INPUT', 'AMOUNT_NOT_INTEGER'],
      [{ waybillNo: declared, kind: 'LOSS', claimedFen: 2 ** 53 }, 'BAD_USER_INPUT', 'AMOUNT_NOT_INTEGER'],
      [{ waybillNo: declared, kind: 'LOSS', claimedFen: 100, actualValueFen: -5 }, 'BAD_USER_INPUT', 'NEGATIVE_AMOUNT'],
      [{ waybillNo: declared, kind: 'LOSS', claimedFen: 60_000 }, 'BAD_USER_INPUT', 'CLAIM_ABOVE_DECLARED_VALUE'],
      [{ waybillNo: declared, kind: 'DAMAGE', claimedFen: 1_000, actualValueFen: 1_000, actualLossFen: 2_000 }, 'BAD_USER_INPUT', 'LOSS_ABOVE_VALUE'],
      [{ waybillNo: declared, kind: 'RETURN_FREIGHT', claimedFen: 1_000 }, 'BAD_USER_INPUT', 'REFUSAL_CAUSE_REQUIRED'],
      [{ waybillNo: aWaybillNo(), kind: 'LOSS', claimedFen: 1_000 }, 'NOT_FOUND', 'WAYBILL_NOT_FOUND'],
      [{ waybillNo: longAgo, kind: 'DAMAGE', claimedFen: 1_000, actualValueFen: 1_000, actualLossFen: 1_000 }, 'CONFLICT', 'CLAIM_FILED_TOO_LATE'],
    ];
    for (const [input, code, reason] of cases) {
      const res: any = await h.gql(as.agent(), FILE, { input: { claimant: 'SENDER', ...input } });
      expect({ input, error: firstError(res) }).toEqual({ input, error: { code, reason } });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a decision without the required evidence (nothing written), and the second of two same-version edits gets CONFLICT', async () => {
    const no = waybill({ freightFen: 1_000, scans: trip() });
    const filed = await file({ waybillNo: no, kind: 'LOSS', claimant: 'SENDER', claimedFen: 5_000, actualValueFen: 5_000 });
    const before = await counts();
    const refused: any = await h.gql(as.manager(), DECIDE, { input: { claimId: filed.id, version: filed.version, notifiedOfCap: true } });
    expect(firstError(refused)).toEqual({ code: 'CONFLICT', reason: 'EVIDENCE_MISSING' });
    expect(await counts()).toEqual(before);
    const still: any = await h.gql(as.agent(), READ, { id: filed.id });
    expect(still.data.claim).toMatchObject({ status: 'SUBMITTED', version: 1, decision: null });

    const [a, b]: any[] = await Promise.all([
      h.gql(as.agent(), REVIEW, { input: { claimId: filed.id, version: 1 } }),
      h.gql(as.agent('agent-2'), REVIEW, { input: { claimId: filed.id, version: 1 } }),
    ]);
    const errors = [a, b].map(firstError).filter(Boolean);
    expect(errors).toEqual([{ code: 'CONFLICT', reason: 'CLAIM_VERSION_CONFLICT' }]);
    // Approving before a decision, and approving a claim that is not under review, are refused.
    const reviewed: any = await h.gql(as.agent(), READ, { id: filed.id });
    const early: any = await h.gql(as.manager(), APPROVE, { input: { claimId: filed.id, version: reviewed.data.claim.version } });
    expect(firstError(early)).toEqual({ code: 'CONFLICT', reason: 'CLAIM_TRANSITION_NOT_ALLOWED' });
  });

  it('a decision made before a rule change stays the same after it; re-deciding uses the version in force at the event', async () => {
    const no = waybill({ freightFen: 1_000, scans: trip() });
    const filed = await file({ waybillNo: no, kind: 'LOSS', claimant: 'SENDER', claimedFen: 20_000, actualValueFen: 20_000 });
    await addEvidence(filed.id, 'PROOF_OF_VALUE', 'DOCUMENT');
    const first = await decide(await review(filed));
    expect(first.decision).toMatchObject({ ruleVersion: 'liability-2024.1', totalFen: 3_000 });

    // A new version from 1 November 2026 (China) raises the uninsured cap to 7× the freight.
    h.policies.current = [...DEFAULT_LIABILITY_POLICIES, { ...LIABILITY_POLICY_2024, version: 'liability-2026.2', effectiveFrom: chinaTime(2026, 11, 1), uninsuredCapFreightMultiple: 7 }];
    try {
      const read: any = await h.gql(as.agent(), READ, { id: filed.id });
      expect(read.data.claim.decision).toEqual(first.decision);
      // The claim's event (its last scan, 28 October) predates the new version: the same answer.
      const again = await decide(read.data.claim);
      expect(again.decision).toEqual(first.decision);

      const after = waybill({ freightFen: 1_000, scans: [{ type: 'PICKED_UP', at: t('2026-11-01T02:00:00Z'), place: { kind: 'OUTLET', id: origin } }] });
      const later = await file({ waybillNo: after, kind: 'LOSS', claimant: 'SENDER', claimedFen: 20_000, actualValueFen: 20_000 });
      await addEvidence(later.id, 'PROOF_OF_VALUE', 'DOCUMENT');
      const underNew = await decide(await review(later));
      expect(underNew.decision).toMatchObject({ ruleVersion: 'liability-2026.2', totalFen: 7_000 });
    } finally {
      h.policies.current = undefined;
    }
  });
});
