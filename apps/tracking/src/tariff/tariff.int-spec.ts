import { chinaTime } from '@courierdesk/domain-sla';
import { DEMO_CATALOGUES, DEMO_TARIFFS, TARIFF_2026_2, priceWith } from '@courierdesk/domain-tariff';
import { Role, Scope } from '@courierdesk/platform-auth';
import { testIdentity } from '@courierdesk/testing';
import { newWaybill, routeOf, scanOf } from '../testing/builders';
import { as } from '../testing/identities';
import { firstError, startTrackingHarness, type TrackingHarness } from '../testing/tracking.harness';
import type { NewWaybill } from '../waybill/create-waybills.service';

const hq = () => testIdentity('pricing-1', [Role.ADMIN], [Scope.RULES_PUBLISH, Scope.TRACKING_READ]);
// A partner outlet's token that somehow holds rules:publish: outlet-bound, so it still never publishes.
const outletAdmin = () => testIdentity('partner-o', [Role.OUTLET_PARTNER], [Scope.RULES_PUBLISH], '00000000-0000-4000-8000-000000000001');

const QUOTE = `query ($input: QuoteInput!) { quote(input: $input) {
  tariffVersion zone actualWeightGrams volumetricWeightGrams chargeableWeightGrams totalFen
  lines { code amountFen rule ruleZh } transit { expectedAt source samples confidence distanceClass } } }`;
const CHECK = `query ($no: String!) { waybill(waybillNo: $no) {
  charges { code amountFen } dimensions { lengthCm widthCm heightCm } upstairsFloors
  chargeCheck { tariffVersion pricedAt verdict refundOwedFen allowedTotalFen chargedTotalFen explanationZh
    lines { code allowedFen chargedFen differenceFen verdict rule ruleZh } allowed { zone chargeableWeightGrams } } } }`;

