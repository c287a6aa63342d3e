import { GraphUnavailableError, type GraphClient } from '@courierdesk/platform-subgraph';

/** One anomaly episode as tracking publishes it (its anomalyEvents feed). */
export interface AnomalyEventMessage {
  seq: string;
  waybillNo: string;
  code: string;
  since: Date;
  detectedAt: Date;
  recordedAt: Date;
  location: { kind: 'OUTLET' | 'TRANSIT_CENTRE'; id: string } | null;
  originOutletId: string;
  destinationOutletId: string | null;
}

/** A page of the feed after a position. */
export interface FeedPage {
  events: AnomalyEventMessage[];
  /** The position after this page (null: still at the start). */
  position: string | null;
  hasMore: boolean;
}

/** Where anomaly events come from: tracking's feed through the graph, or a broker where one is configured. */
export interface AnomalyFeed {
  read(after: string | null, first: number): Promise<FeedPage>;
}

const QUERY = `query ProactiveFeed($after: String, $first: Int) {
  anomalyEvents(after: $after, first: $first) {
    edges { cursor node {
      seq waybillNo code since detectedAt recordedAt
      location { __typename id }
      originOutlet { id } destinationOutlet { id }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RawEvent {
  seq: string;
  waybillNo: string;
  code: string;
  since: string;
  detectedAt: string;
  recordedAt: string;
  location: { __typename: string; id: string } | null;
  originOutlet: { id: string };
  destinationOutlet: { id: string } | null;
}

/** Tracking's outbox, read through the gateway with the tickets service's own identity. */
export class GraphAnomalyFeed implements AnomalyFeed {
  constructor(private readonly graph: GraphClient) {}

  async read(after: string | null, first: number): Promise<FeedPage> {
    const response = await this.graph.request<{ anomalyEvents: { edges: { cursor: string; node: RawEvent }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      QUERY,
      { after, first },
    );
    const feed = response.data?.anomalyEvents;
    if (!feed) throw new GraphUnavailableError(`the anomaly feed did not answer: ${response.errors.map((e) => e.extensions?.reason ?? e.message).join(', ')}`);
    return {
      events: feed.edges.map(({ node }) => ({
        seq: node.seq,
        waybillNo: node.waybillNo,
        code: node.code,
        since: new Date(node.since),
        detectedAt: new Date(node.detectedAt),
        recordedAt: new Date(node.recordedAt),
        location: node.location ? { kind: node.location.__typename === 'TransitCentre' ? 'TRANSIT_CENTRE' : 'OUTLET', id: node.location.id } : null,
        originOutletId: node.originOutlet.id,
        destinationOutletId: node.destinationOutlet?.id ?? null,
      })),
      position: feed.pageInfo.endCursor ?? after,
      hasMore: feed.pageInfo.hasNextPage,
    };
  }
}
