import 'reflect-metadata';

export { startTrackingSubgraph, TRACKING_SUBGRAPH } from './tracking.subgraph';
export type { TrackingSubgraphOptions, RunningTrackingSubgraph } from './tracking.subgraph';
export { buildTrackingSchema } from './schema';
export { createTrackingServices } from './tracking.services';
export type { TrackingServices, TrackingServiceOptions } from './tracking.services';
export { TRACKING_DB_SCHEMA, TRACKING_ENTITIES, TRACKING_MIGRATIONS } from './tracking.entities';
export { WaybillEntity } from './waybill/waybill.entity';
export { ScanEventEntity } from './scan/scan-event.entity';
export { LaneTransitTimeEntity } from './eta/lane-transit-time.entity';
export { CreateWaybillsService, MAX_WAYBILLS_PER_CALL } from './waybill/create-waybills.service';
export type { CreateWaybillResult } from './waybill/create-waybills.service';
export { RecordScansService, MAX_SCANS_PER_CALL } from './scan/record-scans.service';
export { columnsOfScans, type ScanColumns } from './scan/scan-columns';
export type { ScanInput, ScanResult } from './scan/scan-batch';
export { ensureScanEventPartitions, partitionWindow } from './partitions/scan-event.partitions';
export { TrackingError, TRACKING_ERROR_CODES, LOCAL_REJECTION_CODES } from './common/tracking.errors';
