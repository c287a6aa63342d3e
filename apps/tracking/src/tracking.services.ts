import type { DataSource } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyPolicies } from '@courierdesk/domain-parcel';
import { HeadlessMatchService } from './headless/headless-match.service';
import { HeadlessParcelService } from './headless/headless-parcel.service';
import { RecordScansService } from './ingest/record-scans.service';
import { AnomalyDetectorService, type SweepLimits } from './outbox/anomaly-detector.service';
import { AnomalyFeedService } from './outbox/anomaly-feed.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { TariffService } from './tariff/tariff.service';
import { CreateWaybillsService } from './waybill/create-waybills.service';
import { WaybillFinderService } from './waybill/waybill-finder.service';

/** Options of the tracking services. */
export interface TrackingServiceOptions {
  /** The clock; tests and replays fix it. Default: the system clock. */
  now?: () => Date;
  policies?: AnomalyPolicies;
  /** Bounds of the anomaly sweeps (default DEFAULT_SWEEP_LIMITS). */
  sweepLimits?: SweepLimits;
}

/** The tracking services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createTrackingServices(ds: DataSource, options: TrackingServiceOptions = {}) {
  const clock = options.now ?? (() => new Date());
  const policies = options.policies ?? DEFAULT_ANOMALY_POLICIES;
  // The detector sweeps only once started (the subgraph does); until then a nudge is a no-op.
  const anomalies = new AnomalyDetectorService(ds, clock, policies, options.sweepLimits);
  const scans = new RecordScansService(ds, clock, policies, () => anomalies.nudge());
  return {
    clock,
    creation: new CreateWaybillsService(ds, clock, policies),
    scans,
    headlessParcels: new HeadlessParcelService(ds, clock),
    headlessMatches: new HeadlessMatchService(ds, clock, scans),
    finder: new WaybillFinderService(ds, policies),
    anomalies,
    feed: new AnomalyFeedService(ds),
    tariffs: new TariffService(ds, clock),
    catalogue: new CatalogueService(ds, clock),
  };
}

export type TrackingServices = ReturnType<typeof createTrackingServices>;