describe('tariffs, quotes and the charge check (资费、报价、运费核查)', () => {
  let h: TrackingHarness;
  const create = async (over: Partial<NewWaybill>) => {
    const input = { ...newWaybill(), insuredValueFen: 0, ...over } as NewWaybill;
    const [result] = await h.services.creation.createMany(null, [input]);
    if (result.status !== 'CREATED') throw new Error(JSON.stringify(result));
    return input;
  };

  beforeAll(async () => {
    h = await startTrackingHarness();
    await h.services.tariffs.loadMissing(DEMO_TARIFFS, 'test');
    await h.services.catalogue.loadMissing(DEMO_CATALOGUES, 'test');
  });
  afterAll(() => h.stop());

  it('quotes with the breakdown, the version and a transit time, for any caller with a token', async () => {
    const input = { originDistrictCode: '440305', destinationDistrictCode: '310151', weightGrams: 2500, dimensions: { lengthCm: 60, widthCm: 40, heightCm: 30 }, insuredValueFen: 100_000 };
    for (const caller of [as.agent(), as.partner('00000000-0000-4000-8000-000000000009'), as.bareScanner()]) {
      const { data, errors } = await h.gql(caller, QUOTE, { input });
      expect(errors).toBeUndefined();
      // 60×40×30 ÷ 8000 = 9 kg volumetric over 2.5 kg: FAR 1500 + 8 × 800; 0.5 % of ¥1000; 崇明 is a remote area.
      expect(data.quote).toMatchObject({
        tariffVersion: 'tariff-2026.2',
        zone: 'FAR',
        actualWeightGrams: 2500,
        volumetricWeightGrams: 9000,
        chargeableWeightGrams: 9000,
        totalFen: 1500 + 8 * 800 + 500 + 1000,
        transit: { source: 'SERVICE_LEVEL_DEFAULT', samples: 0, confidence: 'LOW', distanceClass: 'CROSS_PROVINCE' },
      });
      expect(data.quote.lines.map((l: { code: string }) => l.code)).toEqual(['FREIGHT', 'INSURANCE', 'REMOTE_AREA']);
    }
  });

  it('prices a future date by the version in force then, and refuses bad input with stable codes', async () => {
    const base = { originDistrictCode: '440305', destinationDistrictCode: '110105', weightGrams: 1000, dimensions: { lengthCm: 280, widthCm: 20, heightCm: 20 } };
    const before = await h.gql(as.agent(), QUOTE, { input: { ...base, at: chinaTime(2026, 9, 30, 12).toISOString() } });
    expect(before.data.quote.tariffVersion).toBe('tariff-2026.1');
    expect(before.data.quote.lines.map((l: { code: string }) => l.code)).toContain('OVERSIZE');
    for (const [bad, code] of [
      [{ weightGrams: 0 }, 'INVALID_WEIGHT'],
      [{ dimensions: { lengthCm: 0, widthCm: 1, heightCm: 1 } }, 'INVALID_DIMENSIONS'],
      [{ destinationDistrictCode: '12345' }, 'INVALID_DISTRICT_CODE'],
      [{ destinationDistrictCode: '440000' }, 'DISTRICT_CODE_REQUIRED'],
      [{ upstairsFloors: 99 }, 'INVALID_FLOORS'],
      [{ at: '2020-01-01T00:00:00Z' }, 'NO_POLICY_IN_FORCE'],
    ] as const) {
      const error = firstError(await h.gql(as.agent(), QUOTE, { input: { ...base, ...bad } }));
      expect(error).toMatchObject({ code: code === 'NO_POLICY_IN_FORCE' ? 'NOT_FOUND' : 'BAD_USER_INPUT', reason: code });
    }
  });

  it('checks a waybill charged the old oversize rule after the change: overcharged, by the tariff in force at pickup', async () => {
    const carpet = { serviceLevel: 'STANDARD' as const, weightGrams: 20_000, dimensions: { lengthCm: 280, widthCm: 30, heightCm: 30 } };
    const w = newWaybill();
    const freight = priceWith(
      TARIFF_2026_2,
      { originDistrictCode: w.sender.districtCode, destinationDistrictCode: w.recipient.districtCode, serviceLevel: 'STANDARD', weightGrams: 20_000, dimensionsCm: { length: 280, width: 30, height: 30 } },
      new Date(),
    ).lines[0].amountFen;
    const created = await create({ ...w, insuredValueFen: 0, ...carpet, freightFen: freight, surcharges: [{ code: 'OVERSIZE', amountFen: 3000 }], createdAt: new Date(Date.now() - 3_600_000) });
    await h.services.scans.record([scanOf(created.waybillNo, routeOf(created), 'PICKED_UP', new Date(Date.now() - 1_800_000))]);
    const { data, errors } = await h.gql(as.agent(), CHECK, { no: created.waybillNo });
    expect(errors).toBeUndefined();
    expect(data.waybill.charges).toEqual([{ code: 'FREIGHT', amountFen: freight }, { code: 'OVERSIZE', amountFen: 3000 }]);
    expect(data.waybill.dimensions).toEqual({ lengthCm: 280, widthCm: 30, heightCm: 30 });
    expect(data.waybill.chargeCheck).toMatchObject({ tariffVersion: 'tariff-2026.2', verdict: 'OVERCHARGED', refundOwedFen: 3000, chargedTotalFen: freight + 3000, allowedTotalFen: freight });
    expect(data.waybill.chargeCheck.lines[1]).toMatchObject({ code: 'OVERSIZE', allowedFen: 0, chargedFen: 3000, verdict: 'NOT_ALLOWED', rule: expect.stringContaining('tariff-2026.1 allowed it') });
    expect(data.waybill.chargeCheck.explanationZh).toContain('多收 30.00元');
  });

  it('the same charge on a parcel picked up before the change is correct', async () => {
    const w = newWaybill({ createdAt: chinaTime(2026, 9, 20, 10) });
    const shipment = { originDistrictCode: w.sender.districtCode, destinationDistrictCode: w.recipient.districtCode, serviceLevel: w.serviceLevel, weightGrams: 20_000, dimensionsCm: { length: 280, width: 30, height: 30 } };
    const freight = priceWith(DEMO_TARIFFS[0], shipment, w.createdAt!).lines[0].amountFen;
    const created = await create({ ...w, insuredValueFen: 0, weightGrams: 20_000, dimensions: { lengthCm: 280, widthCm: 30, heightCm: 30 }, freightFen: freight, surcharges: [{ code: 'OVERSIZE', amountFen: 3000 }] });
    const { data } = await h.gql(as.agent(), CHECK, { no: created.waybillNo });
    expect(data.waybill.chargeCheck).toMatchObject({ tariffVersion: 'tariff-2026.1', verdict: 'CORRECT', refundOwedFen: 0 });
  });

  it('refuses bad charges per waybill, and nothing is written', async () => {
    const bad = [
      { surcharges: [{ code: 'FREIGHT', amountFen: 100 }] },
      { surcharges: [{ code: 'OVERSIZE', amountFen: 1 }, { code: 'OVERSIZE', amountFen: 2 }] },
      { dimensions: { lengthCm: 2000, widthCm: 1, heightCm: 1 } },
      { upstairsFloors: -1 },
    ];
    const results = await h.services.creation.createMany(null, bad.map((over) => ({ ...newWaybill(), ...over }) as NewWaybill));
    expect(results.map((r) => [r.status, r.reasons[0]?.code])).toEqual([
      ['REJECTED', 'DUPLICATE_CHARGE_LINE'],
      ['REJECTED', 'DUPLICATE_CHARGE_LINE'],
      ['REJECTED', 'INVALID_DIMENSIONS'],
      ['REJECTED', 'INVALID_FLOORS'],
    ]);
    const [{ count }] = await h.ds.query(`SELECT count(*)::int AS count FROM waybill WHERE waybill_no = ANY($1)`, [results.map((r) => r.waybillNo)]);
    expect(count).toBe(0);
  });

  it('a partner sees the charge check of its own waybills only, and the check reads the tariffs once for a whole page', async () => {
    const mine = await create({ freightFen: 999 });
    const theirs = await create({ freightFen: 999 });
    const own = await h.gql(as.partner(mine.originOutletId), CHECK, { no: mine.waybillNo });
    expect(own.data.waybill.chargeCheck.verdict).toBeDefined();
    const other = await h.gql(as.partner(mine.originOutletId), CHECK, { no: theirs.waybillNo });
    expect(firstError(other)).toMatchObject({ code: 'NOT_FOUND' });
    for (let i = 0; i < 12; i++) await create({ freightFen: 500 + i });
    const count = async (first: number) => {
      h.queries.reset();
      const page = await h.gql(as.agent(), `query ($first: Int) { waybills(first: $first) { edges { node { waybillNo chargeCheck { verdict } } } } }`, { first });
      expect(page.errors).toBeUndefined();
      expect(page.data.waybills.edges.every((e: { node: { chargeCheck: unknown } }) => e.node.chargeCheck)).toBe(true);
      return { count: h.queries.count, tariffReads: h.queries.statements.filter((sql) => sql.includes('tariff_version')).length };
    };
    const small = await count(3);
    const large = await count(12);
    // The page, the whole rows, the tariffs: the same for 3 or 12 waybills.
    expect(large).toEqual(small);
    expect(large.tariffReads).toBe(1);
  });

  it('the gateway brings a ticket’s waybill number: Ticket.chargeCheck through _entities, null for another outlet’s waybill', async () => {
    const w = await create({ freightFen: 1 });
    const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Ticket { id chargeCheck { verdict lines { code verdict } } } } }`;
    const reps = [
      { __typename: 'Ticket', id: 't-1', waybillNo: w.waybillNo },
      { __typename: 'Ticket', id: 't-2', waybillNo: null },
    ];
    const agent = await h.gql(as.agent(), ENTITIES, { reps });
    expect(agent.errors).toBeUndefined();
    expect(agent.data._entities[0].chargeCheck).toMatchObject({ verdict: 'UNDERCHARGED', lines: [{ code: 'FREIGHT', verdict: 'UNDERCHARGED' }] });
    expect(agent.data._entities[1].chargeCheck).toBeNull();
    const partner = await h.gql(as.partner('00000000-0000-4000-8000-000000000009'), ENTITIES, { reps });
    expect(partner.data._entities[0].chargeCheck).toBeNull();
  });

  it('District: the remote-area answer and the usual transit time (coverage)', async () => {
    const Q = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on District { code remoteArea { tariffVersion surchargeApplies surchargeFen remoteProvince explanationZh } transitTime(fromDistrictCode: "440305") { source distanceClass } } } }`;
    const { data, errors } = await h.gql(as.agent(), Q, { reps: [{ __typename: 'District', code: '310151' }, { __typename: 'District', code: '650102' }, { __typename: 'District', code: '110105' }] });
    expect(errors).toBeUndefined();
    expect(data._entities.map((d: { remoteArea: { surchargeApplies: boolean; remoteProvince: boolean } }) => [d.remoteArea.surchargeApplies, d.remoteArea.remoteProvince])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(data._entities[0].remoteArea).toMatchObject({ surchargeFen: 1000, tariffVersion: 'tariff-2026.2', explanationZh: expect.stringContaining('偏远附加费 10.00元') });
    expect(data._entities[2].transitTime).toEqual({ source: 'SERVICE_LEVEL_DEFAULT', distanceClass: 'CROSS_PROVINCE' });
  });

  describe('publishing (HQ only, versions never edited)', () => {
    const PUBLISH = `mutation ($input: PublishTariffInput!) { publishTariff(input: $input) { version basedOn effectiveFrom oversize { longestSideOverCm fen } rates { serviceLevel zone firstFen } } }`;
    const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

    it('publishes a new version from an existing one; quotes after its start use it', async () => {
      const effectiveFrom = future();
      const { data, errors } = await h.gql(hq(), PUBLISH, {
        input: { version: 'tariff-2027.1', effectiveFrom, basedOn: 'tariff-2026.2', oversize: { longestSideOverCm: 350, fen: 4000 }, rates: [{ serviceLevel: 'STANDARD', zone: 'FAR', firstWeightGrams: 1000, firstFen: 1600, stepGrams: 1000, stepFen: 800 }] },
      });
      expect(errors).toBeUndefined();
      expect(data.publishTariff).toMatchObject({ version: 'tariff-2027.1', basedOn: 'tariff-2026.2', oversize: { longestSideOverCm: 350, fen: 4000 } });
      expect(data.publishTariff.rates.find((r: { serviceLevel: string; zone: string }) => r.serviceLevel === 'STANDARD' && r.zone === 'FAR').firstFen).toBe(1600);
      const q = await h.gql(as.agent(), QUOTE, { input: { originDistrictCode: '440305', destinationDistrictCode: '110105', weightGrams: 1000, at: new Date(Date.parse(effectiveFrom) + 1000).toISOString() } });
      expect(q.data.quote).toMatchObject({ tariffVersion: 'tariff-2027.1', totalFen: 1600 });
      const all = await h.gql(as.analyst(), `{ tariffs { version } }`);
      expect(all.data.tariffs.map((t: { version: string }) => t.version)).toEqual(['tariff-2026.1', 'tariff-2026.2', 'tariff-2027.1']);
    });

    it.each([
      ['an agent without rules:publish', () => as.agent(), { version: 'tariff-2027.2', basedOn: 'tariff-2026.2' }, 'FORBIDDEN', 'SCOPE_MISSING'],
      ['a partner outlet’s token asking for rules:publish', () => outletAdmin(), { version: 'tariff-2027.2', basedOn: 'tariff-2026.2' }, 'FORBIDDEN', 'SCOPE_MISSING'],
      ['a taken name', () => hq(), { version: 'tariff-2026.1', basedOn: 'tariff-2026.2' }, 'CONFLICT', 'RULE_VERSION_EXISTS'],
      ['an unknown base', () => hq(), { version: 'tariff-2027.3', basedOn: 'tariff-1999.1' }, 'NOT_FOUND', 'TARIFF_NOT_FOUND'],
      ['a broken rate', () => hq(), { version: 'tariff-2027.4', basedOn: 'tariff-2026.2', insurance: { rateBasisPoints: 20000, minimumFen: 1 } }, 'BAD_USER_INPUT', 'INVALID_TARIFF'],
      ['a start in the past', () => hq(), { version: 'tariff-2027.5', basedOn: 'tariff-2026.2', effectiveFrom: '2026-01-02T00:00:00Z' }, 'BAD_USER_INPUT', 'RULE_EFFECTIVE_IN_PAST'],
    ])('refuses %s', async (_, caller, input, code, reason) => {
      const error = firstError(await h.gql(caller(), PUBLISH, { input: { effectiveFrom: future(), ...input } }));
      expect(error).toMatchObject({ code, reason });
    });

    it('a first tariff (no version to copy) is given whole; a part left out is named', async () => {
      const t = TARIFF_2026_2;
      const levels = ['STANDARD', 'EXPRESS', 'ECONOMY'] as const;
      const whole = {
        version: 'tariff-2028.1',
        effectiveFrom: future(),
        rates: levels.flatMap((serviceLevel) => Object.entries(t.rates[serviceLevel]).map(([zone, rate]) => ({ serviceLevel, zone, ...rate }))),
        volumetricDivisors: levels.map((serviceLevel) => ({ serviceLevel, divisor: t.volumetricDivisor[serviceLevel] })),
        remoteProvinces: [...t.remoteProvinces],
        insurance: t.insurance,
        remoteArea: { districtPrefixes: [...t.remoteArea.districtPrefixes], fen: t.remoteArea.fen },
        oversize: t.oversize,
        upstairs: t.upstairs,
      };
      const { oversize: _left, ...withoutOversize } = whole;
      expect(firstError(await h.gql(hq(), PUBLISH, { input: { ...withoutOversize, version: 'tariff-2028.2' } }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TARIFF' });
      const partialRates = { ...whole, version: 'tariff-2028.3', rates: whole.rates.slice(1) };
      const missing = await h.gql(hq(), PUBLISH, { input: partialRates });
      expect(missing.errors?.[0]?.message).toContain('no rate for STANDARD in SAME_CITY');
      const { data, errors } = await h.gql(hq(), PUBLISH, { input: whole });
      expect(errors).toBeUndefined();
      expect(data.publishTariff).toMatchObject({ version: 'tariff-2028.1', basedOn: null, oversize: { longestSideOverCm: 320, fen: 3000 } });
    });

    it('the database refuses to edit or delete a published version', async () => {
      await expect(h.ds.query(`UPDATE tariff_version SET body = '{}' WHERE version = 'tariff-2026.1'`)).rejects.toThrow(/published versions/);
      await expect(h.ds.query(`DELETE FROM prohibited_item_catalogue`)).rejects.toThrow(/published versions/);
    });
  });

  describe('the prohibited-items catalogue (禁寄物品)', () => {
    const SEARCH = `query ($text: String!, $limit: Int) { searchProhibitedItems(text: $text, limit: $limit) { catalogueVersion verdict answerZh matches { matchKind score item { code nameZh category categoryZh restriction conditionZh source } } } }`;

    it.each([
      ['打火机', 'PROHIBITED', 'LIGHTER'],
      ['锂电池', 'RESTRICTED', 'LITHIUM_BATTERY'],
      ['液体', 'RESTRICTED', 'LIQUID'],
      ['羊毛衫', 'NOT_LISTED', null],
    ])('"%s" → %s', async (text, verdict, code) => {
      const { data, errors } = await h.gql(as.partner('00000000-0000-4000-8000-000000000009'), SEARCH, { text });
      expect(errors).toBeUndefined();
      expect(data.searchProhibitedItems).toMatchObject({ catalogueVersion: 'catalogue-2016.1', verdict });
      expect(data.searchProhibitedItems.matches[0]?.item.code ?? null).toBe(code);
      expect(data.searchProhibitedItems.answerZh.length).toBeGreaterThan(5);
    });

    it.each([
      [{ text: '' }, 'SEARCH_TEXT_REQUIRED'],
      [{ text: '打'.repeat(51) }, 'SEARCH_TEXT_TOO_LONG'],
      [{ text: '打火机', limit: 0 }, 'INVALID_LIMIT'],
    ])('refuses %p with %s', async (vars, reason) => {
      expect(firstError(await h.gql(as.agent(), SEARCH, vars))).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });

    it('a new version adds and removes items; searches after its start use it', async () => {
      const effectiveFrom = new Date(Date.now() + 86_400_000).toISOString();
      const PUBLISH = `mutation ($input: PublishCatalogueInput!) { publishProhibitedItemCatalogue(input: $input) { version basedOn items { code } } }`;
      const { data, errors } = await h.gql(hq(), PUBLISH, {
        input: {
          version: 'catalogue-2027.1',
          effectiveFrom,
          basedOn: 'catalogue-2016.1',
          remove: ['PERFUME'],
          upsert: [{ code: 'E_CIGARETTE', nameZh: '电子烟', nameEn: 'e-cigarettes', aliasesZh: ['雾化器'], category: 'RESTRICTED_GOODS', restriction: 'RESTRICTED', conditionZh: '烟弹与烟具同包装', source: '网络收寄规则' }],
        },
      });
      expect(errors).toBeUndefined();
      const codes = data.publishProhibitedItemCatalogue.items.map((i: { code: string }) => i.code);
      expect(codes).toContain('E_CIGARETTE');
      expect(codes).not.toContain('PERFUME');
      const later = await h.gql(as.agent(), `query ($at: DateTimeISO) { searchProhibitedItems(text: "电子烟", at: $at) { catalogueVersion verdict } }`, { at: new Date(Date.parse(effectiveFrom) + 1000).toISOString() });
      expect(later.errors).toBeUndefined();
      expect(later.data.searchProhibitedItems).toEqual({ catalogueVersion: 'catalogue-2027.1', verdict: 'RESTRICTED' });
      const now = await h.gql(as.agent(), `{ searchProhibitedItems(text: "电子烟") { catalogueVersion verdict } }`);
      expect(now.data.searchProhibitedItems).toEqual({ catalogueVersion: 'catalogue-2016.1', verdict: 'NOT_LISTED' });
      const broken = firstError(await h.gql(hq(), PUBLISH, { input: { version: 'catalogue-2027.2', effectiveFrom, basedOn: 'catalogue-2016.1', upsert: [{ code: 'X1', nameZh: '某物', nameEn: 'x', category: 'OTHER', restriction: 'PROHIBITED', conditionZh: '条件', source: 's' }] } }));
      expect(broken).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CATALOGUE' });
      // A first catalogue copies nothing: its items are the ones given.
      const first = await h.gql(hq(), PUBLISH, {
        input: { version: 'catalogue-2028.1', effectiveFrom: new Date(Date.now() + 400 * 86_400_000).toISOString(), upsert: [{ code: 'LIGHTER', nameZh: '打火机', nameEn: 'lighters', category: 'GASES', restriction: 'PROHIBITED', source: '指导目录' }] },
      });
      expect(first.errors).toBeUndefined();
      expect(first.data.publishProhibitedItemCatalogue).toEqual({ version: 'catalogue-2028.1', basedOn: null, items: [{ code: 'LIGHTER' }] });
    });
  });
});
