import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';
import { claimsError } from '../common/claims.errors';

/** What a claim takes from the ticket it starts from (工单), read from the graph with the service's own identity. */
export interface TicketFacts {
  id: string;
  number: string;
  waybillNo: string | null;
  kind: string;
  reason: string;
  responsibleOutletId: string | null;
  counterpartOutletId: string | null;
  /**
   * The ticket's evidence outcome (decideOnEvidence): FOR_OUTLET means the responsible outlet proved
   * in time the fault is not its own, which clears it in the bearing-place rule (举证成立).
   */
  evidenceOutcome: string | null;
  /** The ticket's evidence, as the record of what was said; claim evidence is filed on the claim. */
  evidence: { kind: string; storageRef: string; addedAt: Date }[];
}

/** Reads tickets' facts; null for an id that names no ticket. */
export interface TicketDirectory {
  facts(ticketId: string): Promise<TicketFacts | null>;
}

/** Evidence items read from a ticket (the connection's first page; a ticket holds a handful). */
export const TICKET_EVIDENCE_READ = 50;

const QUERY = `query ClaimTicketFacts($id: ID!) {
  ticket(id: $id) {
    id number waybillNo kind reason
    responsibleOutlet { id } counterpartOutlet { id }
    evidenceDecision { outcome }
    evidence(first: ${TICKET_EVIDENCE_READ}) { edges { node { kind storageRef addedAt } } }
  }
}`;

interface RawTicket {
  id: string;
  number: string;
  waybillNo: string | null;
  kind: string;
  reason: string;
  responsibleOutlet: { id: string } | null;
  counterpartOutlet: { id: string } | null;
  evidenceDecision: { outcome: string } | null;
  evidence: { edges: { node: { kind: string; storageRef: string; addedAt: string } }[] };
}

const unavailable = () => claimsError('GRAPH_UNAVAILABLE', 'The ticket could not be read from the graph just now; try again');

/** The ticket directory over the graph, with the claims service's own identity. */
export class GraphTicketDirectory implements TicketDirectory {
  constructor(private readonly graph: GraphClient) {}

  async facts(ticketId: string): Promise<TicketFacts | null> {
    let response;
    try {
      response = await this.graph.request<{ ticket: RawTicket | null }>(QUERY, { id: ticketId });
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw unavailable();
      throw err;
    }
    // tickets answers an unknown id with NOT_FOUND (TICKET_NOT_FOUND): that is "no ticket", any other error a failed read.
    if (response.errors.some((e) => e.extensions?.code === 'NOT_FOUND' && e.path?.[0] === 'ticket')) return null;
    if (response.data === null || response.errors.length > 0) throw unavailable();
    const raw = response.data?.ticket ?? null;
    if (!raw) return null;
    return {
      id: raw.id,
      number: raw.number,
      waybillNo: raw.waybillNo,
      kind: raw.kind,
      reason: raw.reason,
      responsibleOutletId: raw.responsibleOutlet?.id ?? null,
      counterpartOutletId: raw.counterpartOutlet?.id ?? null,
      evidenceOutcome: raw.evidenceDecision?.outcome ?? null,
      evidence: raw.evidence.edges.map((e) => ({ kind: e.node.kind, storageRef: e.node.storageRef, addedAt: new Date(e.node.addedAt) })),
    };
  }
}
