import { randomUUID } from 'node:crypto';
import type { HeadlessSearchFacts } from '@courierdesk/domain-liability';
import { as } from '../testing/identities';
import { aWaybillNo } from '../testing/builders';
import { firstError, startClaimsHarness, type ClaimsHarness, type TestScan } from '../testing/claims.harness';
import { insertClaim } from '../ledger/testing/ledger.test-helper';

// A lost parcel (丢失) is agreed and paid only after a headless-parcel search (无头件查找) for its
// waybill: a parcel lying unlabelled in a hub is found before the network pays for it as lost.

const NOW = new Date('2026-11-02T02:00:00Z');
const t = (iso: string) => new Date(iso);
const search = (searchedAt: string, id = randomUUID()): HeadlessSearchFacts => ({ id, searchedAt: t(searchedAt), candidateCount: 4, policyVersion: 'headless-2026.1' });

const CLAIM = `id kind status version approvedFen headlessSearch { searchId searchedAt candidateCount policyVersion } decision { code treatedAs }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { ${CLAIM} } }`;
const EVIDENCE = `mutation ($input: AddClaimEvidenceInput!) { addClaimEvidence(input: $input) { claim { id version } } }`;
const DECIDE = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { ${CLAIM} } }`;
const APPROVE = `mutation ($input: ClaimVersionInput!) { approveClaim(input: $input) { ${CLAIM} } }`;
const PAY = `mutation ($input: PayClaimInput!) { payClaim(input: $input) { replayed payout { amountFen } } }`;
const READ = `query ($id: ID) { claim(id: $id) { ${CLAIM} history { type } } }`;
const READ_ROW = `query ($id: ID) { claim(id: $id) { id kind status version headlessSearch { searchId } decision { code treatedAs } } }`;

describe('claims: a lost parcel needs a headless-parcel search (无头件查找) before approval and payment', () => {
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
  const trip = (): TestScan[] => [
    { type: 'PICKED_UP', at: t('2026-10-20T00:00:00Z'), place: { kind: 'OUTLET', id: origin } },
    { type: 'ARRIVED_AT_HUB', at: t('2026-10-20T12:00:00Z'), place: { kind: 'HUB', id: hub } },
  ];
  const waybill = (over: Record<string, unknown> = {}) =>
    h.waybills.add({ waybillNo: aWaybillNo(), originOutletId: origin, destinationOutletId: destination, promisedAt: t('2026-10-22T02:00:00Z'), freightFen: 1_000, scans: trip(), ...over }).waybillNo;
  const read = async (id: string, query = READ) => (await h.gql(as.agent(), query, { id }) as any).data.claim;
  const moneyRows = async () => (await h.ds.query(`SELECT (SELECT count(*)::int FROM claims.ledger_entry) AS entries, (SELECT count(*)::int FROM claims.payout) AS payouts`))[0];
  /** An approved claim as an older release left it (approved before the search was required), with a decision of its kind. */
  const approvedBefore = async (kind: string, waybillNo: string, approvedFen: number) => {
    const claim = await insertClaim(h.service.dataSource, { kind, waybillNo, approvedFen });
    const decision = {
      rule: 'COMPENSATION', code: 'COMPENSATE', ruleCode: 'compensation', ruleVersion: 'liability-2024.1', explanationZh: '赔偿', codes: ['COMPENSATE'],
      lines: [{ code: 'ACTUAL_LOSS', amountFen: approvedFen, ruleCode: 'compensation.uninsured-actual-loss' }], totalFen: approvedFen, payableFen: approvedFen,
      treatedAs: kind, insured: false, billed: null, bearer: 'CARRIER', shipperMayClaimDamages: null, bearing: null, evidence: { ruleVersion: 'liability-2024.1', codes: [] },
      facts: { eventAt: '2026-10-20T12:00:00.000Z' },
    };
    await h.ds.query(`UPDATE claims.claim SET decision = $2::jsonb WHERE id = $1`, [claim.id, JSON.stringify(decision)]);
    return claim;
  };
  const fileDecided = async (no: string, kind = 'LOSS') => {
    const filed = ok(await h.gql(as.agent(), FILE, { input: { waybillNo: no, kind, claimant: 'SENDER', claimedFen: 8_000, actualValueFen: 8_000 } }), 'fileClaim');
    let version = filed.version;
    if (kind === 'LOSS') {
      const added = ok(await h.gql(as.agent(), EVIDENCE, { input: { claimId: filed.id, item: 'PROOF_OF_VALUE', kind: 'DOCUMENT', storageRef: 'oss://x' } }), 'addClaimEvidence');
      version = added.claim.version;
    }
    return ok(await h.gql(as.manager(), DECIDE, { input: { claimId: filed.id, version, notifiedOfCap: false } }), 'decideClaim');
  };

  it('approval is refused without a search (nothing written), passes once the search is made, records it, and the payment follows', async () => {
    const no = waybill();
    const decided = await fileDecided(no);
    expect(decided).toMatchObject({ status: 'UNDER_REVIEW', headlessSearch: null, decision: { code: 'COMPENSATE' } });

    const refused: any = await h.gql(as.manager(), APPROVE, { input: { claimId: decided.id, version: decided.version } });
    expect(firstError(refused)).toEqual({ code: 'CONFLICT', reason: 'HEADLESS_SEARCH_REQUIRED' });
    expect(await read(decided.id)).toMatchObject({ status: 'UNDER_REVIEW', version: decided.version });

    // A search dated after now is no search made before the approval.
    h.waybills.known.get(no)!.headlessSearch = search('2026-11-02T03:00:00Z');
    expect(firstError(await h.gql(as.manager(), APPROVE, { input: { claimId: decided.id, version: decided.version } }))?.reason).toBe('HEADLESS_SEARCH_REQUIRED');

    const made = search('2026-11-01T08:00:00Z');
    h.waybills.known.get(no)!.headlessSearch = made;
    const approved = ok(await h.gql(as.manager(), APPROVE, { input: { claimId: decided.id, version: decided.version } }), 'approveClaim');
    expect(approved).toMatchObject({
      status: 'APPROVED',
      approvedFen: 8_000,
      headlessSearch: { searchId: made.id, searchedAt: made.searchedAt.toISOString(), candidateCount: 4, policyVersion: 'headless-2026.1' },
    });
    const pay: any = await h.gql(as.manager(), PAY, { input: { claimId: decided.id, idempotencyKey: `pay-${decided.id}` } });
    expect(pay.errors).toBeUndefined();
    const paid = await read(decided.id);
    expect(paid.status).toBe('PAID');
    expect(paid.history.filter((l: any) => l.type === 'HEADLESS_SEARCH_SEEN')).toHaveLength(3); // decided (none yet), approved, paid
    const seen = await h.ds.query(`SELECT detail FROM claims.claim_event WHERE claim_id = $1 AND type = 'HEADLESS_SEARCH_SEEN' ORDER BY id`, [decided.id]);
    expect(seen.map((r: any) => [r.detail.step, r.detail.id])).toEqual([['DECIDED', null], ['APPROVED', made.id], ['PAID', made.id]]);
  });

  it('payment of a lost parcel approved without a search (before the rule) is refused, then the same request passes once the search is made', async () => {
    const no = waybill();
    const claim = await approvedBefore('LOSS', no, 6_000);
    const before = await moneyRows();
    const input = { claimId: claim.id, idempotencyKey: `pay-${claim.id}` };

    expect(firstError(await h.gql(as.manager(), PAY, { input }))).toEqual({ code: 'CONFLICT', reason: 'HEADLESS_SEARCH_REQUIRED' });
    expect(await moneyRows()).toEqual(before);
    expect(await read(claim.id, READ_ROW)).toMatchObject({ status: 'APPROVED', headlessSearch: null });

    const made = search('2026-11-02T01:00:00Z');
    h.waybills.known.get(no)!.headlessSearch = made;
    const pay: any = await h.gql(as.manager(), PAY, { input });
    expect(pay.errors).toBeUndefined();
    expect(pay.data.payClaim).toEqual({ replayed: false, payout: { amountFen: 6_000 } });
    expect(await read(claim.id, READ_ROW)).toMatchObject({ status: 'PAID', headlessSearch: { searchId: made.id } });
    // The retry is answered from the first result, whatever the graph says now.
    h.waybills.known.get(no)!.headlessSearch = null;
    expect((await h.gql(as.manager(), PAY, { input }) as any).data.payClaim).toEqual({ replayed: true, payout: { amountFen: 6_000 } });
  });

  it('a thorough delay of a parcel still missing is a lost parcel too; a damaged one is not', async () => {
    const missing = waybill({ promisedAt: t('2026-10-21T02:00:00Z') });
    const asLoss = await fileDecided(missing, 'DELAY');
    expect(asLoss.decision).toMatchObject({ treatedAs: 'LOSS' });
    expect(firstError(await h.gql(as.manager(), APPROVE, { input: { claimId: asLoss.id, version: asLoss.version } }))?.reason).toBe('HEADLESS_SEARCH_REQUIRED');
    h.waybills.known.get(missing)!.headlessSearch = search('2026-10-30T00:00:00Z');
    expect(ok(await h.gql(as.manager(), APPROVE, { input: { claimId: asLoss.id, version: asLoss.version } }), 'approveClaim').headlessSearch).not.toBeNull();

    // A DAMAGE claim shows no search, though the waybill has one, and is paid without one.
    const damaged = waybill({ headlessSearch: search('2026-10-30T00:00:00Z') });
    const claim = await approvedBefore('DAMAGE', damaged, 5_000);
    expect((await read(claim.id, READ_ROW)).headlessSearch).toBeNull();
    h.waybills.known.get(damaged)!.headlessSearch = null;
    expect((await h.gql(as.manager(), PAY, { input: { claimId: claim.id, idempotencyKey: `pay-${claim.id}` } }) as any).errors).toBeUndefined();
  });

  it('a LOSS claim filed after the search shows it from the filing', async () => {
    const made = search('2026-10-25T00:00:00Z');
    const no = waybill({ headlessSearch: made });
    const filed = ok(await h.gql(as.agent(), FILE, { input: { waybillNo: no, kind: 'LOSS', claimant: 'SENDER', claimedFen: 1_000, actualValueFen: 1_000 } }), 'fileClaim');
    expect(filed.headlessSearch).toMatchObject({ searchId: made.id, candidateCount: 4 });
  });
});
