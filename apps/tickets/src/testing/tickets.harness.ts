import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import { escalationChain, type ContactRole, type EscalationTopic } from '@courierdesk/domain-network';
import { ticketsError } from '../common/tickets.errors';
import type { EscalationChains, EscalationContact } from '../graph/escalation-chains';
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
      holderOutletId: null,
      status: 'IN_TRANSIT',
      lastScanAt: null,
      lastScanPlace: null,
      etaFrom: null,
      etaTo: null,
      courierName: null,
      courierPhone: null,
      destinationOutletName: null,
      chargeCheckZh: null,
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

/**
 * The network's contact directory as its `escalationChain` would answer, in memory: contacts per
 * outlet, ordered by the domain's calling order for the topic (roles nobody fills are left out).
 */
export class EscalationChainsInMemory implements EscalationChains {
  readonly contacts = new Map<string, EscalationContact[]>();
  calls = 0;
  /** While true, answers as a graph that is down. */
  unavailable = false;

  /** The outlet's contacts (its desks, its hub's and HQ's), one per role. */
  set(outletId: string, byRole: Partial<Record<ContactRole, { name: string; phone: string }>>): void {
    this.contacts.set(
      outletId,
      Object.entries(byRole).map(([role, c]) => ({ role: role as ContactRole, name: c?.name ?? null, phone: c?.phone ?? null })),
    );
  }

  async chain(outletId: string, topic: EscalationTopic): Promise<EscalationContact[]> {
    this.calls++;
    if (this.unavailable) throw ticketsError('GRAPH_UNAVAILABLE', 'The escalation chain could not be read from the network just now; try again');
    return escalationChain(topic, this.contacts.get(outletId) ?? []).chain;
  }
}

/** A tickets subgraph on a database of its own, with a client that signs as the gateway would. */
export interface TicketsHarness extends SubgraphHarness<RunningTicketsSubgraph> {
  waybills: WaybillsInMemory;
  chains: EscalationChainsInMemory;
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock; the breach sweep runs only when a test calls it. */
export async function startTicketsHarness(options: { now?: () => Date } = {}): Promise<TicketsHarness> {
  const waybills = new WaybillsInMemory();
  const chains = new EscalationChainsInMemory();
  const harness = await startSubgraphHarness(TICKETS_SUBGRAPH, (start) =>
    startTicketsSubgraph({ ...start, now: options.now, waybills, escalationChains: chains, escalationSweepMs: 0 }),
  );
  return { ...harness, waybills, chains };
}
