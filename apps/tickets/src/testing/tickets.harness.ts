import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import type { WaybillDirectory, WaybillFacts } from '../graph/waybill-facts';
import { startTicketsSubgraph, TICKETS_SUBGRAPH, type RunningTicketsSubgraph } from '../tickets.subgraph';

export { firstError, type GraphQLResponse };

/**
 * Waybills as the graph would answer for them, held in memory: the tickets subgraph's own tests
 * exercise the desk, not tracking (flows across subgraphs are tested through the gateway, in
 * tools/stack). Tests add the waybills they need.
 */
export class WaybillsInMemory implements WaybillDirectory {
  readonly known = new Map<string, WaybillFacts>();
  calls = 0;

  add(facts: Partial<WaybillFacts> & Pick<WaybillFacts, 'waybillNo'>): WaybillFacts {
    const full: WaybillFacts = {
      originOutletId: null,
      destinationOutletId: null,
      status: 'IN_TRANSIT',
      lastScanAt: null,
      lastScanPlace: null,
      etaFrom: null,
      etaTo: null,
      courierName: null,
      courierPhone: null,
      destinationOutletName: null,
      ...facts,
    };
    this.known.set(full.waybillNo, full);
    return full;
  }

  async facts(waybillNos: readonly string[]): Promise<Map<string, WaybillFacts | null>> {
    this.calls++;
    return new Map(waybillNos.map((no) => [no, this.known.get(no) ?? null]));
  }
}

/** A tickets subgraph on a database of its own, with a client that signs as the gateway would. */
export interface TicketsHarness extends SubgraphHarness<RunningTicketsSubgraph> {
  waybills: WaybillsInMemory;
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock. */
export async function startTicketsHarness(options: { now?: () => Date } = {}): Promise<TicketsHarness> {
  const waybills = new WaybillsInMemory();
  const harness = await startSubgraphHarness(TICKETS_SUBGRAPH, (start) => startTicketsSubgraph({ ...start, now: options.now, waybills }));
  return { ...harness, waybills };
}
