import { DEMO_AGENT, planTicketsDemo, type DemoTicketCase } from './tickets-demo';
import { demoWaybills, PARTNER } from './tickets-demo.test-helper';

const NOW = new Date('2026-12-02T07:00:00Z');
const waybills = demoWaybills(NOW);
const plan = planTicketsDemo(waybills, { partnerOutletId: PARTNER, now: NOW });
const ofKind = (kind: string): DemoTicketCase[] => plan.cases.filter((c) => c.input.kind === kind);

describe('planTicketsDemo: the demo desk', () => {
  it('is the same for the same seed, waybills and now, and another for another seed', () => {
    expect(planTicketsDemo([...waybills].reverse(), { partnerOutletId: PARTNER, now: NOW })).toEqual(plan);
    expect(planTicketsDemo(waybills, { partnerOutletId: PARTNER, now: NOW, seed: 7 })).not.toEqual(plan);
  });

  it('has every kind, about sixty cases, and each of them on its own waybill except the merged duplicate', () => {
    expect(plan.cases.length).toBeGreaterThanOrEqual(50);
    expect(plan.cases.length).toBeLessThanOrEqual(65);
    expect(new Set(plan.cases.map((c) => c.input.kind))).toEqual(new Set(['INQUIRY', 'URGE', 'COMPLAINT', 'PROBLEM_PARCEL', 'SIGNED_NOT_RECEIVED']));
    const numbers = plan.cases.map((c) => c.input.waybillNo).filter(Boolean);
    expect(numbers.length - new Set(numbers).size).toBe(plan.merges.length);
  });

  it('urges some parcels again, once or twice (urge count 2–3), only parcels not yet delivered', () => {
    const repeats = ofKind('URGE').map((c) => c.steps.filter((s) => s.type === 'URGE_AGAIN').length);
    expect(repeats.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...repeats)).toBeLessThanOrEqual(2);
    const status = new Map(waybills.map((w) => [w.waybillNo, w.status]));
    expect(ofKind('URGE').every((c) => status.get(c.input.waybillNo as string) !== 'DELIVERED')).toBe(true);
  });

  it('has one 12305 case with its case number and a deadline after it was forwarded, opened by HQ', () => {
    const regulator = plan.cases.filter((c) => c.input.channel === 'REGULATOR_12305');
    expect(regulator).toHaveLength(1);
    const [{ input, at, by }] = regulator;
    expect(by).toEqual({ kind: 'HQ' });
    expect(input.kind).toBe('COMPLAINT');
    expect(input.regulatorCaseNo).toMatch(/^YZ12305-\d{4}-\d{6}$/);
    expect(input.regulatorDeadline!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(input.regulatorDeadline!.getTime()).toBeGreaterThan(at.getTime());
  });

  it('puts the partner outlet on one side of every problem parcel, registered by each side in turn', () => {
    const problems = ofKind('PROBLEM_PARCEL');
    expect(problems.length).toBeGreaterThanOrEqual(8);
    for (const c of problems) {
      expect([c.input.responsibleOutletId, c.input.counterpartOutletId]).toContain(PARTNER);
      expect(c.input.responsibleOutletId).not.toBe(c.input.counterpartOutletId);
      expect(c.by).toEqual({ kind: 'OUTLET', outletId: c.input.responsibleOutletId });
    }
    expect(problems.filter((c) => c.input.responsibleOutletId === PARTNER).length).toBeGreaterThan(0);
    expect(problems.filter((c) => c.input.counterpartOutletId === PARTNER).length).toBeGreaterThan(0);
  });

  it('leaves cases open, in progress, waiting for the customer and resolved, assigned to the demo agent', () => {
    const last = (c: DemoTicketCase) => c.steps.filter((s) => s.type === 'STATUS' || s.type === 'RESOLVE').at(-1);
    const ends = plan.cases.map((c) => {
      const step = last(c);
      return step?.type === 'RESOLVE' ? 'RESOLVED' : step?.type === 'STATUS' ? step.status : 'OPEN';
    });
    for (const status of ['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_OUTLET', 'RESOLVED']) expect(ends).toContain(status);
    const assignees = plan.cases.flatMap((c) => c.steps.flatMap((s) => (s.type === 'ASSIGN' ? [s.assignee] : [])));
    expect(assignees.length).toBeGreaterThan(plan.cases.length / 2);
    expect(new Set(assignees)).toEqual(new Set([DEMO_AGENT]));
  });

  it('opens every case after its waybill existed and before now, and runs its steps in order before now', () => {
    const created = new Map(waybills.map((w) => [w.waybillNo, w.createdAt.getTime()]));
    for (const c of plan.cases) {
      expect(c.at.getTime()).toBeLessThan(NOW.getTime());
      if (c.input.waybillNo) expect(c.at.getTime()).toBeGreaterThan(created.get(c.input.waybillNo) as number);
      const times = [c.at, ...c.steps.map((s) => s.at)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    }
    for (const m of plan.merges) {
      expect(plan.cases[m.source].input.waybillNo).toBe(plan.cases[m.target].input.waybillNo);
      expect(m.at.getTime()).toBeGreaterThan(Math.max(...[m.source, m.target].flatMap((i) => [plan.cases[i].at, ...plan.cases[i].steps.map((s) => s.at)]).map((d) => d.getTime())));
    }
  });
});
