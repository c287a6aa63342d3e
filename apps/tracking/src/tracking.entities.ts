import { LaneTransitTimeEntity } from './eta/lane-transit-time.entity';
import { CreateWaybill1795500000000 } from './migrations/1795500000000-create-waybill';
import { CreateScanEvent1795500060000 } from './migrations/1795500060000-create-scan-event';
import { CreateLaneTransitTime1795500120000 } from './migrations/1795500120000-create-lane-transit-time';
import { CreateCourierOutlet1795500180000 } from './migrations/1795500180000-create-courier-outlet';
import { CreateAnomalyEvent1795500240000 } from './migrations/1795500240000-create-anomaly-event';
import { CreateTariffs1795800000000 } from './migrations/1795800000000-create-tariffs';
import { CreateHeadlessParcel1795800060000 } from './migrations/1795800060000-create-headless-parcel';
import { HeadlessMatchProposalEntity, HeadlessParcelEntity, HeadlessSearchEntity } from './headless/headless-parcel.entity';
import { CourierOutletEntity } from './network-refs/courier-outlet.entity';
import { ScanEventEntity } from './scan/scan-event.entity';
import { WaybillEntity } from './waybill/waybill.entity';

/** The PostgreSQL schema (namespace) the tracking subgraph owns. */
export const TRACKING_DB_SCHEMA = 'tracking';

/** Every TypeORM entity of the tracking schema (for the subgraph, seeding and benchmarks). */
export const TRACKING_ENTITIES = [WaybillEntity, ScanEventEntity, LaneTransitTimeEntity, CourierOutletEntity, HeadlessParcelEntity, HeadlessSearchEntity, HeadlessMatchProposalEntity];

/** The tracking schema's migrations, oldest first. */
export const TRACKING_MIGRATIONS = [CreateWaybill1795500000000, CreateScanEvent1795500060000, CreateLaneTransitTime1795500120000, CreateCourierOutlet1795500180000, CreateAnomalyEvent1795500240000, CreateTariffs1795800000000, CreateHeadlessParcel1795800060000];
