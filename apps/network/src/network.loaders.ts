import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { contactLoaders } from './contact/contact.loaders';
import { courierLoaders } from './courier/courier.loaders';
import { deliveryAreaLoaders } from './delivery-area/delivery-area.loaders';
import { divisionLoaders } from './division/division.loaders';
import { outletLoaders } from './outlet/outlet.loaders';
import { transitCentreLoaders } from './transit-centre/transit-centre.loaders';

/**
 * Every loader of one request; never shared between requests. No loader depends on the caller:
 * directory rows are everyone's, and personal data is decided per field (common/access.ts).
 * Loaders do not prime one another: whether a primed row arrives before a dependent load would
 * depend on which query finishes first, and a request's statement count must not.
 */
export function createNetworkLoaders(ds: DataSource) {
  return {
    ...outletLoaders(ds),
    ...transitCentreLoaders(ds),
    ...courierLoaders(ds),
    ...deliveryAreaLoaders(ds),
    ...contactLoaders(ds),
    ...divisionLoaders(ds),
  };
}

export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;

/** What the network's resolvers receive. */
export type NetworkContext = SubgraphContext<NetworkLoaders>;
