import { randomUUID } from 'node:crypto';
import { as } from './testing/identities';
import { aWaybillNo } from './testing/builders';
import { firstError, startClaimsHarness, type ClaimsHarness } from './testing/claims.harness';

// Partner isolation (加盟网点隔离): claims on waybills between three outlets; a partner of outlet P
// sees exactly the claims whose waybill P originated or delivers. Every other claim does not exist
// for it by any path — query by id or number, the list, `_entities`, Waybill.claims, Ticket.claim —
// and no mutation on it writes anything. Deciding is HQ's alone, whatever the token holds.

const NOW = new Date('2026-11-02T02:00:00Z');
const FIELDS = `id number status version`;
const BY_ID = `query ($id: ID) { claim(id: $id) { ${FIELDS} } }`;
const BY_NUMBER = `query ($number: String) { claim(number: $number) { ${FIELDS} } }`;
const LIST = `query ($filter: ClaimFilter) { claims(filter: $filter, first: 100) { edges { node { ${FIELDS} } } } }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Claim { ${FIELDS} }
  ... on Waybill { waybillNo claims { id } }
  ... on Ticket { id claim { id } }
} }`;
const FILE = `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { ${FIELDS} } }`;

describe('claims: a partner outlet sees and acts on its own outlet’s claims only, by every path', () => {
  let h: ClaimsHarness;
  const P = randomUUID();
  const Q = randomUUID();
  const R = randomUUID();
  const claims: { id: string; number: string; version: number; waybillNo: string; ticketId: string; mine: boolean }[] = [];

  beforeAll(async () => {
    h = await startClaimsHarness({ now: () => NOW });
    // P → Q, Q → P (P party to both), Q → R, R → Q (P party to neither).
    for (const [origin, destination] of [[P, Q], [Q, P], [Q, R], [R, Q]]) {
      const waybillNo = aWaybillNo();
      h.waybills.add({ waybillNo, originOutletId: origin, destinationOutletId: destination, promisedAt: new Date('2026-10-31T02:00:00Z'), scans: [] });
      const ticketId = randomUUID();
      h.tickets.add({ id: ticketId, waybillNo, responsibleOutletId: destination });
      const res: any = await h.gql(as.agent(), FILE, { input: { ticketId, kind: 'LOSS', claimant: 'SENDER', claimedFen: 1_000, actualValueFen: 1_000 } });
      expect(res.errors).toBeUndefined();
      claims.push({ ...res.data.fileClaim, waybillNo, ticketId, mine: origin === P || destination === P });
    }
  });
  afterAll(() => h.stop());

  const counts = async () => (await h.ds.query(`SELECT (SELECT count(*)::int FROM claims.claim) AS claims, (SELECT count(*)::int FROM claims.claim_event) AS events, (SELECT count(*)::int FROM claims.claim_evidence) AS evidence, (SELECT string_agg(status || version, ',' ORDER BY id) FROM claims.claim) AS states`))[0];

  it('reads: by id and number NOT_FOUND, absent from the list (also filtered by another outlet), null in _entities, Waybill.claims and Ticket.claim', async () => {
    const partner = as.partner(P);
    for (const claim of claims) {
      const byId: any = await h.gql(partner, BY_ID, { id: claim.id });
      const byNumber: any = await h.gql(partner, BY_NUMBER, { number: claim.number });
      if (claim.mine) {
        expect(byId.data.claim.id).toBe(claim.id);
        expect(byNumber.data.claim.id).toBe(claim.id);
      } else {
        expect(firstError(byId)).toEqual({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
        expect(firstError(byNumber)).toEqual({ code: 'NOT_FOUND', reason: 'CLAIM_NOT_FOUND' });
      }
    }
    const mine = claims.filter((c) => c.mine).map((c) => c.id).sort();
    const list: any = await h.gql(partner, LIST, {});
    expect(list.data.claims.edges.map((e: any) => e.node.id).sort()).toEqual(mine);
    const other: any = await h.gql(partner, LIST, { filter: { outletId: R } });
    expect(other.data.claims.edges).toEqual([]);
    const own: any = await h.gql(partner, LIST, { filter: { outletId: P, status: ['SUBMITTED'] } });
    expect(own.data.claims.edges.map((e: any) => e.node.id).sort()).toEqual(mine);
    // HQ sees every claim.
    const hq: any = await h.gql(as.agent(), LIST, {});
    expect(hq.data.claims.edges.map((e: any) => e.node.id).sort()).toEqual(claims.map((c) => c.id).sort());

    const reps = [
      ...claims.map((c) => ({ __typename: 'Claim', id: c.id })),
      ...claims.map((c) => ({ __typename: 'Waybill', waybillNo: c.waybillNo })),
      ...claims.map((c) => ({ __typename: 'Ticket', id: c.ticketId })),
    ];
    const entities: any = await h.gql(partner, ENTITIES, { reps });
    expect(entities.errors).toBeUndefined();
    const n = claims.length;
    claims.forEach((c, i) => {
      expect(entities.data._entities[i]?.id ?? null).toBe(c.mine ? c.id : null);
      expect(entities.data._entities[n + i].claims.map((x: any) => x.id)).toEqual(c.mine ? [c.id] : []);
      expect(entities.data._entities[2 * n + i].claim?.id ?? null).toBe(c.mine ? c.id : null);
    });
    // No claims scope: refused on `_entities` too.
    const scanner: any = await h.gql(as.scanner(), ENTITIES, { reps: [{ __typename: 'Claim', id: claims[0].id }] });
    expect(firstError(scanner)?.code).toBe('FORBIDDEN');
  });

  it('writes: another outlet’s claim is NOT_FOUND for evidence and withdrawal; filing on its waybill or ticket is NOT_FOUND; deciding is refused even on its own claims; nothing is written', async () => {
    const before = await counts();
    const other = claims.find((c) => !c.mine)!;
    const own = claims.find((c) => c.mine)!;
    const attempts: [string, string, Record<string, unknown>][] = [
      ['addClaimEvidence', `mutation ($input: AddClaimEvidenceInput!) { addClaimEvidence(input: $input) { evidence { id } } }`, { claimId: other.id, item: 'PROOF_OF_VALUE', kind: 'DOCUMENT', storageRef: 'oss://x' }],
      ['withdrawClaim', `mutation ($input: ClaimVersionInput!) { withdrawClaim(input: $input) { id } }`, { claimId: other.id, version: other.version }],
      ['fileClaim', FILE, { waybillNo: other.waybillNo, kind: 'LOSS', claimant: 'SENDER', claimedFen: 1 }],
      ['fileClaim', FILE, { ticketId: other.ticketId, kind: 'LOSS', claimant: 'SENDER', claimedFen: 1 }],
    ];
    for (const [name, mutation, input] of attempts) {
      const res: any = await h.gql(as.outletAgent(P), mutation, { input });
      expect({ name, error: firstError(res)?.code }).toEqual({ name, error: 'NOT_FOUND' });
    }
    for (const claim of [other, own]) {
      const decisions: [string, string, Record<string, unknown>][] = [
        ['reviewClaim', `mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }`, { claimId: claim.id, version: claim.version }],
        ['decideClaim', `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { id } }`, { claimId: claim.id, version: claim.version, notifiedOfCap: false }],
        ['approveClaim', `mutation ($input: ClaimVersionInput!) { approveClaim(input: $input) { id } }`, { claimId: claim.id, version: claim.version }],
        ['rejectClaim', `mutation ($input: RejectClaimInput!) { rejectClaim(input: $input) { id } }`, { claimId: claim.id, version: claim.version, reason: '越权' }],
      ];
      for (const [name, mutation, input] of decisions) {
        // Without claims:decide (or claims:write) the scope refuses; an outlet-bound agent holding it is refused as HQ_ONLY.
        for (const who of [as.partner(P), as.outletAgent(P), as.outletAgentWithDecide(P)]) {
          const res: any = await h.gql(who, mutation, { input });
          expect({ name, mine: claim.mine, error: firstError(res)?.code }).toEqual({ name, mine: claim.mine, error: 'FORBIDDEN' });
        }
      }
    }
    expect(await counts()).toEqual(before);
    // A partner's token cannot write claims at all (its ceiling is claims:read).
    const partnerFile: any = await h.gql(as.partner(P), FILE, { input: { waybillNo: own.waybillNo, kind: 'LOSS', claimant: 'SENDER', claimedFen: 1 } });
    expect(firstError(partnerFile)?.code).toBe('FORBIDDEN');
  });

  it('an outlet agent files on its own outlet’s waybill and the claim is visible to both its outlets', async () => {
    const own = claims.find((c) => c.mine)!;
    const res: any = await h.gql(as.outletAgent(P), FILE, { input: { waybillNo: own.waybillNo, kind: 'DELAY', claimant: 'RECIPIENT', claimedFen: 1_000 } });
    expect(res.errors).toBeUndefined();
    const [row] = await h.ds.query(`SELECT filed_by_outlet_id::text AS o, origin_outlet_id::text AS a, destination_outlet_id::text AS b FROM claims.claim WHERE id = $1`, [res.data.fileClaim.id]);
    expect([row.o, [row.a, row.b].includes(P)]).toEqual([P, true]);
    const seen: any = await h.gql(as.partner(P), BY_ID, { id: res.data.fileClaim.id });
    expect(seen.data.claim.id).toBe(res.data.fileClaim.id);
  });
});
