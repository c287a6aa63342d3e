import { makeWaybillNo, type ScanEvent } from '@courierdesk/domain-parcel';
import type { TicketDirectory, TicketFacts, WaybillDirectory, WaybillFacts } from '@courierdesk/claims';
import type { ClaimDemoTicket, ClaimDemoWaybill } from './claims-demo';
import { demoId } from './deterministic-id';

/** The demo partner outlet of the claims demo's tests. */
export const PARTNER = demoId('outlet', 'claims-partner');
const OTHER = demoId('outlet', 'claims-other');
const HUB = demoId('hub', 'claims-hub');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One test waybill: what the plan picks from and the facts the services decide on, from one description. */
interface Built {
  waybill: ClaimDemoWaybill;
  facts: WaybillFacts;
}

type Shape = 'REFUSED' | 'DELIVERED' | 'LATE';

function build(i: number, shape: Shape, now: Date, more: { lateDays?: number; sameCity?: boolean; insured?: boolean; partner?: boolean } = {}): Built {
  const waybillNo = makeWaybillNo(700_000 + i);
  const [origin, destination] = more.partner === false ? [OTHER, OTHER] : i % 2 === 0 ? [PARTNER, OTHER] : [OTHER, PARTNER];
  const created = new Date(now.getTime() - 10 * DAY);
  const declared = 20_000 + i * 1_000;
  const insured = more.insured ? declared : 0;
  const freight = 1_000 + i * 10;
  const laneKey = more.sameCity ? '110100-110100' : '110100-440300';
  const scan = (type: ScanEvent['type'], at: number, location: ScanEvent['location'], extra: Partial<ScanEvent> = {}): ScanEvent => ({
    waybillNo, type, eventTime: new Date(created.getTime() + at), location, courierId: null, signer: null, failureReason: null, problemCode: null, note: null, ...extra,
  });
  const scans: ScanEvent[] = [scan('PICKED_UP', HOUR, { kind: 'OUTLET', id: origin }), scan('ARRIVED_AT_HUB', 10 * HOUR, { kind: 'HUB', id: HUB }), scan('DEPARTED_HUB', 12 * HOUR, { kind: 'HUB', id: HUB })];
  let status = 'IN_TRANSIT';
  let signedAt: Date | null = null;
  let promisedAt: Date | null = null;
  if (shape !== 'LATE') scans.push(scan('ARRIVED_AT_OUTLET', 30 * HOUR, { kind: 'OUTLET', id: destination }), scan('OUT_FOR_DELIVERY', 32 * HOUR, { kind: 'OUTLET', id: destination }));
  if (shape === 'DELIVERED') {
    scans.push(scan('SIGNED', 34 * HOUR, { kind: 'OUTLET', id: destination }, { signer: { kind: 'RECIPIENT', name: null } }));
    status = 'DELIVERED';
    signedAt = scans.at(-1)!.eventTime;
  } else if (shape === 'REFUSED') {
    scans.push(
      scan('DELIVERY_FAILED', 34 * HOUR, { kind: 'OUTLET', id: destination }, { failureReason: 'REFUSED' }),
      scan('RETURN_STARTED', 40 * HOUR, { kind: 'OUTLET', id: destination }, { problemCode: 'REFUSED' }),
    );
    status = 'RETURNING';
  } else {
    promisedAt = new Date(now.getTime() - (more.lateDays ?? 2) * DAY);
  }
  const distance = more.sameCity ? 'SAME_CITY' : 'CROSS_PROVINCE';
  return {
    waybill: { waybillNo, status, distance, declaredValueFen: declared, insuredValueFen: insured, freightFen: freight, originOutletId: origin, destinationOutletId: destination, promisedAt, refused: shape === 'REFUSED' },
    facts: {
      waybillNo, serviceLevel: 'STANDARD', laneKey, distance, declaredValueFen: declared, insuredValueFen: insured,
      fees: { serviceFeeFen: freight, insuranceFeeFen: 0, addOnFeesFen: 0 }, createdAt: created, signedAt, status, originOutletId: origin, destinationOutletId: destination, promisedAt, scans,
    },
  };
}

/** The tests' demo: refused, delivered and late waybills (insured and not, ordinary and thorough delays), a damage and a 不上楼 ticket. */
export function claimsDemoFixture(now: Date) {
  const built: Built[] = [
    ...Array.from({ length: 8 }, (_, i) => build(i, 'REFUSED', now)),
    ...Array.from({ length: 4 }, (_, i) => build(10 + i, 'DELIVERED', now)),
    build(20, 'LATE', now, { lateDays: 2, insured: true }),
    build(21, 'LATE', now, { lateDays: 2 }),
    build(22, 'LATE', now, { lateDays: 2.5 }),
    build(23, 'LATE', now, { lateDays: 4, sameCity: true }),
    build(24, 'DELIVERED', now, { partner: false }),
  ];
  const damaged = built[10].waybill.waybillNo;
  const tickets: (ClaimDemoTicket & { number: string })[] = [
    { id: demoId('ticket', 'damage'), number: 'TK20261201-000001', waybillNo: damaged, kind: 'PROBLEM_PARCEL', reason: 'DAMAGED', responsibleOutletId: PARTNER, counterpartOutletId: OTHER },
    { id: demoId('ticket', 'upstairs'), number: 'TK20261201-000002', waybillNo: built[11].waybill.waybillNo, kind: 'COMPLAINT', reason: 'NOT_DELIVERED_UPSTAIRS', responsibleOutletId: PARTNER, counterpartOutletId: null },
  ];
  const factsByNo = new Map(built.map((b) => [b.facts.waybillNo, b.facts]));
  const waybillDirectory: WaybillDirectory = { facts: async (no) => factsByNo.get(no) ?? null };
  const ticketDirectory: TicketDirectory = {
    facts: async (id): Promise<TicketFacts | null> => {
      const t = tickets.find((x) => x.id === id);
      // The partner's "not delivered upstairs" complaint is lost on evidence (its deadline passed without a photo).
      return t ? { ...t, evidenceOutcome: t.reason === 'NOT_DELIVERED_UPSTAIRS' ? 'AGAINST_OUTLET' : null, evidence: [] } : null;
    },
  };
  return { waybills: built.map((b) => b.waybill), tickets, damaged, waybillDirectory, ticketDirectory };
}
