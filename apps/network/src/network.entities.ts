import { ContactEntity } from './contact/contact.entity';
import { CourierEntity } from './courier/courier.entity';
import { AreaAssignmentEntity } from './delivery-area/area-assignment.entity';
import { DeliveryAreaEntity } from './delivery-area/delivery-area.entity';
import { DivisionEntity } from './division/division.entity';
import { CreateDirectory1795440000000 } from './migrations/1795440000000-create-directory';
import { CreateDeliveryAreas1795440060000 } from './migrations/1795440060000-create-delivery-areas';
import { CreateContacts1795440120000 } from './migrations/1795440120000-create-contacts';
import { AddSearchAndOverlapGuards1795440180000 } from './migrations/1795440180000-add-search-and-overlap-guards';
import { CreateDivision1795440240000 } from './migrations/1795440240000-create-division';
import { AddOutletDistrictKindIndex1795800120000 } from './migrations/1795800120000-add-outlet-district-kind-index';
import { OutletEntity } from './outlet/outlet.entity';
import { TransitCentreEntity } from './transit-centre/transit-centre.entity';

/** The PostgreSQL schema (namespace) the network subgraph owns. */
export const NETWORK_DB_SCHEMA = 'network';

/** Every TypeORM entity of the network schema (for the subgraph, seeding and the stack). */
export const NETWORK_ENTITIES = [TransitCentreEntity, OutletEntity, CourierEntity, DeliveryAreaEntity, AreaAssignmentEntity, ContactEntity, DivisionEntity];

/** The network schema's migrations, oldest first. */
export const NETWORK_MIGRATIONS = [
  CreateDirectory1795440000000,
  CreateDeliveryAreas1795440060000,
  CreateContacts1795440120000,
  AddSearchAndOverlapGuards1795440180000,
  CreateDivision1795440240000,
  AddOutletDistrictKindIndex1795800120000,
];
