import type { DataSource } from 'typeorm';
import type { Identity } from '@courierdesk/platform-auth';
import type { SubgraphContext } from '@courierdesk/platform-subgraph';
import { contactLoaders } from './contact/contact.loaders';
import { courierLoaders } from './courier/courier.loaders';
import { deliveryAreaLoaders } from './delivery-area/delivery-area.loaders';
import { outletLoaders } from './outlet/outlet.loaders';
import { transitCentreLoaders } from './transit-centre/transit-centre.loaders';

/**
 * Every loader of one request, built by `createLoaders(identity)`; never shared between requests.
 * Loaders do not prime one another: whether a primed row arrives before a dependent load would
 * depend on which query finishes first, and a request's statement count must not.
 */
export function createNetworkLoaders(ds: DataSource, identity: Identity) {
  return {
    ...outletLoaders(ds),
    ...transitCentreLoaders(ds),
    ...courierLoaders(ds),
    ...deliveryAreaLoaders(ds),
    ...contactLoaders(ds, identity),
  };
}

export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;

/** What the network's resolvers receive. */
export type NetworkContext = SubgraphContext<NetworkLoaders>;
