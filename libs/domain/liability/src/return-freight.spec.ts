import { chinaTime } from '@courierdesk/domain-sla';
import { decideReturnFreight, REFUSAL_CAUSES, RETURN_FREIGHT_RULES, type RefusalCause } from './return-freight';

const AT = chinaTime(2024, 6, 1, 10);
const HUB = { kind: 'HUB', id: 'H-SZ' } as const;

describe('decideReturnFreight: who pays return freight on a refusal (拒收退回运费)', () => {
  it.each<[RefusalCause, string, string | null, string, boolean]>([
    ['NOT_AS_DESCRIBED', 'BILL_SHIPPER', 'SHIPPER', 'SHIPPER', false],
    ['CARRIER_DELAY', 'CARRIER_BEARS', null, 'CARRIER', false],
    ['COURIER_MISCONDUCT', 'CARRIER_BEARS', null, 'CARRIER', false],
    ['NO_REASON', 'BILL_SHIPPER', 'SHIPPER', 'CONSIGNEE', false],
    ['DAMAGED_IN_CARRIAGE', 'CARRIER_BEARS', null, 'CARRIER', true],
    ['PLATFORM_NO_REASON_RETURN', 'BILL_SHIPPER', 'SHIPPER', 'MERCHANT_OR_PLATFORM', false],
  ])('%s → %s, billed %s, borne by %s, damages claim %s', (cause, code, billed, bearer, damages) => {
    const decision = decideReturnFreight({ cause, returnFreightFen: 1_200, refusedAt: AT, faultPlace: HUB });
    expect(decision).toMatchObject({ code, billed, bearer, shipperMayClaimDamages: damages, totalFen: 1_200, ruleVersion: 'liability-2024.1' });
    expect(decision.lines).toEqual([{ code: 'RETURN_FREIGHT', amountFen: 1_200, ruleCode: decision.ruleCode }]);
    expect(decision.codes[0]).toBe(code);
    expect(decision.codes).toContain(`CAUSE_${cause}`);
    // The consumer never bears it under a 7-day no-reason return; only a carrier fault has an internal bearer.
    expect(decision.internalBearer).toEqual(bearer === 'CARRIER' ? HUB : null);
    expect(decision.explanationZh).toContain('12.00元');
  });

  it('covers every cause, and never lets the consumer bear a 7-day no-reason return', () => {
    expect(Object.keys(RETURN_FREIGHT_RULES).sort()).toEqual([...REFUSAL_CAUSES].sort());
    expect(RETURN_FREIGHT_RULES.PLATFORM_NO_REASON_RETURN.bearer).not.toBe('CONSIGNEE');
  });

  it('names the consignee as the final bearer but bills the shipper on a refusal without reason', () => {
    const decision = decideReturnFreight({ cause: 'NO_REASON', returnFreightFen: 800, refusedAt: AT });
    expect(decision.explanationZh).toContain('快递公司向寄件人收取，最终由收件人承担');
  });

  it('flags a carrier fault with no known place for HQ arbitration', () => {
    const decision = decideReturnFreight({ cause: 'CARRIER_DELAY', returnFreightFen: 800, refusedAt: AT });
    expect(decision.internalBearer).toBeNull();
    expect(decision.codes).toContain('INTERNAL_BEARER_UNKNOWN');
  });

  it('tells the shipper it may also claim damages when the goods were damaged in carriage', () => {
    const decision = decideReturnFreight({ cause: 'DAMAGED_IN_CARRIAGE', returnFreightFen: 800, refusedAt: AT, faultPlace: HUB });
    expect(decision.codes).toContain('SHIPPER_MAY_CLAIM_DAMAGES');
    expect(decision.explanationZh).toContain('分拨中心 H-SZ');
  });

  it.each([
    [chinaTime(2024, 3, 31, 23, 59), 'liability-2018.1'],
    [chinaTime(2024, 4, 1), 'liability-2024.1'],
  ])('records the version in force at the refusal (%s → %s)', (refusedAt, version) => {
    expect(decideReturnFreight({ cause: 'NO_REASON', returnFreightFen: 1, refusedAt }).ruleVersion).toBe(version);
  });

  it.each([
    [{ cause: 'LOST_INTEREST' as RefusalCause, returnFreightFen: 100 }, 'UNKNOWN_REFUSAL_CAUSE'],
    [{ cause: 'NO_REASON' as const, returnFreightFen: 12.5 }, 'AMOUNT_NOT_INTEGER'],
    [{ cause: 'NO_REASON' as const, returnFreightFen: -100 }, 'NEGATIVE_AMOUNT'],
  ])('refuses %p with %s', (input, code) => {
    expect(() => decideReturnFreight({ ...input, refusedAt: AT })).toThrow(expect.objectContaining({ code }));
  });
});
