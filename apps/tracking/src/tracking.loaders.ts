import type { DataSource } from 'typeorm';
import type { Identity } from '@courierdesk/platform-auth';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { etaLoaders } from './eta/eta.loaders';
import { headlessLoaders } from './headless/headless.loaders';
import { placePagesLoader } from './waybill/place-pages.loader';
import { ruleLoaders } from './tariff/rule.loaders';
import { scanEventLoaders } from './scan/scan-event.loaders';
import type { TrackingServices } from './tracking.services';
import { waybillLoaders } from './waybill/waybill.loaders';

/**
 * Every loader of one request, built by `createLoaders(identity)`; never shared between requests.
 * `now` is read once per request, so every anomaly and ETA of one response is judged at the same
 * instant (and tests can fix it through the subgraph's clock option).
 */
export function createTrackingLoaders(ds: DataSource, identity: Identity, services: TrackingServices) {
  const base = {
    now: services.clock(),
    ...waybillLoaders(ds, identity),
    ...scanEventLoaders(ds),
    ...etaLoaders(ds),
    ...ruleLoaders(services),
    ...headlessLoaders(ds),
  };
  return { ...base, placePages: placePagesLoader(services.finder, identity, base) };
}

export type TrackingLoaders = ReturnType<typeof createTrackingLoaders>;

/** What the tracking resolvers receive. */
export type TrackingContext = SubgraphContext<TrackingLoaders>;
