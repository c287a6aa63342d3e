import { makeWaybillNo } from '@courierdesk/domain-parcel';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph, type GraphResponse } from './testing/e2e-graph';

// Claims (理赔) through the whole graph: the claims subgraph reads the waybill's facts and scans
// from tracking through the gateway with its own service token, and its fields join the graph
// (Waybill.claims). The full flows are the subgraph's int-specs; this proves the wiring.

function ok(res: GraphResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}

describe('claims through the gateway (理赔, end to end)', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;

  beforeAll(async () => {
    e2e = await startE2eGraph({ demo: { provinces: ['11'], waybills: 200 }, anomalySweepMs: 0, proactiveMs: 0, escalationSweepMs: 0 });
    stack = e2e.stack;
  });
  afterAll(() => e2e?.stop());

  it('reads a waybill’s facts and scans through the graph, files a claim on them, and shows it on Waybill.claims', async () => {
    const [w] = (await stack.tracking.dataSource.query(
      `SELECT waybill_no, freight_fen::int AS freight, origin_outlet_id::text AS origin FROM tracking.waybill WHERE signed_at IS NOT NULL ORDER BY waybill_no LIMIT 1`,
    )) as { waybill_no: string; freight: number; origin: string }[];
    const facts = await stack.claims.services.waybills.facts(w.waybill_no);
    expect(facts).toMatchObject({ waybillNo: w.waybill_no, fees: { serviceFeeFen: w.freight, insuranceFeeFen: 0, addOnFeesFen: 0 }, originOutletId: w.origin });
    expect(facts?.signedAt).toBeInstanceOf(Date);
    expect(facts?.scans.length).toBeGreaterThan(2);
    expect(facts?.scans.some((s) => s.location?.kind === 'HUB')).toBe(true);
    expect(facts?.scans.some((s) => s.location?.kind === 'OUTLET')).toBe(true);
    expect(await stack.claims.services.waybills.facts(makeWaybillNo(99_000_000_001))).toBeNull();

    const filed = ok(
      await e2e.graphql(`mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id number status } }`, stack.tokens.agent, {
        input: { waybillNo: w.waybill_no, kind: 'DAMAGE', claimant: 'RECIPIENT', claimedFen: 100, actualValueFen: 1_000, actualLossFen: 100 },
      }),
    ).fileClaim;
    expect(filed.status).toBe('SUBMITTED');
    const read = ok(await e2e.graphql(`query ($no: String!) { waybill(waybillNo: $no) { claims { number } } }`, stack.tokens.agent, { no: w.waybill_no }));
    expect(read.waybill.claims).toEqual([{ number: filed.number }]);
    // The claims manager token holds claims:decide; the plain agent's does not.
    const decide = `mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { id } }`;
    const input = { claimId: filed.id, version: 1, notifiedOfCap: true };
    expect((await e2e.graphql(decide, stack.tokens.agent, { input })).body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await e2e.graphql(decide, stack.tokens.claimsManager, { input })).body.errors?.[0]?.extensions.reason).toBe('EVIDENCE_MISSING');
  });
});
