import 'reflect-metadata';

export { startNetworkSubgraph, NETWORK_SUBGRAPH } from './network.subgraph';
export type { NetworkSubgraphOptions, RunningNetworkSubgraph } from './network.subgraph';
export { buildNetworkSchema } from './schema';
export { NOT_PERSONAL_DATA as NETWORK_NOT_PERSONAL_DATA } from './common/not-personal-data';
export { createNetworkServices } from './network.services';
export type { NetworkServices } from './network.services';
export { NETWORK_DB_SCHEMA, NETWORK_ENTITIES, NETWORK_MIGRATIONS } from './network.entities';
export { TransitCentreEntity } from './transit-centre/transit-centre.entity';
export { OutletEntity } from './outlet/outlet.entity';
export { CourierEntity } from './courier/courier.entity';
export { DeliveryAreaEntity } from './delivery-area/delivery-area.entity';
export { AreaAssignmentEntity } from './delivery-area/area-assignment.entity';
export { ContactEntity } from './contact/contact.entity';
export { DivisionEntity } from './division/division.entity';
export { DivisionService } from './division/division.service';
export { NetworkSubgraphError } from './common/subgraph.errors';
export type { DistrictNames, StreetEntry } from './division/division.service';
