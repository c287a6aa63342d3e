import { makeWaybillNo } from '@courierdesk/domain-parcel';
import { newWaybillFields } from '@courierdesk/domain-parcel/testing';
import { priceWith, TARIFF_2026_2 } from '@courierdesk/domain-tariff';
import { CallerTokenIssuer, callerTokenSettings, Role, Scope } from '@courierdesk/platform-auth';
import { OVERCHARGED_DEMO_WAYBILL } from '@courierdesk/seed';
import type { RunningStack } from './stack';
import { startE2eGraph, type E2eGraph, type GraphResponse } from './testing/e2e-graph';

// The everyday answers (报价、时效、派送范围、禁寄、运费核查) through the whole graph: the gateway plans
// across network (District, coverage) and tracking (tariff, lanes, charge check) and tickets
// (Ticket.waybillNo for Ticket.chargeCheck). Waybills made here go through the gateway.

function ok(res: GraphResponse): any {
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}
const refusal = (res: GraphResponse) => {
  const ext = res.body.errors?.[0]?.extensions;
  return ext ? { code: ext.code, reason: ext.reason } : null;
};

describe('everyday answers through the gateway', () => {
  let e2e: E2eGraph;
  let stack: RunningStack;
  let scanner: string;
  let sequence = 67_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  let origin: { id: string; district: string };
  let destination: { id: string; district: string };

  beforeAll(async () => {
    e2e = await startE2eGraph({ demo: { provinces: ['11'], waybills: 200 }, anomalySweepMs: 0, proactiveMs: 0, escalationSweepMs: 0 });
    stack = e2e.stack;
    scanner = await new CallerTokenIssuer(e2e.issuerKey, callerTokenSettings()).mint({ subject: 'scanner-e2e', roles: [Role.SCANNER], scopes: [Scope.TRACKING_INGEST, Scope.TRACKING_INGEST_ANY] });
    const outlets = (await stack.network.dataSource.query(
      `SELECT o.id::text, o.district_code AS district FROM network.outlet o WHERE o.id <> $1 AND o.kind <> 'PARTNER_STATION' ORDER BY o.code LIMIT 2`,
      [stack.tokens.partnerOutlet.id],
    )) as { id: string; district: string }[];
    [origin, destination] = outlets;
  });
  afterAll(() => e2e?.stop());

  const graphql = (query: string, token: string, variables?: Record<string, unknown>) => e2e.graphql(query, token, variables);

  it('loads the demo tariff (two versions across the oversize change) and the catalogue', async () => {
    expect(stack.seeded.everyday).toMatchObject({ tariffs: 2, catalogues: 1, overcharged: { waybillNo: OVERCHARGED_DEMO_WAYBILL } });
    const data = ok(await graphql(`{ tariffs { version effectiveFrom oversize { longestSideOverCm } } prohibitedItemCatalogues { version } }`, stack.tokens.analyst));
    expect(data.tariffs.map((t: any) => [t.version, t.oversize.longestSideOverCm])).toEqual([
      ['tariff-2026.1', 250],
      ['tariff-2026.2', 320],
    ]);
    expect(data.prohibitedItemCatalogues).toEqual([{ version: 'catalogue-2016.1' }]);
  });

  it('quotes: the price with its breakdown and version, and the transit time from the lane', async () => {
    const q = ok(
      await graphql(
        `query ($input: QuoteInput!) { quote(input: $input) { tariffVersion zone chargeableWeightGrams totalFen lines { code amountFen ruleZh } transit { expectedAt earliest latest confidence source } } }`,
        stack.tokens.partner,
        { input: { originDistrictCode: '110101', destinationDistrictCode: '310151', serviceLevel: 'EXPRESS', weightGrams: 1200, insuredValueFen: 50_000 } },
      ),
    ).quote;
    // EXPRESS FAR (北京 → 上海): 2600 + 1 × 650 for 1.2 kg; 0.5 % of ¥500; 崇明 is a remote area.
    expect(q).toMatchObject({ tariffVersion: 'tariff-2026.2', zone: 'FAR', chargeableWeightGrams: 1200, totalFen: 2600 + 650 + 250 + 1000 });
    expect(q.lines.map((l: any) => l.code)).toEqual(['FREIGHT', 'INSURANCE', 'REMOTE_AREA']);
    expect(new Date(q.transit.earliest).getTime()).toBeLessThanOrEqual(new Date(q.transit.expectedAt).getTime());
    expect(new Date(q.transit.latest).getTime()).toBeGreaterThanOrEqual(new Date(q.transit.expectedAt).getTime());
    expect(refusal(await graphql(`{ quote(input: { originDistrictCode: "110101", destinationDistrictCode: "110000", weightGrams: 10 }) { totalFen } }`, stack.tokens.agent))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DISTRICT_CODE_REQUIRED',
    });
  });

  it('answers "do we deliver here": network’s coverage with tracking’s remote-area and transit answers in one query', async () => {
    const [area] = (await stack.network.dataSource.query(
      `SELECT a.district_code AS district, a.street_name AS street FROM network.delivery_area a JOIN network.area_assignment s ON s.area_id = a.id AND s.ends_at IS NULL ORDER BY a.district_code, a.street_code LIMIT 1`,
    )) as { district: string; street: string }[];
    const c = ok(
      await graphql(
        `query ($d: String!, $t: String) { coverage(districtCode: $d, text: $t) { served answer explanationZh outlet { id name } courier { id }
           district { code name remoteArea { surchargeApplies surchargeFen tariffVersion } transitTime(fromDistrictCode: "440305") { expectedAt source distanceClass } } } }`,
        stack.tokens.agent,
        { d: area.district, t: area.street },
      ),
    ).coverage;
    expect(c).toMatchObject({ served: true, answer: 'SERVED', district: { code: area.district, remoteArea: { surchargeApplies: false, surchargeFen: 0, tariffVersion: 'tariff-2026.2' } } });
    expect(c.outlet.id).toBeTruthy();
    expect(c.district.transitTime.distanceClass).toBe('CROSS_PROVINCE');
    expect(c.explanationZh).toContain(area.street);
  });

  it('searches the prohibited-items catalogue in Chinese, for every caller', async () => {
    for (const [text, verdict, code] of [
      ['打火机', 'PROHIBITED', 'LIGHTER'],
      ['锂电池', 'RESTRICTED', 'LITHIUM_BATTERY'],
      ['液体', 'RESTRICTED', 'LIQUID'],
    ]) {
      const s = ok(await graphql(`query ($t: String!) { searchProhibitedItems(text: $t) { verdict answerZh matches { item { code source } } } }`, stack.tokens.partner, { t: text })).searchProhibitedItems;
      expect(s.verdict).toBe(verdict);
      expect(s.matches[0].item.code).toBe(code);
      expect(s.answerZh).toContain(text);
    }
  });

  it('the demo "overcharged" complaint shows its charge check at once: the old oversize rule after the change', async () => {
    const [row] = (await stack.tickets.dataSource.query(`SELECT number FROM tickets.ticket WHERE waybill_no = $1 AND reason = 'OVERCHARGED'`, [OVERCHARGED_DEMO_WAYBILL])) as { number: string }[];
    const t = ok(
      await graphql(
        `query ($n: String) { ticket(number: $n) { id kind reason waybillNo chargeCheck { tariffVersion verdict refundOwedFen explanationZh lines { code allowedFen chargedFen verdict rule } } } }`,
        stack.tokens.agent,
        { n: row.number },
      ),
    ).ticket;
    expect(t).toMatchObject({ kind: 'COMPLAINT', reason: 'OVERCHARGED', waybillNo: OVERCHARGED_DEMO_WAYBILL });
    expect(t.chargeCheck).toMatchObject({ tariffVersion: 'tariff-2026.2', verdict: 'OVERCHARGED', refundOwedFen: 3000 });
    expect(t.chargeCheck.lines.find((l: any) => l.code === 'OVERSIZE')).toMatchObject({ allowedFen: 0, chargedFen: 3000, verdict: 'NOT_ALLOWED', rule: expect.stringContaining('tariff-2026.1 allowed it') });
    expect(t.chargeCheck.explanationZh).toContain('多收 30.00元');
    // One click to answer: the canned reply quotes the check, read live through the graph by the desk's service token.
    const preview = ok(
      await graphql(`query ($id: ID!) { previewCannedReply(ticketId: $id, code: "OVERCHARGE_ANSWER") { text missingPlaceholders } }`, stack.tokens.agent, { id: t.id }),
    ).previewCannedReply;
    expect(preview.missingPlaceholders).toEqual([]);
    expect(preview.text).toContain(OVERCHARGED_DEMO_WAYBILL);
    expect(preview.text).toContain('多收 30.00元');
  });

  it('checks a waybill made through the gateway; a partner of another outlet sees none of it', async () => {
    const waybillNo = makeWaybillNo(++sequence);
    const base = newWaybillFields({ waybillNo, originOutletId: origin.id, destinationOutletId: destination.id, declaredValueFen: 0, insuredValueFen: 0 });
    const input = {
      ...base,
      sender: { ...base.sender, districtCode: origin.district },
      recipient: { ...base.recipient, districtCode: destination.district },
      weightGrams: 3000,
      freightFen: priceWith(TARIFF_2026_2, { originDistrictCode: origin.district, destinationDistrictCode: destination.district, serviceLevel: base.serviceLevel, weightGrams: 3000 }, new Date()).totalFen,
      upstairsFloors: 5,
      surcharges: [{ code: 'UPSTAIRS', amountFen: 2500 }],
    };
    ok(await graphql(`mutation ($input: CreateWaybillInput!) { createWaybill(input: $input) { waybillNo } }`, scanner, { input }));
    const check = ok(await graphql(`query ($no: String!) { waybill(waybillNo: $no) { chargeCheck { verdict refundOwedFen lines { code verdict ruleZh } } } }`, stack.tokens.agent, { no: waybillNo })).waybill.chargeCheck;
    expect(check).toMatchObject({ verdict: 'OVERCHARGED', refundOwedFen: 2500 });
    expect(check.lines.find((l: any) => l.code === 'UPSTAIRS')).toMatchObject({ verdict: 'NOT_ALLOWED', ruleZh: expect.stringContaining('送货上门含上楼') });
    expect(refusal(await graphql(`query ($no: String!) { waybill(waybillNo: $no) { chargeCheck { verdict } } }`, stack.tokens.partner, { no: waybillNo }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the overcharge refund went through claims into the ledger: filed from the complaint, decided from the check, paid, charged back to the origin outlet', async () => {
    const refund = stack.seeded.everyday?.overchargeClaim;
    expect(refund).toMatchObject({ paidFen: 3000 });
    const claim = ok(
      await graphql(`query ($n: String) { claim(number: $n) { kind status approvedFen bearingPlaceKind decision { rule code tariffVersion } ticket { reason } } }`, stack.tokens.claimsManager, { n: refund!.number }),
    ).claim;
    expect(claim).toMatchObject({ kind: 'OVERCHARGE', status: 'PAID', approvedFen: 3000, bearingPlaceKind: 'OUTLET', decision: { rule: 'OVERCHARGE_REFUND', code: 'REFUND', tariffVersion: 'tariff-2026.2' } });
    expect(ok(await graphql(`{ ledgerCheck { balanced unbalancedEntries } }`, stack.tokens.claimsManager)).ledgerCheck).toEqual({ balanced: true, unbalancedEntries: 0 });
  });

  it('headless parcels: the demo’s lost parcel was searched before its claim, the true parcel first; a search and a confirmation through the gateway relabel it with a scan', async () => {
    const headless = stack.seeded.everyday?.headless;
    expect(headless).toMatchObject({ trueParcelRank: 1 });
    const [lossClaim] = (await stack.claims.dataSource.query(`SELECT number FROM claims.claim WHERE kind = 'LOSS' AND waybill_no = $1`, [headless!.waybillNo])) as { number: string }[];
    const shown = ok(await graphql(`query ($n: String) { claim(number: $n) { headlessSearch { searchedAt candidateCount policyVersion } } }`, stack.tokens.agent, { n: lossClaim.number })).claim;
    expect(shown.headlessSearch).toMatchObject({ policyVersion: expect.stringMatching(/^headless-match-/) });
    expect(shown.headlessSearch.candidateCount).toBeGreaterThanOrEqual(3);

    const SEARCH = `mutation ($input: SearchHeadlessParcelsInput!) { searchHeadlessParcels(input: $input) { id proposals { rank score parcel { id parcelNo version foundLocation { __typename ... on TransitCentre { name } ... on Outlet { name } } } } } }`;
    const search = ok(await graphql(SEARCH, stack.tokens.agent, { input: { waybillNo: headless!.waybillNo, description: '蓝色纸箱 运动鞋' } })).searchHeadlessParcels;
    const best = search.proposals[0];
    expect(best.rank).toBe(1);
    // The carton of clothes found later at the same place is proposed too, below the true parcel.
    expect(search.proposals.length).toBeGreaterThanOrEqual(2);
    expect(search.proposals[1].score).toBeLessThan(best.score);
    expect(best.parcel.foundLocation.name).toBeTruthy();
    const CONFIRM = `mutation ($input: ConfirmHeadlessMatchInput!) { confirmHeadlessMatch(input: $input) { parcel { status } waybill { waybillNo lastScanAt } } }`;
    expect(refusal(await graphql(CONFIRM, stack.tokens.partner, { input: { waybillNo: headless!.waybillNo, headlessParcelId: best.parcel.id, searchId: search.id } }))).toMatchObject({ code: 'FORBIDDEN' });
    const confirmed = ok(await graphql(CONFIRM, stack.tokens.agent, { input: { waybillNo: headless!.waybillNo, headlessParcelId: best.parcel.id, searchId: search.id, expectedVersion: best.parcel.version } })).confirmHeadlessMatch;
    expect(confirmed.parcel.status).toBe('MATCHED');
    expect(Date.now() - new Date(confirmed.waybill.lastScanAt).getTime()).toBeLessThan(60_000);
    expect(refusal(await graphql(CONFIRM, stack.tokens.agent, { input: { waybillNo: headless!.waybillNo, headlessParcelId: best.parcel.id, searchId: search.id } }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('publishing a tariff is HQ’s: the admin token may, a partner or an agent may not', async () => {
    const input = { version: `tariff-2099.${Math.floor(Math.random() * 900) + 100}`, effectiveFrom: '2099-01-01T00:00:00Z', basedOn: 'tariff-2026.2', oversize: { longestSideOverCm: 330, fen: 3000 } };
    const PUBLISH = `mutation ($input: PublishTariffInput!) { publishTariff(input: $input) { version basedOn } }`;
    expect(refusal(await graphql(PUBLISH, stack.tokens.partner, { input }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await graphql(PUBLISH, stack.tokens.agent, { input }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ok(await graphql(PUBLISH, stack.tokens.admin, { input })).publishTariff).toEqual({ version: input.version, basedOn: 'tariff-2026.2' });
    expect(refusal(await graphql(PUBLISH, stack.tokens.admin, { input }))).toEqual({ code: 'CONFLICT', reason: 'RULE_VERSION_EXISTS' });
  });
});
