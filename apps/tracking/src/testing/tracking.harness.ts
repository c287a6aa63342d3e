import { firstError, startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@courierdesk/testing';
import { createTrackingServices, type TrackingServices } from '../tracking.services';
import { startTrackingSubgraph, TRACKING_SUBGRAPH, type RunningTrackingSubgraph } from '../tracking.subgraph';

export { firstError, type GraphQLResponse };

/** A tracking subgraph on a database of its own, with a client that signs as the gateway would. */
export interface TrackingHarness extends SubgraphHarness<RunningTrackingSubgraph> {
  /** The same services on the same clock, for building rows without GraphQL. */
  services: TrackingServices;
}

/** How a test runs the subgraph: its clock, and the anomaly sweep (off unless asked for: tests sweep by hand). */
export interface TrackingHarnessOptions {
  now?: () => Date;
  anomalySweepMs?: number;
  anomalyNudgeMs?: number;
}

/** Starts the subgraph for one test file (beforeAll; `stop` in afterAll). `now` fixes the clock. */
export async function startTrackingHarness(options: TrackingHarnessOptions = {}): Promise<TrackingHarness> {
  const { now, anomalySweepMs = 0, anomalyNudgeMs } = options;
  const harness = await startSubgraphHarness(TRACKING_SUBGRAPH, (start) => startTrackingSubgraph({ ...start, now, anomalySweepMs, anomalyNudgeMs }));
  return { ...harness, services: createTrackingServices(harness.ds, { now }) };
}
