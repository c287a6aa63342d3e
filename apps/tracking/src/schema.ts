import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@courierdesk/platform-subgraph';
import './common/enums';
import './tariff/tariff.enums';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { DistrictTariffResolver, TicketChargeCheckResolver } from './tariff/contributed.resolver';
import { districtReference, DistrictRef, ticketReference, TicketRef } from './tariff/contributed.type';
import { TariffResolver } from './tariff/tariff.resolver';
import { WaybillChargesResolver } from './tariff/waybill-charges.resolver';
import { outletReference, transitCentreReference } from './network-refs/network-refs.reference';
import { CourierRef, OutletRef, TransitCentreRef } from './network-refs/network-refs.type';
import { scanEventReference } from './scan/scan-event.reference';
import { ScanEventResolver } from './scan/scan-event.resolver';
import { ScanEvent } from './scan/scan-event.type';
import type { TrackingServices } from './tracking.services';
import { HeadlessMatchResolver, HeadlessProposalResolver, HeadlessSearchResolver, WaybillHeadlessResolver } from './headless/headless-match.resolver';
import { HeadlessParcelResolver } from './headless/headless-parcel.resolver';
import { RecordScansResolver } from './ingest/record-scans.resolver';
import { AnomalyEventResolver } from './outbox/anomaly-event.resolver';
import { AnomalyQueueResolver } from './waybill/anomaly-queue.resolver';
import { CreateWaybillResolver } from './waybill/create-waybill.resolver';
import { OutletWaybillsResolver, TransitCentreWaybillsResolver } from './waybill/place-waybills.resolver';
import { ScanEventWaybillResolver } from './waybill/scan-event-waybill.resolver';
import { waybillReference } from './waybill/waybill.reference';
import { WaybillResolver } from './waybill/waybill.resolver';
import { Waybill } from './waybill/waybill.type';

/** Stand-in services for a schema built only to print its SDL (tools/compose): resolving fails loudly. */
const noServices = new Proxy({} as TrackingServices, {
  get: () => {
    throw new Error('buildTrackingSchema() was called without services: this schema prints its SDL but cannot resolve');
  },
});

/**
 * The tracking subgraph's federated schema. Resolvers get their services by constructor; type-graphql
 * asks this small container for them, so no module-level state is shared between schemas.
 * Works without a database (composition, SDL printing).
 */
export async function buildTrackingSchema(services: TrackingServices = noServices): Promise<GraphQLSchema> {
  let instances: Map<unknown, unknown> | undefined;
  const resolverInstances = (): Map<unknown, unknown> =>
    (instances ??= new Map<unknown, unknown>([
      [WaybillResolver, new WaybillResolver(services.finder)],
      [AnomalyQueueResolver, new AnomalyQueueResolver(services.finder)],
      [ScanEventResolver, new ScanEventResolver()],
      [ScanEventWaybillResolver, new ScanEventWaybillResolver()],
      [RecordScansResolver, new RecordScansResolver(services.scans)],
      [CreateWaybillResolver, new CreateWaybillResolver(services.creation)],
      [OutletWaybillsResolver, new OutletWaybillsResolver()],
      [TransitCentreWaybillsResolver, new TransitCentreWaybillsResolver()],
      [AnomalyEventResolver, new AnomalyEventResolver(services.feed)],
      [TariffResolver, new TariffResolver(services.tariffs)],
      [CatalogueResolver, new CatalogueResolver(services.catalogue)],
      [WaybillChargesResolver, new WaybillChargesResolver()],
      [TicketChargeCheckResolver, new TicketChargeCheckResolver()],
      [DistrictTariffResolver, new DistrictTariffResolver()],
      [HeadlessParcelResolver, new HeadlessParcelResolver(services.headlessParcels)],
      [HeadlessMatchResolver, new HeadlessMatchResolver(services.headlessMatches)],
      [HeadlessSearchResolver, new HeadlessSearchResolver()],
      [HeadlessProposalResolver, new HeadlessProposalResolver()],
      [WaybillHeadlessResolver, new WaybillHeadlessResolver()],
    ]));
  return buildFederatedSchema(
    {
      resolvers: [
        WaybillResolver,
        AnomalyQueueResolver,
        ScanEventResolver,
        ScanEventWaybillResolver,
        RecordScansResolver,
        CreateWaybillResolver,
        OutletWaybillsResolver,
        TransitCentreWaybillsResolver,
        AnomalyEventResolver,
        TariffResolver,
        CatalogueResolver,
        WaybillChargesResolver,
        TicketChargeCheckResolver,
        DistrictTariffResolver,
        HeadlessParcelResolver,
        HeadlessMatchResolver,
        HeadlessSearchResolver,
        HeadlessProposalResolver,
        WaybillHeadlessResolver,
      ],
      orphanedTypes: [Waybill, ScanEvent, OutletRef, TransitCentreRef, CourierRef, TicketRef, DistrictRef],
      container: { get: (resolverClass: unknown) => resolverInstances().get(resolverClass) },
    },
    {
      Waybill: waybillReference,
      ScanEvent: scanEventReference,
      Outlet: outletReference,
      TransitCentre: transitCentreReference,
      Ticket: ticketReference,
      District: districtReference,
    },
    // Batches refuse a NUL per item (INVALID_CHARACTERS in that item's reasons).
    { perItemFields: new Set(['recordScans', 'createWaybills']) },
  );
}
