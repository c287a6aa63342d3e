import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import { createTrackingServices, type TrackingServices } from '../tracking.services';
import { startTrackingSubgraph, TRACKING_SUBGRAPH, type RunningTrackingSubgraph } from '../tracking.subgraph';

export { firstError, type GraphQLResponse };

/** A tracking subgraph on a database of its own, with a client that signs as the gateway would. */
export interface TrackingHarness extends SubgraphHarness<RunningTrackingSubgraph> {
  /** The same services on the same clock, for building rows without GraphQL. */
  services: TrackingServices;
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock. */
export async function startTrackingHarness(options: { now?: () => Date } = {}): Promise<TrackingHarness> {
  const harness = await startSubgraphHarness(TRACKING_SUBGRAPH, (start) => startTrackingSubgraph({ ...start, now: options.now }));
  return { ...harness, services: createTrackingServices(harness.ds, { now: options.now }) };
}
