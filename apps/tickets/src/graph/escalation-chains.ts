import type { ContactRole, EscalationTopic } from '@courierdesk/domain-network';
import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';
import { ticketsError } from '../common/tickets.errors';

/** One person or desk of an outlet's escalation chain (升级联系人), as the network lists them. */
export interface EscalationContact {
  role: ContactRole;
  name: string | null;
  phone: string | null;
}

/**
 * Whom to call about a problem at an outlet, in calling order (升级链). The network subgraph owns
 * the contact directory; the desk reads it live, never copies it, so a replaced outlet manager is
 * called from the next escalation on.
 */
export interface EscalationChains {
  /** The outlet's chain for the topic; empty when the network knows no such outlet. Throws GRAPH_UNAVAILABLE. */
  chain(outletId: string, topic: EscalationTopic): Promise<EscalationContact[]>;
}

const QUERY = `query TicketEscalationChain($outletId: ID!, $topic: EscalationTopic!) {
  escalationChain(outletId: $outletId, topic: $topic) { steps { position role name phone } }
}`;

interface RawChain {
  escalationChain: { steps: { position: number; role: ContactRole; name: string | null; phone: string | null }[] } | null;
}

/** Escalation chains read through the gateway with the service's own identity (network's `escalationChain`). */
export class GraphEscalationChains implements EscalationChains {
  constructor(private readonly graph: GraphClient) {}

  async chain(outletId: string, topic: EscalationTopic): Promise<EscalationContact[]> {
    let response;
    try {
      response = await this.graph.request<RawChain>(QUERY, { outletId, topic });
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw ticketsError('GRAPH_UNAVAILABLE', 'The escalation chain could not be read from the network just now; try again');
      throw err;
    }
    const steps = response.data?.escalationChain?.steps;
    if (!steps) {
      // An outlet the network does not know has nobody to call; any other failure is the graph's.
      if (response.errors.length > 0 && response.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) return [];
      throw ticketsError('GRAPH_UNAVAILABLE', 'The escalation chain could not be read from the network just now; try again');
    }
    return [...steps].sort((a, b) => a.position - b.position).map(({ role, name, phone }) => ({ role, name, phone }));
  }
}
