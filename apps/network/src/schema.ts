import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@courierdesk/platform-subgraph';
import './common/enums';
import { ContactResolver, EscalationChainResolver, EscalationStepResolver } from './contact/contact.resolver';
import { CoverageResolver } from './delivery-coverage/coverage.resolver';
import { courierReference } from './courier/courier.reference';
import { CourierResolver } from './courier/courier.resolver';
import { Courier } from './courier/courier.type';
import { AreaAssignmentResolver, AreaMatchResolver, DeliveryAreaResolver } from './delivery-area/delivery-area.resolver';
import { districtReference } from './division/district.reference';
import { District } from './division/district.type';
import type { NetworkServices } from './network.services';
import { outletReference } from './outlet/outlet.reference';
import { OutletResolver } from './outlet/outlet.resolver';
import { Outlet } from './outlet/outlet.type';
import { transitCentreReference } from './transit-centre/transit-centre.reference';
import { TransitCentreResolver } from './transit-centre/transit-centre.resolver';
import { TransitCentre } from './transit-centre/transit-centre.type';

/** Stand-in services for a schema built only to print its SDL (tools/compose): resolving fails loudly. */
const noServices = new Proxy({} as NetworkServices, {
  get: () => {
    throw new Error('buildNetworkSchema() was called without services: this schema prints its SDL but cannot resolve');
  },
});

/**
 * The network subgraph's federated schema. Resolvers get their services by constructor; type-graphql
 * asks this small container for them, so no module-level state is shared between schemas.
 */
export async function buildNetworkSchema(services: NetworkServices = noServices): Promise<GraphQLSchema> {
  // Built on first use, so a schema made without services can still print its SDL.
  let instances: Map<unknown, unknown> | undefined;
  const resolverInstances = (): Map<unknown, unknown> =>
    (instances ??= new Map<unknown, unknown>([
      [OutletResolver, new OutletResolver(services.outlets)],
      [TransitCentreResolver, new TransitCentreResolver(services.transitCentres)],
      [CourierResolver, new CourierResolver(services.couriers)],
      [DeliveryAreaResolver, new DeliveryAreaResolver(services.areas, services.handovers, services.search)],
      [AreaAssignmentResolver, new AreaAssignmentResolver()],
      [AreaMatchResolver, new AreaMatchResolver()],
      [ContactResolver, new ContactResolver(services.escalations)],
      [EscalationStepResolver, new EscalationStepResolver()],
      [EscalationChainResolver, new EscalationChainResolver()],
      [CoverageResolver, new CoverageResolver(services.coverage)],
    ]));
  return buildFederatedSchema(
    {
      resolvers: [
        OutletResolver,
        TransitCentreResolver,
        CourierResolver,
        DeliveryAreaResolver,
        AreaAssignmentResolver,
        AreaMatchResolver,
        ContactResolver,
        EscalationStepResolver,
        EscalationChainResolver,
        CoverageResolver,
      ],
      orphanedTypes: [Outlet, TransitCentre, Courier, District],
      container: { get: (resolverClass: unknown) => resolverInstances().get(resolverClass) },
    },
    {
      Outlet: outletReference,
      TransitCentre: transitCentreReference,
      Courier: courierReference,
      District: districtReference,
    },
  );
}
