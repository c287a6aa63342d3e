import type { DataSource } from 'typeorm';
import { EscalationService } from './contact/escalation.service';
import { CoverageService } from './delivery-coverage/coverage.service';
import { CourierService } from './courier/courier.service';
import { DeliveryAreaService } from './delivery-area/delivery-area.service';
import { HandoverService } from './delivery-area/handover.service';
import { WhoDeliversHereService } from './delivery-area/who-delivers-here.service';
import { DivisionService } from './division/division.service';
import { OutletService } from './outlet/outlet.service';
import { TransitCentreService } from './transit-centre/transit-centre.service';

/** The network's services over one DataSource (stateless; shared by all requests). */
export function createNetworkServices(ds: DataSource) {
  const divisions = new DivisionService(ds);
  return {
    divisions,
    outlets: new OutletService(ds, divisions),
    transitCentres: new TransitCentreService(ds),
    couriers: new CourierService(ds),
    areas: new DeliveryAreaService(ds, divisions),
    handovers: new HandoverService(ds),
    search: new WhoDeliversHereService(ds),
    escalations: new EscalationService(ds),
    coverage: new CoverageService(ds),
  };
}

export type NetworkServices = ReturnType<typeof createNetworkServices>;
