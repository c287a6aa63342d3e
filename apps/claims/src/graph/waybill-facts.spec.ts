import { parse } from 'graphql';
import { toWaybillFacts, WAYBILL_FACTS_QUERY } from './waybill-facts';

const raw = (over: Record<string, unknown> = {}) =>
  ({
    waybillNo: 'CD000000000017',
    serviceLevel: 'STANDARD',
    laneKey: '440300-110100',
    declaredValueFen: 0,
    insuredValueFen: 20_000,
    freightFen: 1_500,
    createdAt: '2026-10-27T10:00:00Z',
    signedAt: null,
    status: 'IN_TRANSIT',
    originOutlet: { id: 'o-1' },
    destinationOutlet: null,
    promisedAt: null,
    timeline: [],
    charges: [],
    chargeCheck: null,
    headlessSearches: [],
    ...over,
  }) as Parameters<typeof toWaybillFacts>[0];

describe('toWaybillFacts: the graph’s answer as the rules read it', () => {
  it.each([
    ['freight alone', [{ code: 'FREIGHT', amountFen: 1_500 }], { serviceFeeFen: 1_500, insuranceFeeFen: 0, addOnFeesFen: 0 }],
    [
      'premium and every add-on',
      [{ code: 'FREIGHT', amountFen: 1_500 }, { code: 'INSURANCE', amountFen: 200 }, { code: 'REMOTE_AREA', amountFen: 500 }, { code: 'OVERSIZE', amountFen: 300 }, { code: 'UPSTAIRS', amountFen: 100 }],
      { serviceFeeFen: 1_500, insuranceFeeFen: 200, addOnFeesFen: 900 },
    ],
    ['no charges read', [], { serviceFeeFen: 1_500, insuranceFeeFen: 0, addOnFeesFen: 0 }],
  ])('fees from the charges: %s', (_, charges, fees) => {
    expect(toWaybillFacts(raw({ charges })).fees).toEqual(fees);
  });

  it('maps the charge check and the newest headless-parcel search, times as dates', () => {
    const line = { code: 'FREIGHT', allowedFen: 1_000, chargedFen: 1_500, differenceFen: 500, verdict: 'OVERCHARGED', rule: 'r', ruleZh: '规' };
    const facts = toWaybillFacts(
      raw({
        chargeCheck: { tariffVersion: 'tariff-2026.2', pricedAt: '2026-10-27T11:00:00Z', lines: [line], allowedTotalFen: 1_000, chargedTotalFen: 1_500, refundOwedFen: 500, verdict: 'OVERCHARGED', explanationZh: '多收' },
        headlessSearches: [{ id: 'hs-2', searchedAt: '2026-11-01T00:00:00Z', candidateCount: 3, policyVersion: 'headless-2026.1' }],
      }),
    );
    expect(facts.chargeCheck).toMatchObject({ tariffVersion: 'tariff-2026.2', pricedAt: new Date('2026-10-27T11:00:00Z'), refundOwedFen: 500, lines: [line] });
    expect(facts.headlessSearch).toEqual({ id: 'hs-2', searchedAt: new Date('2026-11-01T00:00:00Z'), candidateCount: 3, policyVersion: 'headless-2026.1' });
    expect(toWaybillFacts(raw()).headlessSearch).toBeNull();
  });

  it('asks the graph for the charges, the charge check and one headless search, in a document that parses', () => {
    expect(() => parse(WAYBILL_FACTS_QUERY)).not.toThrow();
    for (const part of ['charges { code amountFen }', 'refundOwedFen', 'headlessSearches(first: 1) { id searchedAt candidateCount policyVersion }']) expect(WAYBILL_FACTS_QUERY).toContain(part);
  });
});
