import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import type { LiabilityPolicy } from '@courierdesk/domain-liability';
import type { ScanEvent, ScanLocation } from '@courierdesk/domain-parcel';
import type { TicketDirectory, TicketFacts } from '../graph/ticket-facts';
import { distanceOfLane, feesOf, type WaybillCharge, type WaybillDirectory, type WaybillFacts } from '../graph/waybill-facts';
import { startClaimsSubgraph, CLAIMS_SUBGRAPH, type RunningClaimsSubgraph } from '../claims.subgraph';

export { firstError, type GraphQLResponse };

/** A scan as the tests write it: type, time, place, and what the rules read of it. */
export interface TestScan {
  type: ScanEvent['type'];
  at: Date;
  place: ScanLocation | null;
  courierId?: string | null;
  problemCode?: ScanEvent['problemCode'];
  failureReason?: ScanEvent['failureReason'];
}

/**
 * Waybills as the graph would answer for them, held in memory: the claims subgraph's own tests
 * exercise the claims, not tracking (flows across subgraphs are tested through the gateway, in
 * tools/stack). Tests add the waybills they need. The fees come from `charges` (default: the freight
 * alone), as the graph directory fills them; no charge check and no headless-parcel search unless given.
 */
export class WaybillsInMemory implements WaybillDirectory {
  readonly known = new Map<string, WaybillFacts>();
  calls = 0;

  add(facts: Partial<Omit<WaybillFacts, 'scans'>> & Pick<WaybillFacts, 'waybillNo'> & { freightFen?: number; scans?: TestScan[] }): WaybillFacts {
    const { freightFen, scans, ...rest } = facts;
    const laneKey = rest.laneKey ?? '440300-110100';
    const freight = freightFen ?? 1_200;
    const charges: WaybillCharge[] = rest.charges ?? [{ code: 'FREIGHT', amountFen: freight }];
    const full: WaybillFacts = {
      serviceLevel: 'STANDARD',
      laneKey,
      distance: distanceOfLane(laneKey),
      declaredValueFen: null,
      insuredValueFen: 0,
      fees: feesOf(freight, charges),
      charges,
      chargeCheck: null,
      headlessSearch: null,
      createdAt: new Date('2026-10-01T00:00:00Z'),
      signedAt: null,
      status: 'IN_TRANSIT',
      originOutletId: null,
      destinationOutletId: null,
      promisedAt: null,
      ...rest,
      scans: (scans ?? []).map((s) => ({
        waybillNo: facts.waybillNo,
        type: s.type,
        eventTime: s.at,
        location: s.place,
        courierId: s.courierId ?? null,
        signer: null,
        failureReason: s.failureReason ?? null,
        problemCode: s.problemCode ?? null,
        note: null,
      })),
    };
    this.known.set(full.waybillNo, full);
    return full;
  }

  async facts(waybillNo: string): Promise<WaybillFacts | null> {
    this.calls++;
    return this.known.get(waybillNo) ?? null;
  }
}

/** Tickets as the graph would answer for them, in memory. */
export class TicketsInMemory implements TicketDirectory {
  readonly known = new Map<string, TicketFacts>();

  add(facts: Partial<TicketFacts> & Pick<TicketFacts, 'id'>): TicketFacts {
    const full: TicketFacts = {
      number: 'TK20261102-000001',
      waybillNo: null,
      kind: 'COMPLAINT',
      reason: 'DAMAGED',
      responsibleOutletId: null,
      counterpartOutletId: null,
      evidenceOutcome: null,
      evidence: [],
      ...facts,
    };
    this.known.set(full.id, full);
    return full;
  }

  async facts(ticketId: string): Promise<TicketFacts | null> {
    return this.known.get(ticketId) ?? null;
  }
}

/** A claims subgraph on a database of its own, with a client that signs as the gateway would. */
export interface ClaimsHarness extends SubgraphHarness<RunningClaimsSubgraph> {
  waybills: WaybillsInMemory;
  tickets: TicketsInMemory;
  /** The liability policy versions the subgraph decides by (undefined: the library's defaults); tests may replace them. */
  policies: { current: readonly LiabilityPolicy[] | undefined };
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock. */
export async function startClaimsHarness(options: { now?: () => Date } = {}): Promise<ClaimsHarness> {
  const waybills = new WaybillsInMemory();
  const tickets = new TicketsInMemory();
  const policies: ClaimsHarness['policies'] = { current: undefined };
  const harness = await startSubgraphHarness(CLAIMS_SUBGRAPH, (start) =>
    startClaimsSubgraph({ ...start, now: options.now, waybills, tickets, policies: () => policies.current }),
  );
  return { ...harness, waybills, tickets, policies };
}
