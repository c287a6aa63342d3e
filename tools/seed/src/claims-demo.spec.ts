import { REFUSAL_CAUSES } from '@courierdesk/domain-liability';
import { planClaimsDemo, type ClaimDemoWaybill } from './claims-demo';
import { claimsDemoFixture, PARTNER } from './claims-demo.test-helper';

const now = new Date('2026-12-02T08:00:00Z');
const fixture = claimsDemoFixture(now);
const plan = planClaimsDemo(fixture.waybills, fixture.tickets, { partnerOutletId: PARTNER, now });
const byLabel = new Map(plan.claims.map((c) => [c.label, c]));
const waybillOf = (label: string): ClaimDemoWaybill => {
  const c = byLabel.get(label)!;
  const no = c.input.waybillNo ?? fixture.tickets.find((t) => t.id === c.input.ticketId)!.waybillNo;
  return fixture.waybills.find((w) => w.waybillNo === no)!;
};

describe('planClaimsDemo', () => {
  it('plans a return-freight claim for each refusal cause, on refused waybills, asking for the freight', () => {
    for (const cause of REFUSAL_CAUSES) {
      const c = byLabel.get(`RETURN_FREIGHT:${cause}`)!;
      expect(c.input).toMatchObject({ kind: 'RETURN_FREIGHT', refusalCause: cause, claimedFen: waybillOf(c.label).freightFen });
      expect(waybillOf(c.label).refused).toBe(true);
      expect(c.evidence.map((e) => e.item)).toEqual(['REFUSAL_CAUSE_PROOF']);
    }
  });

  it.each([
    ['LOSS:INSURED', (w: ClaimDemoWaybill) => w.insuredValueFen > 0 && w.promisedAt !== null && w.promisedAt < now],
    ['LOSS:UNINSURED', (w: ClaimDemoWaybill) => w.insuredValueFen === 0 && w.promisedAt !== null && w.promisedAt < now],
    ['DAMAGE:PAID', (w: ClaimDemoWaybill) => w.status === 'DELIVERED'],
    ['DELAY:ORDINARY', (w: ClaimDemoWaybill) => now.getTime() - w.promisedAt!.getTime() < 6 * 86_400_000],
    ['DELAY:THOROUGH', (w: ClaimDemoWaybill) => w.distance === 'SAME_CITY' && now.getTime() - w.promisedAt!.getTime() >= 3 * 86_400_000],
  ])('picks a waybill whose facts fit %s', (label, fits) => {
    expect(fits(waybillOf(label))).toBe(true);
  });

  it('asks for the insurance receipt only on an insured loss, and files the damage from its problem-parcel ticket, paid under a deterministic key', () => {
    expect(byLabel.get('LOSS:INSURED')!.evidence.map((e) => e.item)).toEqual(['PROOF_OF_VALUE', 'INSURANCE_RECEIPT']);
    expect(byLabel.get('LOSS:UNINSURED')!.evidence.map((e) => e.item)).toEqual(['PROOF_OF_VALUE']);
    const damage = byLabel.get('DAMAGE:PAID')!;
    expect(damage.input).toMatchObject({ ticketId: fixture.tickets[0].id, waybillNo: null, kind: 'DAMAGE' });
    expect(damage).toMatchObject({ end: 'PAID', payoutKey: `demo-payout-${fixture.damaged}` });
    expect(damage.input.claimedFen).toBeLessThanOrEqual(waybillOf('DAMAGE:PAID').declaredValueFen!);
    expect(plan.claims.filter((c) => c.end === 'PAID')).toHaveLength(1);
  });

  it('uses each waybill once, and the partner outlet’s waybills first', () => {
    const used = plan.claims.map((c) => waybillOf(c.label).waybillNo);
    expect(new Set(used).size).toBe(used.length);
    expect(used.every((no) => fixture.waybills.find((w) => w.waybillNo === no)!.originOutletId === PARTNER || fixture.waybills.find((w) => w.waybillNo === no)!.destinationOutletId === PARTNER)).toBe(true);
  });

  it('fines the partner outlet on its 不上楼 ticket and has the outlet dispute it', () => {
    expect(plan.fine).toMatchObject({ outletId: PARTNER, reason: 'NOT_DELIVERED_UPSTAIRS_NO_EVIDENCE', ticketId: fixture.tickets[1].id, waybillNo: fixture.tickets[1].waybillNo });
    expect(plan.fine.dispute.statement.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same plan from the same facts in another order', () => {
    const again = planClaimsDemo([...fixture.waybills].reverse(), [...fixture.tickets].reverse(), { partnerOutletId: PARTNER, now });
    expect(again).toEqual(plan);
  });

  it('leaves out a case no waybill fits (no late parcel: no loss, no delay)', () => {
    const onlyArrived = fixture.waybills.filter((w) => w.promisedAt === null);
    const labels = planClaimsDemo(onlyArrived, fixture.tickets, { partnerOutletId: PARTNER, now }).claims.map((c) => c.label);
    expect(labels).toHaveLength(7);
    expect(labels.filter((l) => l.startsWith('LOSS') || l.startsWith('DELAY'))).toEqual([]);
  });
});
