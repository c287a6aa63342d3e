import type { DataSource } from 'typeorm';
import { DEFAULT_ANOMALY_POLICIES, type AnomalyPolicies } from '@courierdesk/domain-parcel';
import { RecordScansService } from './ingest/record-scans.service';
import { CreateWaybillsService } from './waybill/create-waybills.service';
import { WaybillFinderService } from './waybill/waybill-finder.service';

/** Options of the tracking services. */
export interface TrackingServiceOptions {
  /** The clock; tests and replays fix it. Default: the system clock. */
  now?: () => Date;
  policies?: AnomalyPolicies;
}

/** The tracking services over one DataSource (stateless; shared by all requests, usable by seeds and benchmarks). */
export function createTrackingServices(ds: DataSource, options: TrackingServiceOptions = {}) {
  const clock = options.now ?? (() => new Date());
  const policies = options.policies ?? DEFAULT_ANOMALY_POLICIES;
  return {
    clock,
    creation: new CreateWaybillsService(ds, clock, policies),
    scans: new RecordScansService(ds, clock, policies),
    finder: new WaybillFinderService(ds, policies),
  };
}

export type TrackingServices = ReturnType<typeof createTrackingServices>;
